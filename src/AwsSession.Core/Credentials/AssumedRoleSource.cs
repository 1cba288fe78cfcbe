using AwsSession.Aws;
using AwsSession.Config;
using AwsSession.Domain;
using AwsSession.Logging;

namespace AwsSession.Credentials;

/// <summary>
/// A role (sts:AssumeRole) over any inner session. Role chaining (a role from a role session) is capped at one
/// hour, as STS requires, with a note instead of STS's ValidationError.
/// </summary>
public sealed class AssumedRoleSource(ICredentialSource inner, RoleTarget target, IStsGateway sts, IStatus status) : ICredentialSource
{
    public async ValueTask<Session> GetAsync(CancellationToken ct)
    {
        var (_, assumed) = await StaleSessions.UseAsync(inner, async s => await AssumeAsync(s, ct), status, ct);
        return new Session(assumed.Credentials, SessionKind.Role, SessionIdentity.Role(target.RoleArn), assumed.UserName);
    }

    /// <returns>The role's credentials, and the caller's user name that the new session carries on.</returns>
    private async Task<(AwsCredentials Credentials, string? UserName)> AssumeAsync(Session source, CancellationToken ct)
    {
        if (source.Identity.Kind == IdentityKind.Unverified)
        {
            // A session aws-session did not make: ask STS what it is, to know whether this is role chaining.
            var id = await sts.GetCallerIdentityAsync(source.Credentials, ct);
            source = source with { Identity = id.IsAssumedRole ? SessionIdentity.Role(id.Arn) : SessionIdentity.User(id.Arn), UserName = UserName(id) };
        }
        else if (source.UserName is null && target.SessionName is null)
        {
            source = source with { UserName = await UserNameAsync(source.Credentials, ct) };
        }
        var duration = target.Duration;
        if (IsRoleSession(source) && duration > Durations.ChainedRoleMax)
        {
            status.Note($"role chaining: the duration is capped at {Durations.Format(Durations.ChainedRoleMax)} (asked {Durations.Format(duration)})");
            duration = Durations.ChainedRoleMax;
        }

        var sessionName = target.SessionName ?? DefaultSessionName(source);
        var request = new RoleRequest(target.RoleArn, sessionName, target.ExternalId, duration) { Attributes = target.Attributes };
        return (await sts.AssumeRoleAsync(source.Credentials, request, ct), source.UserName);
    }

    /// <summary>Who the caller is, for the default session name: the IAM user, or the session name of a role session.</summary>
    private static string UserName(CallerIdentity id) => id.UserName ?? id.Name.Split('/').Last();

    /// <summary>Only for a name: a caller STS will not describe still gets its role, named "aws-session".</summary>
    private async Task<string?> UserNameAsync(AwsCredentials credentials, CancellationToken ct)
    {
        try
        {
            return UserName(await sts.GetCallerIdentityAsync(credentials, ct));
        }
        catch (AwsSessionException e)
        {
            status.Debug($"no caller name for the role session name: {e.Message}");
            return null;
        }
    }

    public override string ToString() => $"AssumedRole({inner})";

    public static bool IsRoleSession(Session s) =>
        s.Kind == SessionKind.Role || s.Identity.Kind == IdentityKind.Role;

    /// <summary>Deterministic, so the cache key of a role session is stable: the user's name, else "aws-session".</summary>
    public static string DefaultSessionName(Session source) =>
        Validation.SanitizeSessionName(source.UserName is { Length: > 0 } u ? u : "aws-session");
}
