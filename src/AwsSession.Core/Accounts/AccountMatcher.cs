using AwsSession.Domain;

namespace AwsSession.Accounts;

public abstract record MatchResult;

public sealed record Matched(Account Account) : MatchResult;

public sealed record Ambiguous(IReadOnlyList<Account> Candidates) : MatchResult;

public sealed record NotFound(IReadOnlyList<Account> Closest) : MatchResult;

/// <summary>
/// Account lookup by name or prefix: an exact name (case-insensitive) wins; otherwise a unique prefix of a name
/// or an id. Only ACTIVE accounts are candidates. Pure, so every rule is unit-tested.
/// </summary>
public static class AccountMatcher
{
    public static MatchResult Match(string query, IReadOnlyList<Account> accounts)
    {
        var active = accounts.Where(a => a.IsActive).ToList();
        var exact = active.Where(a => string.Equals(a.Name, query, StringComparison.OrdinalIgnoreCase) || a.Id == query).ToList();
        if (exact.Count == 1)
            return new Matched(exact[0]);
        if (exact.Count > 1)
            return new Ambiguous(exact);

        var prefix = active.Where(a => a.Name.StartsWith(query, StringComparison.OrdinalIgnoreCase) || a.Id.StartsWith(query, StringComparison.Ordinal)).ToList();
        return prefix.Count switch
        {
            1 => new Matched(prefix[0]),
            > 1 => new Ambiguous(prefix.OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase).ToList()),
            _ => new NotFound(Closest(query, active)),
        };
    }

    /// <summary>
    /// The names nearest the query, for "closest: ...": names containing it first, then by edit distance.
    /// Always some (when there are accounts), because a wrong guess is still a better start than nothing.
    /// </summary>
    public static IReadOnlyList<Account> Closest(string query, IReadOnlyList<Account> accounts, int count = 3)
    {
        var q = query.ToLowerInvariant();
        return accounts.Select(a => (a, name: a.Name.ToLowerInvariant()))
            .OrderBy(x => x.name.Contains(q, StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(x => Distance(q, x.name))
            .ThenBy(x => x.a.Name, StringComparer.Ordinal)
            .Take(count).Select(x => x.a).ToList();
    }

    public static int Distance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
            prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }
}
