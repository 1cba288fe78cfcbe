using System.Text.Json;
using AwsSession.Domain;
using AwsSession.Logging;

namespace AwsSession.Cache;

/// <summary>Cached sessions, one file per key under the cache directory. Corrupt files are misses, never errors.</summary>
public sealed class SessionCache(CacheStore store, TimeProvider time, IStatus status)
{
    private const string Suffix = ".json";

    /// <summary>The cached session when it has at least <paramref name="minTtl"/> left.</summary>
    public Session? TryGet(string key, TimeSpan minTtl)
    {
        var entry = Read(key + Suffix);
        if (entry is null || entry.Key != key)
            return null;
        if (entry.Expiration - time.GetUtcNow() < minTtl)
        {
            status.Debug($"cache: {key} expires at {entry.Expiration:u}, inside the {minTtl.TotalMinutes:0}m margin");
            return null;
        }
        return entry.ToSession();
    }

    /// <summary>When the cached session ends (or ended), for messages; null when there is none.</summary>
    public DateTimeOffset? ExpirationOf(string key) => Read(key + Suffix) is { } entry && entry.Key == key ? entry.Expiration : null;

    public void Put(string key, Session session, string profile)
    {
        if (session.Credentials is not { SessionToken: { } token, Expiration: { } expiration } c)
            return;
        var entry = new CacheEntry
        {
            Key = key,
            Kind = session.Kind,
            Profile = profile,
            Identity = session.Identity.ToString(),
            UserName = session.UserName,
            AccessKeyId = c.AccessKeyId,
            SecretAccessKey = c.SecretAccessKey,
            SessionToken = token,
            Expiration = expiration,
        };
        store.Write(key + Suffix, JsonSerializer.SerializeToUtf8Bytes(entry, CacheJson.Default.CacheEntry));
    }

    public void Remove(string key) => store.Delete(key + Suffix);

    public Task<CacheLock> LockAsync(string key, TimeSpan timeout, CancellationToken ct) => CacheLock.AcquireAsync(store, key, timeout, ct);

    public IReadOnlyList<CacheEntry> List() =>
        store.Names("", Suffix).Where(n => !n.StartsWith(CacheKeys.AccountsPrefix, StringComparison.Ordinal))
            .Select(Read).OfType<CacheEntry>().OrderBy(e => e.Expiration).ToList();

    /// <summary>Forgets every cached session, or those of one profile. Returns how many were removed.</summary>
    public int Clear(string? profile)
    {
        var removed = 0;
        foreach (var name in store.Names("", Suffix).ToList())
        {
            var entry = name.StartsWith(CacheKeys.AccountsPrefix, StringComparison.Ordinal) ? null : Read(name);
            if (profile is not null && entry?.Profile != profile)
                continue;
            store.Delete(name);
            removed++;
        }
        return removed;
    }

    private CacheEntry? Read(string name)
    {
        var bytes = store.Read(name);
        if (bytes is null)
            return null;
        try
        {
            return JsonSerializer.Deserialize(bytes, CacheJson.Default.CacheEntry);
        }
        catch (JsonException)
        {
            status.Debug($"cache: {name} is corrupt; it will be replaced");
            return null;
        }
    }
}
