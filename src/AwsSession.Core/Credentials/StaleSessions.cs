using AwsSession.Aws;
using AwsSession.Domain;
using AwsSession.Logging;

namespace AwsSession.Credentials;

/// <summary>
/// The one rule for a cached session that AWS refuses (it expired early, was revoked, or its key was deleted): drop it
/// from the cache, say so, make a new one and try the call once more. Never for a session just made (a new one would
/// fare no better, and could cost another MFA code), and never more than once.
/// </summary>
public static class StaleSessions
{
    /// <summary>Runs <paramref name="call"/> with the source's session, renewing it once if AWS refuses a cached one.</summary>
    public static async Task<(Session Session, T Result)> UseAsync<T>(ICredentialSource source, Func<Session, Task<T>> call, IStatus status, CancellationToken ct)
    {
        Session? used = null;
        var result = await UseAsync(source, async get =>
        {
            used = await get();
            return await call(used);
        }, status, ct);
        return (used!, result);
    }

    /// <summary>
    /// For calls that fetch the session only if they need one (a listing the accounts cache may answer): the rule
    /// applies only when the refused call had a cached session from <paramref name="source"/>.
    /// </summary>
    public static async Task<T> UseAsync<T>(ICredentialSource source, Func<Func<ValueTask<Session>>, Task<T>> call, IStatus status, CancellationToken ct)
    {
        Session? served = null;
        try
        {
            return await call(async () => served = await source.GetAsync(ct));
        }
        catch (CredentialsRejectedException e) when (served is { FromCache: true } && source is IInvalidatable cached)
        {
            status.Note($"AWS refused the cached {Describe(served)} ({e.Reason}); dropped it, making a new one");
            cached.Invalidate();
            return await call(() => source.GetAsync(ct));
        }
    }

    private static string Describe(Session s) => s.Kind switch
    {
        SessionKind.Role => $"role session for {s.Identity.Name}",
        _ => "MFA session",
    };
}
