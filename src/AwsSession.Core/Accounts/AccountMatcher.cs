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

    /// <summary>The three names nearest by edit distance, for "did you mean".</summary>
    public static IReadOnlyList<Account> Closest(string query, IReadOnlyList<Account> accounts, int count = 3) =>
        accounts.Select(a => (a, d: Distance(query.ToLowerInvariant(), a.Name.ToLowerInvariant())))
            .Where(x => x.d <= Math.Max(3, query.Length / 2))
            .OrderBy(x => x.d).ThenBy(x => x.a.Name, StringComparer.Ordinal)
            .Take(count).Select(x => x.a).ToList();

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
