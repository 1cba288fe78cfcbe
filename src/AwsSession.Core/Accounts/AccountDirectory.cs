using AwsSession.Aws;
using AwsSession.Cache;
using AwsSession.Config;
using AwsSession.Domain;
using AwsSession.Prompts;

namespace AwsSession.Accounts;

/// <summary>
/// The organization's accounts: from the accounts cache while fresh, else from ListAccounts (with a live count
/// on a terminal). A name missing from a cached list triggers one refresh before the lookup gives up.
/// </summary>
public sealed class AccountDirectory(
    IOrganizationsGateway orgs,
    AccountsCache? cache,
    IInteraction interaction,
    IStatus status,
    TimeSpan ttl)
{
    public async Task<IReadOnlyList<Account>> ListAsync(Func<ValueTask<Session>> source, string sourceKey, bool refresh, CancellationToken ct)
    {
        var key = CacheKeys.Accounts(sourceKey);
        if (!refresh && cache?.Read(key) is { } entry && cache.IsFresh(entry, ttl))
        {
            status.Debug($"accounts: {entry.Accounts.Count} from the cache (fetched {entry.Fetched:u})");
            return entry.Accounts;
        }
        return await FetchAsync(source, key, ct);
    }

    public async Task<Account> ResolveAsync(string? query, Func<ValueTask<Session>> source, string sourceKey, CancellationToken ct)
    {
        if (query is null)
        {
            var all = (await ListAsync(source, sourceKey, refresh: false, ct)).Where(a => a.IsActive).OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase).ToList();
            if (all.Count == 0)
                throw new AwsSessionException("the organization has no active accounts to choose from");
            if (!interaction.CanPrompt)
                throw new UsageException("no ACCOUNT given, and there is no terminal for the account picker", "pass an account id or name: aws-session pose ACCOUNT [ROLE]");
            return interaction.Pick("Which account?", all, a => $"{a.Name}  {a.Id}  {a.Email}");
        }
        if (IsAccountId(query))
            return KnownName(query, sourceKey) ?? new Account(query, query, "");

        var key = CacheKeys.Accounts(sourceKey);
        var cached = cache?.Read(key) is { } e && cache.IsFresh(e, ttl) ? e.Accounts : null;
        var accounts = cached ?? await FetchAsync(source, key, ct);
        var result = AccountMatcher.Match(query, accounts);
        if (result is NotFound && cached is not null)
        {
            status.Debug($"accounts: '{query}' not in the cached list; refreshing once");
            result = AccountMatcher.Match(query, await FetchAsync(source, key, ct));
        }

        return result switch
        {
            Matched m => m.Account,
            Ambiguous a => throw new AwsSessionException(
                $"account '{Validation.Printable(query)}' matches {a.Candidates.Count} accounts: {string.Join(", ", a.Candidates.Take(8))}{(a.Candidates.Count > 8 ? ", ..." : "")}",
                hint: "give more of the name, or the 12-digit id"),
            NotFound n => throw new AwsSessionException(
                $"no account named '{Validation.Printable(query)}' in the organization" + (n.Closest.Count > 0 ? $"; closest: {string.Join(", ", n.Closest)}" : ""),
                hint: "list them with: aws-session accounts"),
            _ => throw new InvalidOperationException(),
        };
    }

    /// <summary>The account's name from a cached list, without ever fetching: an id never needs the list.</summary>
    private Account? KnownName(string id, string sourceKey) =>
        cache?.Read(CacheKeys.Accounts(sourceKey))?.Accounts.FirstOrDefault(a => a.Id == id);

    public static bool IsAccountId(string s) => s.Length == 12 && s.All(char.IsAsciiDigit);

    private async Task<IReadOnlyList<Account>> FetchAsync(Func<ValueTask<Session>> source, string key, CancellationToken ct)
    {
        var session = await source();
        IReadOnlyList<Account> accounts;
        try
        {
            accounts = await interaction.WithProgressAsync("Listing the organization's accounts",
                progress => orgs.ListAccountsAsync(session.Credentials, progress, ct));
        }
        catch (AwsSessionException e) when (e.InnerException is AwsApiException { Code: "AWSOrganizationsNotInUseException" or "AccessDeniedException" or "AccessDenied" } api)
        {
            throw new AwsSessionException($"cannot list the organization's accounts ({api.Code})",
                hint: "a 12-digit account id works without the organization: aws-session pose 123456789012 ROLE");
        }
        status.Debug($"accounts: fetched {accounts.Count}");
        cache?.Write(key, accounts);
        return accounts;
    }
}
