using AwsSession.Domain;
using AwsSession.Logging;

namespace AwsSession.Cache;

/// <summary>The organization's account list per management identity, under the same file rules as sessions.</summary>
public sealed class AccountsCache(CacheStore store, TimeProvider time, IStatus status)
{
    /// <summary>One listing at a time per identity, across processes (see <see cref="SingleFlight"/>).</summary>
    public SingleFlight Flight { get; } = new(store, time, status);

    /// <summary>The accounts chosen before, for the picker's order.</summary>
    public RecentPicks Recent { get; } = new(store, time);

    public AccountsCacheEntry? Read(string key)
    {
        var bytes = store.Read(key + ".json");
        if (bytes is null)
            return null;
        var entry = AccountsCacheJson.Read(bytes);
        return entry?.Key == key ? entry : null;
    }

    public bool IsFresh(AccountsCacheEntry entry, TimeSpan ttl) => time.GetUtcNow() - entry.Fetched < ttl;

    public void Write(string key, IReadOnlyList<Account> accounts) =>
        store.Write(key + ".json", AccountsCacheJson.Write(new AccountsCacheEntry(key, time.GetUtcNow(), accounts)));
}
