using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using AwsSession.Aws;
using AwsSession.Config;
using AwsSession.Domain;

namespace AwsSession.Sso;

/// <summary>The portal refused the access token (401): it expired early or was revoked. One new sign-in may follow.</summary>
public sealed class SsoTokenRejectedException(string message) : AwsSessionException(message);

/// <summary>The Identity Center portal: accounts and roles assigned to the person, and role credentials; faked in unit tests.</summary>
public interface ISsoPortal
{
    Task<IReadOnlyList<Account>> ListAccountsAsync(string accessToken, IProgress<int>? progress, CancellationToken ct);

    Task<IReadOnlyList<string>> ListAccountRolesAsync(string accessToken, string accountId, CancellationToken ct);

    Task<AwsCredentials> GetRoleCredentialsAsync(string accessToken, string accountId, string roleName, CancellationToken ct);

    Task LogoutAsync(string accessToken, CancellationToken ct);
}

/// <summary>
/// The portal over restJson: unsigned GETs with the access token in x-amz-sso_bearer_token (never in a URL or a
/// log line). Follows every next_token. Its endpoint is the run's (Config.AwsReach).
/// </summary>
public sealed class SsoPortal(AwsCall call, HttpClient http, Uri endpoint, AwsClock? clock = null) : ISsoPortal
{
    private const string Service = "SSO";

    public async Task<IReadOnlyList<Account>> ListAccountsAsync(string accessToken, IProgress<int>? progress, CancellationToken ct)
    {
        var accounts = new List<Account>();
        string? next = null;
        do
        {
            var page = await GetAsync("ListAccounts", "assignment/accounts?max_result=20" + Next(next), accessToken, PortalJson.Default.AccountsPage, ct);
            accounts.AddRange((page.AccountList ?? []).Where(a => a?.AccountId is not null)
                .Select(a => new Account(a!.AccountId!, a.AccountName ?? a.AccountId!, a.EmailAddress ?? "")));
            progress?.Report(accounts.Count);
            next = string.IsNullOrEmpty(page.NextToken) ? null : page.NextToken;
        }
        while (next is not null);
        return accounts;
    }

    public async Task<IReadOnlyList<string>> ListAccountRolesAsync(string accessToken, string accountId, CancellationToken ct)
    {
        var roles = new List<string>();
        string? next = null;
        do
        {
            var page = await GetAsync("ListAccountRoles", $"assignment/roles?account_id={Uri.EscapeDataString(accountId)}&max_result=20" + Next(next),
                accessToken, PortalJson.Default.RolesPage, ct);
            roles.AddRange((page.RoleList ?? []).Select(r => r?.RoleName).OfType<string>());
            next = string.IsNullOrEmpty(page.NextToken) ? null : page.NextToken;
        }
        while (next is not null);
        return roles;
    }

    public async Task<AwsCredentials> GetRoleCredentialsAsync(string accessToken, string accountId, string roleName, CancellationToken ct)
    {
        var r = await GetAsync("GetRoleCredentials",
            $"federation/credentials?role_name={Uri.EscapeDataString(roleName)}&account_id={Uri.EscapeDataString(accountId)}",
            accessToken, PortalJson.Default.CredentialsResponse, ct);
        var c = r.RoleCredentials;
        if (c?.AccessKeyId is null || c.SecretAccessKey is null || c.SessionToken is null)
            throw new AwsSessionException("SSO GetRoleCredentials: the answer lacks the credentials");
        // The portal gives the expiration in epoch milliseconds.
        var expiration = DateTimeOffset.FromUnixTimeMilliseconds(c.Expiration);
        return new AwsCredentials(c.AccessKeyId, c.SecretAccessKey, c.SessionToken, clock?.ToLocal(expiration) ?? expiration);
    }

