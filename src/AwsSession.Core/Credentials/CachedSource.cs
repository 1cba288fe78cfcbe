using AwsSession.Cache;
using AwsSession.Domain;
using AwsSession.Logging;

namespace AwsSession.Credentials;

/// <summary>
/// A cache decorator over any source. Through <see cref="SingleFlight"/>, the first of N concurrent invocations
/// makes the session (and prompts, once); the others wait, then read what it wrote or report how it failed.
/// </summary>
/// <param name="what">Names the session for the line a waiting run prints ("the MFA session for ...").</param>
public sealed class CachedSource(ICredentialSource inner, SessionCache cache, string key, string profile, TimeSpan minTtl, IStatus status, string what = "the session")
    : ICredentialSource, IInvalidatable
{
    public async ValueTask<Session> GetAsync(CancellationToken ct)
    {
        if (cache.TryGet(key, minTtl) is { } hit)
        {
            status.Debug($"cache hit: {key}");
            return hit;
        }

        status.Debug($"cache miss: {key}");
        // Before the flight: a handed-off miss must leave no lock and no failure record for other runs to read.
        if (cache.HitsOnly)
            throw new HandOffException($"cache miss: {key}");
        return await cache.Flight.RunAsync(key, what,
            () => cache.TryGet(key, minTtl),
            async () => await inner.GetAsync(ct),
            fresh => cache.Put(key, fresh, profile), ct);
    }

    /// <summary>
    /// A newer session than <paramref name="current"/>: another process's, if it renewed the entry meanwhile, else a
    /// new one from the inner source, stored. The entry is replaced, never removed first: other shells and processes
    /// that share it keep using it until the new one is there.
    /// </summary>
    public async ValueTask<Session> RenewAsync(Session current, CancellationToken ct)
    {
        status.Debug($"cache: renewing {key}");
        return await cache.Flight.RunAsync(key, what,
            () => cache.TryGet(key, minTtl) is { } stored && stored.Expiration > current.Expiration ? stored : null,
            async () => await inner.GetAsync(ct),
            fresh => cache.Put(key, fresh, profile), ct);
    }

    public override string ToString() => $"Cached({inner})";

    public void Invalidate()
    {
        status.Debug($"cache: dropping {key}");
        cache.Remove(key);
    }
}

/// <summary>A source whose stored result can be dropped, e.g. when AWS calls a cached session expired, or renewed.</summary>
public interface IInvalidatable
{
    void Invalidate();

    ValueTask<Session> RenewAsync(Session current, CancellationToken ct);
}
