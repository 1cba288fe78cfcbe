using AwsSession.Cache;
using AwsSession.Domain;
using AwsSession.Logging;

namespace AwsSession.Credentials;

/// <summary>
/// A cache decorator over any source. Under a per-key inter-process lock, the first of N concurrent invocations
/// makes the session (and prompts, once); the others wait and then read what it wrote.
/// </summary>
public sealed class CachedSource(ICredentialSource inner, SessionCache cache, string key, string profile, TimeSpan minTtl, IStatus status)
    : ICredentialSource, IInvalidatable
{
    public static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(3);

    public async ValueTask<Session> GetAsync(CancellationToken ct)
    {
        if (cache.TryGet(key, minTtl) is { } hit)
        {
            status.Debug($"cache hit: {key}");
            return hit;
        }

        using var held = await cache.LockAsync(key, LockTimeout, ct);
        if (cache.TryGet(key, minTtl) is { } madeMeanwhile)
        {
            status.Debug($"cache hit after waiting for the lock: {key}");
            return madeMeanwhile;
        }

        status.Debug($"cache miss: {key}");
        var fresh = await inner.GetAsync(ct);
        cache.Put(key, fresh, profile);
        return fresh;
    }

    /// <summary>
    /// A newer session than <paramref name="current"/>: another process's, if it renewed the entry meanwhile, else a
    /// new one from the inner source, stored. The entry is replaced, never removed first: other shells and processes
    /// that share it keep using it until the new one is there.
    /// </summary>
    public async ValueTask<Session> RenewAsync(Session current, CancellationToken ct)
    {
        using var held = await cache.LockAsync(key, LockTimeout, ct);
        if (cache.TryGet(key, minTtl) is { } stored && stored.Expiration > current.Expiration)
        {
            status.Debug($"cache: {key} was renewed by another process");
            return stored;
        }
        status.Debug($"cache: renewing {key}");
        var fresh = await inner.GetAsync(ct);
        cache.Put(key, fresh, profile);
        return fresh;
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
