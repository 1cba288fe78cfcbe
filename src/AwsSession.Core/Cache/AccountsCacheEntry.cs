using AwsSession.Domain;

namespace AwsSession.Cache;

/// <summary>The organization's account list as last fetched, per management identity.</summary>
public sealed record AccountsCacheEntry(string Key, DateTimeOffset Fetched, IReadOnlyList<Account> Accounts);
