using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using AwsSession.Aws;
using AwsSession.Config;
using AwsSession.Domain;

namespace AwsSession.Sso;

/// <summary>What StartDeviceAuthorization returns: the code a person confirms, and how to poll for the token.</summary>
public sealed record DeviceAuthorization(string DeviceCode, string UserCode, Uri VerificationUri, Uri? VerificationUriComplete, TimeSpan ExpiresIn, TimeSpan Interval);

/// <summary>What CreateToken returns. RefreshToken comes only for a registration with scopes.</summary>
public sealed record OidcToken(string AccessToken, TimeSpan ExpiresIn, string? RefreshToken)
{
    public override string ToString() => $"OidcToken {{ expires in {ExpiresIn}, refreshable {RefreshToken is not null} }}";
}

public abstract record TokenGrant(string GrantType);

public sealed record DeviceCodeGrant(string DeviceCode) : TokenGrant("urn:ietf:params:oauth:grant-type:device_code");

public sealed record AuthorizationCodeGrant(string Code, string RedirectUri, string CodeVerifier) : TokenGrant("authorization_code");

public sealed record RefreshTokenGrant(string RefreshToken) : TokenGrant("refresh_token");

/// <summary>An error answer of the OIDC service: Error is the OAuth code ("authorization_pending"), Type the AWS one.</summary>
public sealed class OidcException(string error, string type, string description)
    : AwsSessionException($"IAM Identity Center sign-in failed: {type}: {ErrorText.Printable(description)}")
{
    public string Error { get; } = error;
    public string Type { get; } = type;
}

/// <summary>The sso-oidc service (RegisterClient, StartDeviceAuthorization, CreateToken); faked in unit tests.</summary>
public interface IOidcClient
{
    Uri Endpoint { get; }

    Task<SsoRegistration> RegisterAsync(string clientName, IReadOnlyList<string> scopes, IReadOnlyList<string> grantTypes,
        IReadOnlyList<string>? redirectUris, string? issuerUrl, CancellationToken ct);

    Task<DeviceAuthorization> StartDeviceAuthorizationAsync(SsoRegistration registration, string startUrl, CancellationToken ct);

    Task<OidcToken> CreateTokenAsync(SsoRegistration registration, TokenGrant grant, CancellationToken ct);
}

/// <summary>
/// sso-oidc over restJson: unsigned JSON POSTs, at the run's endpoint for it (Config.AwsReach), as the SDKs resolve it. Error answers become <see cref="OidcException"/> (never retried); 5xx and network faults are.
/// </summary>
public sealed class OidcClient(AwsCall call, HttpClient http, Uri endpoint) : IOidcClient
{
    private const string Service = "SSO-OIDC";

    public Uri Endpoint => endpoint;

    public async Task<SsoRegistration> RegisterAsync(string clientName, IReadOnlyList<string> scopes, IReadOnlyList<string> grantTypes,
        IReadOnlyList<string>? redirectUris, string? issuerUrl, CancellationToken ct)
    {
        var request = new RegisterRequest(clientName, "public", scopes.Count > 0 ? scopes.ToList() : null, grantTypes.ToList(), redirectUris?.ToList(), issuerUrl);
        var r = await PostAsync("RegisterClient", "client/register", JsonSerializer.Serialize(request, OidcJson.Default.RegisterRequest), OidcJson.Default.RegisterResponse, ct);
        return new SsoRegistration(r.ClientId ?? throw Empty("RegisterClient"), r.ClientSecret ?? throw Empty("RegisterClient"),
            DateTimeOffset.FromUnixTimeSeconds(r.ClientSecretExpiresAt), grantTypes);
    }

    public async Task<DeviceAuthorization> StartDeviceAuthorizationAsync(SsoRegistration registration, string startUrl, CancellationToken ct)
    {
        var request = new DeviceRequest(registration.ClientId, registration.ClientSecret, startUrl);
        var r = await PostAsync("StartDeviceAuthorization", "device_authorization", JsonSerializer.Serialize(request, OidcJson.Default.DeviceRequest), OidcJson.Default.DeviceResponse, ct);
        if (r.DeviceCode is null || r.UserCode is null || !Uri.TryCreate(r.VerificationUri, UriKind.Absolute, out var uri))
            throw Empty("StartDeviceAuthorization");
        Uri.TryCreate(r.VerificationUriComplete, UriKind.Absolute, out var complete);
        return new DeviceAuthorization(r.DeviceCode, r.UserCode, uri, complete, TimeSpan.FromSeconds(r.ExpiresIn > 0 ? r.ExpiresIn : 600),
            TimeSpan.FromSeconds(r.Interval > 0 ? r.Interval : 5));
    }

