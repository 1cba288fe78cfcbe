using System.Net.Sockets;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using AwsSession.Config;
using AwsSession.Domain;
using AwsSession.Output;
using AwsSession.Platform;

namespace AwsSession.Exec.Server;

/// <summary>
/// `exec --server`: serves the session the way ECS serves a task role, on 127.0.0.1 and a random port, to
/// requests that carry a random token. SDKs and the AWS CLI find it through AWS_CONTAINER_CREDENTIALS_FULL_URI
/// and AWS_CONTAINER_AUTHORIZATION_TOKEN and call it again whenever their copy nears expiry.
/// </summary>
public sealed class CredentialServer : IAsyncDisposable
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(5);
    private readonly TcpListener _listener;
    private readonly Func<CredentialAnswer> _answer;
    private readonly byte[] _token;
    private readonly CancellationTokenSource _stop = new();
    private Task _accepting = Task.CompletedTask;

    private CredentialServer(Func<CredentialAnswer> answer)
    {
        _answer = answer;
        Token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        _token = Encoding.ASCII.GetBytes(Token);
        _listener = new TcpListener(IPAddress.Loopback, 0);
    }

    public string Token { get; }

    public IPEndPoint Endpoint => (IPEndPoint)_listener.LocalEndpoint;

    public string Uri => $"http://127.0.0.1:{Endpoint.Port}/";

    /// <summary>What the child gets instead of keys.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ChildVariables =>
        [new(ChildEnvironmentNames.ContainerFullUri, Uri), new(ChildEnvironmentNames.ContainerAuthorizationToken, Token)];

    public static CredentialServer Start(Func<CredentialAnswer> answer)
    {
        var server = new CredentialServer(answer);
        server._listener.Start();
        server._accepting = Task.Run(server.AcceptAsync);
        return server;
    }

    /// <summary>Status and JSON body for a request; the whole policy, separate from the sockets.</summary>
    public (int Status, string Json) Respond(HttpRequestHead? request)
    {
        if (request is null)
            return (400, Error("BadRequest", "malformed request"));
        if (!request.Headers.TryGetValue("Authorization", out var given) || given.Length == 0)
            return (401, Error("Unauthorized", "missing Authorization token"));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(given), _token))
            return (403, Error("Forbidden", "wrong Authorization token"));
        if (request.Method != "GET")
            return (405, Error("MethodNotAllowed", "only GET"));
        if (request.Target != "/")
            return (404, Error("NotFound", "the credentials are at /"));
        var answer = _answer();
        return answer.Session is { } s
            ? (200, CredentialsJson.Container(s.Credentials))
            : (503, Error("CredentialsUnavailable", answer.Error ?? "no credentials"));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                timeout.CancelAfter(RequestTimeout);
                var stream = client.GetStream();
                var head = await MiniHttp.ReadHeadAsync(stream, timeout.Token);
                var (status, json) = Respond(head);
                await MiniHttp.WriteAsync(stream, status, json, timeout.Token);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // A client that hangs up, stalls or sends junk costs us nothing more than its socket.
            }
        }
    }

    private static string Error(string code, string message) => CredentialsJson.ContainerError(code, message);
}
