using AwsSession.Domain;
using AwsSession.Logging;

namespace AwsSession.Cache;

/// <summary>Cached sessions, one file per key under the cache directory. Corrupt files are misses, never errors.</summary>
/// <param name="hitsOnly">A miss is handed off (<see cref="HandOffException"/>) instead of made here.</param>
public sealed class SessionCache(CacheStore store, TimeProvider time, IStatus status, bool hitsOnly = false)
{
    public bool HitsOnly => hitsOnly;

    private const string Suffix = CacheNames.Entry;

    /// <summary>One maker per key across processes (the lock, and the failure record for those waiting).</summary>
    public SingleFlight Flight { get; } = new(store, time, status);

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
        store.Write(key + Suffix, CacheEntryJson.Write(entry));
    }

    public void Remove(string key) => store.Delete(key + Suffix);

    public IReadOnlyList<CacheEntry> List() =>
        store.Names("", Suffix).Where(n => CacheNames.KeyOf(n) is { } k && !k.StartsWith(CacheKeys.AccountsPrefix, StringComparison.Ordinal)
                && !k.StartsWith(CacheKeys.RecentPrefix, StringComparison.Ordinal))
            .Select(Read).OfType<CacheEntry>().Where(e => e.Key + Suffix is var n && CacheNames.KeyOf(n) == e.Key).OrderBy(e => e.Expiration).ToList();

    /// <summary>
    /// Forgets every cached session, account list and the picker's recent choices (or the sessions of one profile), with their lock and failure
    /// files and the temporary files of killed writers. Only files proven ours are removed: our name pattern and a
    /// parseable entry of our own format naming the same key. A lock another run holds is left alone (removing it
    /// would let a second run in). Returns how many sessions and account lists were removed.
    /// </summary>
    public int Clear(string? profile)
    {
        var removed = 0;
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in store.Names("", Suffix).ToList())
        {
            if (CacheNames.KeyOf(name) is not { } key || !IsOurEntry(key, profile))
                continue;
            store.Delete(name);
            keys.Add(key);
            removed++;
        }
        if (profile is null)
        {
            keys.UnionWith(store.Names("", CacheNames.Failure).Select(CacheNames.KeyOf).OfType<string>()
                .Where(k => new FailureRecords(store, time).Read(k) is not null));
            keys.UnionWith(store.Names("", CacheNames.Lock).Select(CacheNames.KeyOf).OfType<string>());
            foreach (var temp in store.OrphanedTemporaries().ToList())
                store.Delete(temp);
        }
        foreach (var key in keys)
        {
            if (new FailureRecords(store, time).Read(key) is not null)
                store.Delete(key + CacheNames.Failure);
            RemoveLock(key);
        }
        return removed;
    }

    private bool IsOurEntry(string key, string? profile)
    {
        if (key.StartsWith(CacheKeys.AccountsPrefix, StringComparison.Ordinal))
            return profile is null && new AccountsCache(store, time, status).Read(key) is not null;
        if (key.StartsWith(CacheKeys.RecentPrefix, StringComparison.Ordinal))
            return profile is null && new RecentPicks(store, time).Holds(key);
        return Read(key + Suffix) is { } entry && entry.Key == key && (profile is null || entry.Profile == profile);
    }

    private void RemoveLock(string key)
    {
        var name = key + CacheNames.Lock;
        var path = store.PathOf(name);
        if (!File.Exists(path) || !CacheLock.TryHold(path, out var held))
            return;
        using (held)
        {
            if (store.Read(name) is { } content && CacheLock.LooksLikeOurs(content))
                store.Delete(name);
        }
    }

    private CacheEntry? Read(string name)
    {
        var bytes = store.Read(name);
        if (bytes is null)
            return null;
        if (CacheEntryJson.Read(bytes) is { } entry)
            return entry;
        status.Debug($"cache: {name} is corrupt; it will be replaced");
        return null;
    }
}
