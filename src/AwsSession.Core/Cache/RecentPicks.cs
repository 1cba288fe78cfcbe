
namespace AwsSession.Cache;

/// <summary>One choice made before: how often, and when last.</summary>
public sealed record RecentPick(string Id, int Count, DateTimeOffset Last);

/// <summary>The recent choices of one list (the accounts of one identity), as stored.</summary>
public sealed record RecentPicksFile(string Key, IReadOnlyList<RecentPick> Picks);

/// <summary>
/// Frecency for the picker: the accounts chosen before come first, the most frequent and recent ahead. One small file
/// per list under the cache's file rules. Parallel runs may each write their own view (the last one wins): losing one
/// use of an account costs nothing worth a lock.
/// </summary>
public sealed class RecentPicks(CacheStore store, TimeProvider time)
{
    private const int Kept = 30;
    private static readonly TimeSpan SameUse = TimeSpan.FromHours(1);

    /// <summary>The items with those chosen before first (by <see cref="Score"/>), the rest in their given order.</summary>
    public IReadOnlyList<T> Order<T>(string list, IReadOnlyList<T> items, Func<T, string> id)
    {
        var now = time.GetUtcNow();
        var scores = Read(CacheKeys.Recent(list)).ToDictionary(p => p.Id, p => (Score: Score(p, now), p.Last));
        return items.Select((item, index) => (item, index, known: scores.TryGetValue(id(item), out var s), s))
            .OrderBy(x => x.known ? 0 : 1).ThenByDescending(x => x.s.Score).ThenByDescending(x => x.s.Last).ThenBy(x => x.index)
            .Select(x => x.item).ToList();
    }

    public void Record(string list, string id)
    {
        var key = CacheKeys.Recent(list);
        var now = time.GetUtcNow();
        var picks = Read(key).ToList();
        var before = picks.FirstOrDefault(p => p.Id == id);
        // Uses within the hour count once: a Makefile's hundred runs of `pose prod` are one use, and a warm run
        // writes (and syncs) nothing.
        if (before is not null && now - before.Last < SameUse)
            return;
        picks.RemoveAll(p => p.Id == id);
        picks.Add(new RecentPick(id, (before?.Count ?? 0) + 1, now));
        var kept = picks.OrderByDescending(p => Score(p, now)).ThenByDescending(p => p.Last).Take(Kept).ToList();
        store.Write(key + CacheNames.Entry, RecentPicksJson.Write(new RecentPicksFile(key, kept)));
    }

    /// <summary>Whether the file of that key is a record of ours (for `clear`).</summary>
    public bool Holds(string key) => Read(key).Count > 0;

    /// <summary>Uses weighted by age (as browsers rank their address bar): this week's count most, last year's little.</summary>
    public static double Score(RecentPick pick, DateTimeOffset now)
    {
        var age = now - pick.Last;
        var weight = age < TimeSpan.FromDays(1) ? 4.0 : age < TimeSpan.FromDays(7) ? 2.0 : age < TimeSpan.FromDays(30) ? 1.0 : 0.25;
        return pick.Count * weight;
    }

    private IReadOnlyList<RecentPick> Read(string key)
    {
        if (store.Read(key + CacheNames.Entry) is not { } bytes)
            return [];
        var file = RecentPicksJson.Read(bytes);
        return file?.Key == key ? file.Picks : [];
    }
}
