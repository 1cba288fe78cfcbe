using AwsSession.Domain;

namespace AwsSession.Aws;

/// <summary>
/// Checks on what an AWS endpoint answered: a missing field or an endless page chain becomes one clear line, never a
/// NullReferenceException or a loop. Endpoints can be proxies or emulators (AWS_ENDPOINT_URL), so nothing is assumed.
/// </summary>
public static class AwsAnswer
{
    /// <summary>More pages than any organization has (20 accounts a page: 200,000 accounts).</summary>
    public const int MaxPages = 10_000;

    private const string Hint = "if AWS_ENDPOINT_URL points at a proxy or an emulator, check it; otherwise try again";

    public static string Required(string? value, string service, string operation, string field) =>
        string.IsNullOrEmpty(value) ? throw Incomplete(service, operation, $"no {field}") : value;

    public static T Required<T>(T? value, string service, string operation, string field) where T : class =>
        value ?? throw Incomplete(service, operation, $"no {field}");

    public static AwsSessionException Incomplete(string service, string operation, string what) =>
        new($"{service} {operation} returned an incomplete answer ({what})", hint: Hint);

    /// <summary>Follows NextToken with a bound: a repeated token or too many pages stops with a clear error.</summary>
    public sealed class Pages(string service, string operation, int maxPages = MaxPages)
    {
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
        private int _pages;

        /// <summary>The token for the next page, or null when done.</summary>
        public string? Next(string? token)
        {
            _pages++;
            if (string.IsNullOrEmpty(token))
                return null;
            if (!_seen.Add(token))
                throw new AwsSessionException($"{service} {operation} sent the same NextToken twice (after {_pages} pages); stopped instead of paging forever", hint: Hint);
            if (_pages >= maxPages)
                throw new AwsSessionException($"{service} {operation} was still paging after {_pages} pages; stopped", hint: Hint);
            return token;
        }
    }
}
