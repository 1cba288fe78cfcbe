using System.Net.Sockets;
using System.Net;
using System.Text;
using System.Web;
using AwsSession.Domain;
using AwsSession.Platform;

namespace AwsSession.Sso;

/// <summary>The browser's answer to /authorize: a code, or the error Identity Center gave (e.g. access_denied).</summary>
public sealed record AuthorizationAnswer(string? Code, string? Error, string? ErrorDescription);

/// <summary>
/// The loopback redirect of the PKCE flow (RFC 8252): a listener on 127.0.0.1 and a port the OS picks, serving
/// /oauth/callback until an answer with the expected state arrives. Anything else gets a 404 or 400 and is ignored.
/// </summary>
public sealed class LoopbackRedirect : IDisposable
{
    public const string CallbackPath = "/oauth/callback";

    /// <summary>What is registered with Identity Center: a loopback redirect may use any port.</summary>
    public const string RegisteredUri = "http://127.0.0.1" + CallbackPath;

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

    public LoopbackRedirect()
    {
        _listener.Start();
        RedirectUri = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}{CallbackPath}";
    }

    public string RedirectUri { get; }

    public async Task<AuthorizationAnswer> WaitAsync(string state, CancellationToken ct)
    {
        while (true)
        {
            using var client = await _listener.AcceptTcpClientAsync(ct);
            await using var stream = client.GetStream();
            using var perRequest = CancellationTokenSource.CreateLinkedTokenSource(ct);
            perRequest.CancelAfter(TimeSpan.FromSeconds(10));
            HttpRequestHead? head;
            try
            {
                head = await MiniHttp.ReadHeadAsync(stream, perRequest.Token);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException && !ct.IsCancellationRequested)
            {
                continue;
            }
            if (head is null || head.Method != "GET" || !head.Target.StartsWith(CallbackPath + "?", StringComparison.Ordinal))
            {
                await RespondAsync(stream, 404, "Not found.", ct);
                continue;
            }
            var query = HttpUtility.ParseQueryString(head.Target[(CallbackPath.Length + 1)..]);
            if (query["state"] != state)
            {
                await RespondAsync(stream, 400, "This sign-in answer is not for this request (the state does not match).", ct);
                continue;
            }
            if (query["error"] is { } error)
            {
                await RespondAsync(stream, 200, "Sign-in was not completed. You can close this tab.", ct);
                return new AuthorizationAnswer(null, error, query["error_description"]);
            }
            if (query["code"] is not { Length: > 0 } code)
            {
                await RespondAsync(stream, 400, "The answer has no code.", ct);
                continue;
            }
            await RespondAsync(stream, 200, "Signed in to aws-session. You can close this tab.", ct);
            return new AuthorizationAnswer(code, null, null);
        }
    }

    private static async Task RespondAsync(Stream stream, int status, string text, CancellationToken ct)
    {
        try
        {
            var body = Encoding.UTF8.GetBytes($"<!doctype html><html><body><p>{WebUtility.HtmlEncode(text)}</p></body></html>");
            var head = $"HTTP/1.1 {status} {(status == 200 ? "OK" : status == 400 ? "Bad Request" : "Not Found")}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {body.Length}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head), ct);
            await stream.WriteAsync(body, ct);
        }
        catch (IOException)
        {
            // The browser went away; the answer it carried is what counts.
        }
    }

    public void Dispose() => _listener.Stop();
}
