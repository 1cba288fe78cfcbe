using AwsSession.Aws;
using AwsSession.Cache;
using AwsSession.Config;
using AwsSession.Domain;
using AwsSession.Logging;
using AwsSession.Prompts;

namespace AwsSession.Accounts;

/// <summary>
/// The accounts of an origin (the organization, or IAM Identity Center): from the accounts cache while fresh, else
/// from the lister (with a live count on a terminal). A name missing from a fresh cached list triggers one refresh
/// before the lookup gives up. An account id never needs the list. <c>owner</c> names the identity the list belongs to (the cache key).
/// </summary>
public sealed class AccountDirectory(
    IAccountLister lister,
    AccountsCache? cache,
    IInteraction interaction,
    IStatus status,
    TimeSpan ttl)
{
    public AccountDirectory(IOrganizationsGateway orgs, AccountsCache? cache, IInteraction interaction, IStatus status, TimeSpan ttl)
        : this(new OrganizationsLister(orgs), cache, interaction, status, ttl)
    {
    }

    public async Task<IReadOnlyList<Account>> ListAsync(Func<ValueTask<Session>> source, string owner, bool refresh, CancellationToken ct)
    {
        var entry = Entry(owner);
        return (refresh ? null : Fresh(entry)) ?? await FetchAsync(source, owner, entry, ct);
    }

    public async Task<Account> ResolveAsync(string? query, Func<ValueTask<Session>> source, string owner, CancellationToken ct)
    {
        if (query is null)
            return await PickAsync(source, owner, ct);
        if (IsAccountId(query))
            return KnownName(query, owner) ?? new Account(query, query, "");

        var entry = Entry(owner);
        var cached = Fresh(entry);
        var result = AccountMatcher.Match(query, cached ?? await FetchAsync(source, owner, entry, ct));
        if (result is NotFound && cached is not null)
        {
            status.Debug($"accounts: '{query}' is not in the cached list; refreshing once");
            result = AccountMatcher.Match(query, await FetchAsync(source, owner, entry, ct));
        }

        var shown = ErrorText.Printable(query);
        if (result is NotFound { Closest.Count: 0 })
            throw new AwsSessionException($"no account named '{shown}': {lister.Origin} lists no accounts to this identity", hint: OrganizationsLister.NoOrganizationHint);
        if (result is Matched { Account: var found })
        {
            // A name that needed the list counts as a use; an id (the fast path, no list) does not.
            cache?.Recent.Record(RecentList(owner), found.Id);
            return found;
        }
        return result switch
        {
            Ambiguous a => throw new AwsSessionException(
                $"account '{shown}' matches {a.Candidates.Count} accounts: {string.Join(", ", a.Candidates.Take(8))}{(a.Candidates.Count > 8 ? ", ..." : "")}",
                hint: "give more of the name, or the 12-digit id"),
            NotFound n => throw new AwsSessionException(
                $"no account named '{shown}' in {lister.Origin}" + (n.Closest.Count > 0 ? $"; closest: {string.Join(", ", n.Closest)}" : ""),
                hint: query.All(char.IsAsciiDigit) ? "an account id has exactly 12 digits" : "list them with: aws-session accounts"),
            _ => throw new InvalidOperationException(),
        };
    }

    public static bool IsAccountId(string s) => s.Length == 12 && s.All(char.IsAsciiDigit);

    private async Task<Account> PickAsync(Func<ValueTask<Session>> source, string owner, CancellationToken ct)
    {
        // Checked before any call: without a terminal the list would be fetched for nothing.
        if (!interaction.CanPrompt)
            throw new UsageException("no ACCOUNT given, and there is no terminal for the account picker", "pass an account id or name: aws-session pose ACCOUNT [ROLE]");
        var all = (await ListAsync(source, owner, refresh: false, ct))
            .Where(a => a.IsActive).OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase).ToList();
        if (all.Count == 0)
            throw new AwsSessionException($"{lister.Origin} has no active accounts to choose from");
        var list = RecentList(owner);
        var picked = interaction.Pick("Which account?", cache?.Recent.Order(list, all, a => a.Id) ?? all, a => [a.Name, a.Id, a.Email]);
        cache?.Recent.Record(list, picked.Id);
        return picked;
    }

    private static string RecentList(string owner) => "accounts\n" + owner;

    private AccountsCacheEntry? Entry(string owner) => cache?.Read(CacheKeys.Accounts(owner));

    private IReadOnlyList<Account>? Fresh(AccountsCacheEntry? entry)
    {
        if (cache is null || entry is null)
            return null;
        if (!cache.IsFresh(entry, ttl))
        {
            status.Debug($"accounts: the cached list (fetched {entry.Fetched:u}) is older than {Durations.Format(ttl)}");
            return null;
        }
        status.Debug($"accounts: {entry.Accounts.Count} from the cache (fetched {entry.Fetched:u})");
        return entry.Accounts;
    }

    /// <summary>The account's name from a cached list, fresh or not, without ever fetching.</summary>
    private Account? KnownName(string id, string owner) =>
        cache?.Read(CacheKeys.Accounts(owner))?.Accounts.FirstOrDefault(a => a.Id == id);

    /// <param name="seen">The cached list this run found wanting (stale, or without the name); a different one written
    /// meanwhile by a parallel run is taken instead of listing again.</param>
    private async Task<IReadOnlyList<Account>> FetchAsync(Func<ValueTask<Session>> source, string owner, AccountsCacheEntry? seen, CancellationToken ct)
    {
        if (cache is null)
            return await ListAsync(source, ct);
        // Under the list's lock: parallel cold runs wait for one listing instead of each paging through it.
        var key = CacheKeys.Accounts(owner);
        return await cache.Flight.RunAsync(key, "the account list",
            () => cache.Read(key) is { } e && e.Fetched != seen?.Fetched ? e.Accounts : null,
            () => ListAsync(source, ct),
            accounts => cache.Write(key, accounts), ct);
    }

    private async Task<IReadOnlyList<Account>> ListAsync(Func<ValueTask<Session>> source, CancellationToken ct)
    {
        if (lister.ListsWithSession)
        {
            // Made before the live status line: a cold session asks for an MFA code, and Spectre refuses a prompt
            // while its live display runs (pose without ACCOUNT on a cold cache failed with InvalidOperationException).
            var session = await source();
            source = () => ValueTask.FromResult(session);
        }
        var accounts = await interaction.WithProgressAsync(lister.Listing, progress => lister.ListAsync(source, progress, ct));
        status.Debug($"accounts: fetched {accounts.Count}");
        return accounts;
    }
}