    public async Task<OidcToken> CreateTokenAsync(SsoRegistration registration, TokenGrant grant, CancellationToken ct)
    {
        var request = new TokenRequest(registration.ClientId, registration.ClientSecret, grant.GrantType,
            (grant as DeviceCodeGrant)?.DeviceCode, (grant as AuthorizationCodeGrant)?.Code, (grant as AuthorizationCodeGrant)?.RedirectUri,
            (grant as AuthorizationCodeGrant)?.CodeVerifier, (grant as RefreshTokenGrant)?.RefreshToken);
        var r = await PostAsync("CreateToken", "token", JsonSerializer.Serialize(request, OidcJson.Default.TokenRequest), OidcJson.Default.TokenResponse, ct);
        return new OidcToken(r.AccessToken ?? throw Empty("CreateToken"), TimeSpan.FromSeconds(r.ExpiresIn), r.RefreshToken);
    }

    private Task<T> PostAsync<T>(string operation, string path, string json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, CancellationToken ct) =>
        call.RunAsync(Service, operation, endpoint, async token =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(endpoint, path)) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
            using var response = await http.SendAsync(request, token);
            var body = await response.Content.ReadAsStringAsync(token);
            if (!response.IsSuccessStatusCode)
                throw Error(response, body);
            return JsonSerializer.Deserialize(body, type) ?? throw Empty(operation);
        }, ct);

    private static Exception Error(HttpResponseMessage response, string body)
    {
        if ((int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests)
            return new AwsApiException(Service, $"HTTP{(int)response.StatusCode}", response.ReasonPhrase ?? "", response.StatusCode);
        OidcError? e = null;
        try
        {
            e = JsonSerializer.Deserialize(body, OidcJson.Default.OidcError);
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's page): the status line and header say enough.
        }
        var type = response.Headers.TryGetValues("x-amzn-ErrorType", out var v) && v.FirstOrDefault() is { } h ? h.Split(':')[0] : null;
        var error = e?.Error ?? "http_" + (int)response.StatusCode;
        return new OidcException(error, type ?? error, e?.ErrorDescription ?? e?.Message ?? response.ReasonPhrase ?? "");
    }

    private static AwsSessionException Empty(string operation) => new($"{Service} {operation}: the answer lacks a required field");
}

internal sealed record RegisterRequest(
    [property: JsonPropertyName("clientName")] string ClientName,
    [property: JsonPropertyName("clientType")] string ClientType,
    [property: JsonPropertyName("scopes")] List<string>? Scopes,
    [property: JsonPropertyName("grantTypes")] List<string> GrantTypes,
    [property: JsonPropertyName("redirectUris")] List<string>? RedirectUris,
    [property: JsonPropertyName("issuerUrl")] string? IssuerUrl);

internal sealed record RegisterResponse(
    [property: JsonPropertyName("clientId")] string? ClientId,
    [property: JsonPropertyName("clientSecret")] string? ClientSecret,
    [property: JsonPropertyName("clientSecretExpiresAt")] long ClientSecretExpiresAt);

internal sealed record DeviceRequest(
    [property: JsonPropertyName("clientId")] string ClientId,
    [property: JsonPropertyName("clientSecret")] string ClientSecret,
    [property: JsonPropertyName("startUrl")] string StartUrl);

internal sealed record DeviceResponse(
    [property: JsonPropertyName("deviceCode")] string? DeviceCode,
    [property: JsonPropertyName("userCode")] string? UserCode,
    [property: JsonPropertyName("verificationUri")] string? VerificationUri,
    [property: JsonPropertyName("verificationUriComplete")] string? VerificationUriComplete,
    [property: JsonPropertyName("expiresIn")] int ExpiresIn,
    [property: JsonPropertyName("interval")] int Interval);

internal sealed record TokenRequest(
    [property: JsonPropertyName("clientId")] string ClientId,
    [property: JsonPropertyName("clientSecret")] string ClientSecret,
    [property: JsonPropertyName("grantType")] string GrantType,
    [property: JsonPropertyName("deviceCode")] string? DeviceCode,
    [property: JsonPropertyName("code")] string? Code,
    [property: JsonPropertyName("redirectUri")] string? RedirectUri,
    [property: JsonPropertyName("codeVerifier")] string? CodeVerifier,
    [property: JsonPropertyName("refreshToken")] string? RefreshToken);

internal sealed record TokenResponse(
    [property: JsonPropertyName("accessToken")] string? AccessToken,
    [property: JsonPropertyName("expiresIn")] int ExpiresIn,
    [property: JsonPropertyName("refreshToken")] string? RefreshToken);

internal sealed record OidcError(
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("error_description")] string? ErrorDescription,
    [property: JsonPropertyName("message")] string? Message);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RegisterRequest))]
[JsonSerializable(typeof(RegisterResponse))]
[JsonSerializable(typeof(DeviceRequest))]
[JsonSerializable(typeof(DeviceResponse))]
[JsonSerializable(typeof(TokenRequest))]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(OidcError))]
internal sealed partial class OidcJson : JsonSerializerContext;
