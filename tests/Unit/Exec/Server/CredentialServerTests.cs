using System.Net.Sockets;
using System.Net;
using System.Text.Json;
using AwsSession.Domain;
using AwsSession.Exec.Server;
using AwsSession.Exec;
using AwsSession.Platform;

namespace AwsSession.Tests.Unit.Exec.Server;

public sealed class CredentialServerTests : IAsyncLifetime
{
    private static readonly Session Role = new(new AwsCredentials("ASIAROLE", "role/secret+key", "role-token", new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero)), SessionKind.Role, SessionIdentity.Parse("role:x"));
    private CredentialAnswer _answer = new(Role, null);
    private CredentialServer _server = null!;

    public Task InitializeAsync()
    {
        _server = CredentialServer.Start(() => _answer);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task With_the_token_it_answers_the_ecs_credentials_shape()
    {
        var (status, body) = await GetAsync(_server.Token);

        status.ShouldBe(200);
        using var doc = JsonDocument.Parse(body);
        doc.RootElement.EnumerateObject().Select(p => p.Name).ShouldBe(["AccessKeyId", "SecretAccessKey", "Token", "Expiration"]);
        doc.RootElement.GetProperty("AccessKeyId").GetString().ShouldBe("ASIAROLE");
        doc.RootElement.GetProperty("SecretAccessKey").GetString().ShouldBe("role/secret+key");
        doc.RootElement.GetProperty("Token").GetString().ShouldBe("role-token");
        doc.RootElement.GetProperty("Expiration").GetString().ShouldBe("2030-01-02T03:04:05Z");
    }

    [Fact]
    public async Task Without_a_token_it_is_401_and_with_a_wrong_one_403_and_no_secret_either_way()
    {
        var (missing, missingBody) = await GetAsync(null);
        var (wrong, wrongBody) = await GetAsync(_server.Token[..^1] + (_server.Token[^1] == '0' ? "1" : "0"));
        var (longer, _) = await GetAsync(_server.Token + "0");

        missing.ShouldBe(401);
        wrong.ShouldBe(403);
        longer.ShouldBe(403);
        (missingBody + wrongBody).ShouldNotContain("role/secret");
    }

    [Fact]
    public async Task The_token_is_fresh_and_long()
    {
        await using var other = CredentialServer.Start(() => _answer);

        _server.Token.Length.ShouldBe(64);
        other.Token.ShouldNotBe(_server.Token);
    }

    [Fact]
    public void It_listens_on_loopback_only_and_names_itself_so()
    {
        _server.Endpoint.Address.ShouldBe(IPAddress.Loopback);
        _server.Uri.ShouldBe($"http://127.0.0.1:{_server.Endpoint.Port}/");
        _server.ChildVariables.ShouldContain(new KeyValuePair<string, string>("AWS_CONTAINER_CREDENTIALS_FULL_URI", _server.Uri));
        _server.ChildVariables.ShouldContain(new KeyValuePair<string, string>("AWS_CONTAINER_AUTHORIZATION_TOKEN", _server.Token));
    }

    [Fact]
    public async Task It_is_not_reachable_on_another_address_of_this_machine()
    {
        // 127.0.0.2 always exists on Linux (all of 127/8 is on lo) and reaches a server bound to 0.0.0.0, not one bound
        // to 127.0.0.1: so the check runs everywhere, also on a machine whose only address is the loopback one.
        var others = Dns.GetHostAddresses(Dns.GetHostName())
            .Where(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
            .Append(IPAddress.Parse("127.0.0.2"));
        foreach (var other in others)
        {
            using var client = new TcpClient();
            await Should.ThrowAsync<SocketException>(() => client.ConnectAsync(other, _server.Endpoint.Port), $"reached on {other}");
        }
    }

    [Fact]
    public async Task An_error_answer_reaches_the_child_as_a_clear_message()
    {
        _answer = new CredentialAnswer(null, "aws-session could not refresh the credentials: no terminal");

        var (status, body) = await GetAsync(_server.Token);

        status.ShouldBe(503);
        body.ShouldContain("no terminal");
    }

    [Theory]
    [InlineData("POST / HTTP/1.1", 405)]
    [InlineData("GET /other HTTP/1.1", 404)]
    [InlineData("GET / HTTP/1.1", 200)]
    public void Method_and_path_are_checked_after_the_token(string requestLine, int expected)
    {
        var head = MiniHttp.Parse($"{requestLine}\r\nHost: x\r\nAuthorization: {_server.Token}");

        _server.Respond(head).Status.ShouldBe(expected);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("GET / SPDY/3")]
    [InlineData("GET / HTTP/1.1\r\nno colon here")]
    public void Malformed_requests_are_400(string head)
    {
        _server.Respond(MiniHttp.Parse(head)).Status.ShouldBe(400);
    }

    [Fact]
    public async Task Once_disposed_it_refuses_connections()
    {
        var port = _server.Endpoint.Port;
        await _server.DisposeAsync();

        using var client = new TcpClient();
        await Should.ThrowAsync<SocketException>(() => client.ConnectAsync(IPAddress.Loopback, port));
        _server = CredentialServer.Start(() => _answer);
    }

    private async Task<(int Status, string Body)> GetAsync(string? token)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var request = new HttpRequestMessage(HttpMethod.Get, _server.Uri);
        if (token is not null)
            request.Headers.TryAddWithoutValidation("Authorization", token);
        using var response = await http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
