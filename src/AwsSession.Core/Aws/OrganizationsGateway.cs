using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using AwsSession.Config;
using AwsSession.Domain;

namespace AwsSession.Aws;

/// <summary>
/// Organizations over JSON 1.1, at the endpoint of the partition <paramref name="region"/> is in. Follows every NextToken,
/// 20 accounts a page (the API's maximum).
/// </summary>
public sealed class OrganizationsGateway(AwsCall call, SignedHttp http, AwsReach reach, string region) : IOrganizationsGateway
{
    private static readonly MediaTypeHeaderValue Json11 = new("application/x-amz-json-1.1");

    public async Task<IReadOnlyList<Account>> ListAccountsAsync(AwsCredentials credentials, IProgress<int>? progress, CancellationToken ct)
    {
        var (endpoint, signingRegion) = reach.Endpoint(Endpoints.Organizations, region);
        using var client = http.ClientFor(credentials, "organizations", signingRegion);
        var accounts = new List<Account>();
        var pages = new AwsAnswer.Pages("Organizations", "ListAccounts");
        string? next = null;
        do
        {
            var page = await call.RunAsync("Organizations", "ListAccounts", endpoint, async token =>
            {
                var payload = JsonSerializer.Serialize(new ListAccountsRequest(20, next), OrganizationsJson.Default.ListAccountsRequest);
                using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(payload, Encoding.UTF8) };
                request.Content.Headers.ContentType = Json11;
                request.Headers.Add("X-Amz-Target", "AWSOrganizationsV20161128.ListAccounts");
                using var response = await client.SendAsync(request, token);
                var body = await response.Content.ReadAsStringAsync(token);
                if (!response.IsSuccessStatusCode)
                    throw JsonError(response, body);
                return JsonSerializer.Deserialize(body, OrganizationsJson.Default.ListAccountsResponse)
                    ?? throw new AwsApiException("Organizations", "EmptyResponse", "empty ListAccounts answer", response.StatusCode);
            }, ct);
            accounts.AddRange((page.Accounts ?? []).Select(ToAccount));
            progress?.Report(accounts.Count);
            next = pages.Next(page.NextToken);
        }
        while (next is not null);
        return accounts;
    }

    private static Account ToAccount(AccountJson? a)
    {
        const string Service = "Organizations", Operation = "ListAccounts";
        var entry = AwsAnswer.Required(a, Service, Operation, "account in a list entry");
        var id = AwsAnswer.Required(entry.Id, Service, Operation, "account Id");
        return new Account(id, AwsAnswer.Required(entry.Name, Service, Operation, $"Name for account {id}"), entry.Email ?? "", entry.Status ?? "ACTIVE");
    }

    private static AwsApiException JsonError(HttpResponseMessage response, string body)
    {
        string code = $"HTTP{(int)response.StatusCode}", message = response.ReasonPhrase ?? "";
        try
        {
            var err = JsonSerializer.Deserialize(body, OrganizationsJson.Default.JsonErrorResponse);
            // "__type" may carry a namespace: "com.amazonaws.organizations#AccessDeniedException".
            if (err?.Type is { } t)
                code = t[(t.LastIndexOf('#') + 1)..];
            message = err?.Message ?? err?.LowerMessage ?? message;
        }
        catch (JsonException)
        {
            // A non-JSON error page: keep the status line.
        }
        if (response.Headers.TryGetValues("x-amzn-ErrorType", out var types) && types.FirstOrDefault() is { } header)
            code = header.Split(':')[0];
        return new AwsApiException("Organizations", code, message, response.StatusCode);
    }
}

internal sealed record ListAccountsRequest(int MaxResults, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? NextToken);

internal sealed record ListAccountsResponse(List<AccountJson?>? Accounts, string? NextToken);

internal sealed record AccountJson(string? Id, string? Name, string? Email, string? Status);

internal sealed record JsonErrorResponse(
    [property: JsonPropertyName("__type")] string? Type,
    [property: JsonPropertyName("Message")] string? Message,
    [property: JsonPropertyName("message")] string? LowerMessage);

[JsonSerializable(typeof(ListAccountsRequest))]
[JsonSerializable(typeof(ListAccountsResponse))]
[JsonSerializable(typeof(JsonErrorResponse))]
internal sealed partial class OrganizationsJson : JsonSerializerContext;
