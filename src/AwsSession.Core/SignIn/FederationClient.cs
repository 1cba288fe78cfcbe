using System.Net.Http.Headers;
using System.Text.Encodings.Web;
using System.Text.Json;
using AwsSession.Domain;
using AwsSession.Output;

namespace AwsSession.SignIn;

/// <summary>
/// The two steps of console federation: trade role credentials for a sign-in token (getSigninToken), then build
/// the login URL around it. The request carries the session's secrets, so no URL ever reaches an error or a trace.
/// </summary>
public sealed class FederationClient(Uri endpoint, HttpMessageHandler? handler = null)
{
    public const string Issuer = "aws-session";

    public async Task<string> GetSigninTokenAsync(AwsCredentials credentials, TimeSpan? sessionDuration, CancellationToken ct)
    {
        var query = "Action=getSigninToken"
            + (sessionDuration is { } d ? $"&SessionDuration={(int)d.TotalSeconds}" : "")
            + "&Session=" + Uri.EscapeDataString(SessionJson(credentials));
        using var http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        http.Timeout = TimeSpan.FromSeconds(30);
        using var request = new HttpRequestMessage(HttpMethod.Get, WithQuery(query));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            // No inner exception: some handlers put the request URI, and so the secrets, in their messages.
            throw new AwsSessionException($"could not reach the AWS federation endpoint {endpoint.Host}: {Reason(e)}",
                hint: e is HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } ? Aws.AwsErrors.TlsHint : null);
        }
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode)
                throw new AwsSessionException($"the AWS federation endpoint refused the session (HTTP {(int)response.StatusCode})",
                    hint: "console sign-in needs role credentials that are still valid; a role assumed from a role allows at most 1h (--duration)");
            return ParseToken(body);
        }
    }

    public Uri LoginUrl(string signinToken, string destination) => WithQuery(
        "Action=login&Issuer=" + Uri.EscapeDataString(Issuer)
        + "&Destination=" + Uri.EscapeDataString(destination)
        + "&SigninToken=" + Uri.EscapeDataString(signinToken));

    private Uri WithQuery(string query) => new UriBuilder(endpoint) { Query = query }.Uri;

    // Relaxed escaping: the token's '+' stays '+', as in AWS's own examples (the default writes \u002B).
    internal static string SessionJson(AwsCredentials c) => JsonText.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("sessionId", c.AccessKeyId);
        w.WriteString("sessionKey", c.SecretAccessKey);
        w.WriteString("sessionToken", c.SessionToken);
        w.WriteEndObject();
    }, encoder: JavaScriptEncoder.UnsafeRelaxedJsonEscaping);

    internal static string ParseToken(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("SigninToken", out var t) && t.GetString() is { Length: > 0 } token)
                return token;
        }
        catch (JsonException)
        {
            // Handled below: the message must not quote the body.
        }
        throw new AwsSessionException("the AWS federation endpoint answered without a sign-in token");
    }

    // The kind of failure only, never e.Message: some handlers put the request URI (with the session) in it.
    private static string Reason(Exception e) => e switch
    {
        TaskCanceledException => "timed out after 30s",
        HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } => "host not found",
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } => "cannot connect",
        HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } => "TLS handshake failed",
        _ => "the request failed",
    };
}