    public Task LogoutAsync(string accessToken, CancellationToken ct) =>
        call.RunAsync(Service, "Logout", endpoint, async token =>
        {
            using var request = Request(HttpMethod.Post, "logout", accessToken);
            using var response = await http.SendAsync(request, token);
            if (!response.IsSuccessStatusCode && response.StatusCode != HttpStatusCode.Unauthorized)
                throw await ErrorAsync("Logout", response, token);
            return true;
        }, ct);

    private static string Next(string? next) => next is null ? "" : "&next_token=" + Uri.EscapeDataString(next);

    private HttpRequestMessage Request(HttpMethod method, string path, string accessToken)
    {
        var request = new HttpRequestMessage(method, new Uri(endpoint, path));
        request.Headers.TryAddWithoutValidation("x-amz-sso_bearer_token", accessToken);
        return request;
    }

    private Task<T> GetAsync<T>(string operation, string path, string accessToken, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, CancellationToken ct) =>
        call.RunAsync(Service, operation, endpoint, async token =>
        {
            using var request = Request(HttpMethod.Get, path, accessToken);
            using var response = await http.SendAsync(request, token);
            if (!response.IsSuccessStatusCode)
                throw await ErrorAsync(operation, response, token);
            return JsonSerializer.Deserialize(await response.Content.ReadAsStringAsync(token), type)
                ?? throw new AwsSessionException($"SSO {operation}: empty answer");
        }, ct);

    private static async Task<Exception> ErrorAsync(string operation, HttpResponseMessage response, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        string? message = null;
        try
        {
            message = JsonSerializer.Deserialize(body, PortalJson.Default.PortalError)?.Message;
        }
        catch (JsonException)
        {
            // A proxy's page: the status says enough.
        }
        var code = response.Headers.TryGetValues("x-amzn-ErrorType", out var v) && v.FirstOrDefault() is { } h ? h.Split(':')[0] : $"HTTP{(int)response.StatusCode}";
        if (response.StatusCode == HttpStatusCode.Unauthorized)
            return new SsoTokenRejectedException($"SSO {operation}: IAM Identity Center rejected the access token ({code})");
        if (response.StatusCode == HttpStatusCode.Forbidden)
            return new AwsSessionException($"SSO {operation}: no access ({code}: {ErrorText.Printable(message ?? "")})",
                hint: "list what you can use with: aws-session accounts");
        return new AwsApiException(Service, code, message ?? response.ReasonPhrase ?? "", response.StatusCode);
    }
}

internal sealed record AccountsPage(
    [property: JsonPropertyName("accountList")] List<AccountInfo?>? AccountList,
    [property: JsonPropertyName("nextToken")] string? NextToken);

internal sealed record AccountInfo(
    [property: JsonPropertyName("accountId")] string? AccountId,
    [property: JsonPropertyName("accountName")] string? AccountName,
    [property: JsonPropertyName("emailAddress")] string? EmailAddress);

internal sealed record RolesPage(
    [property: JsonPropertyName("roleList")] List<RoleInfo?>? RoleList,
    [property: JsonPropertyName("nextToken")] string? NextToken);

internal sealed record RoleInfo([property: JsonPropertyName("roleName")] string? RoleName, [property: JsonPropertyName("accountId")] string? AccountId);

internal sealed record CredentialsResponse([property: JsonPropertyName("roleCredentials")] RoleCredentials? RoleCredentials);

internal sealed record RoleCredentials(
    [property: JsonPropertyName("accessKeyId")] string? AccessKeyId,
    [property: JsonPropertyName("secretAccessKey")] string? SecretAccessKey,
    [property: JsonPropertyName("sessionToken")] string? SessionToken,
    [property: JsonPropertyName("expiration")] long Expiration);

internal sealed record PortalError([property: JsonPropertyName("message")] string? Message);

[JsonSerializable(typeof(AccountsPage))]
[JsonSerializable(typeof(RolesPage))]
[JsonSerializable(typeof(CredentialsResponse))]
[JsonSerializable(typeof(PortalError))]
internal sealed partial class PortalJson : JsonSerializerContext;
