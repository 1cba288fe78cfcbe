using System.Collections.Specialized;
using System.Net;
using System.Text;
using System.Web;
using AwsSession.Tests.Integration.Fixtures;

namespace AwsSession.Tests.Integration.Tools;

/// <summary>
/// A stand-in for signin.aws.amazon.com/federation on 127.0.0.1: answers getSigninToken with a fixed token (or a
/// given status) and records each request's query, for `console` tests (AWS_SESSION_FEDERATION_URL points here).
/// </summary>
public sealed class FakeFederation : IAsyncDisposable
{
    public const string Token = "fake-signin-token-0123";
    private readonly List<NameValueCollection> _requests = [];
    private readonly StubHttpServer _server;

    public FakeFederation(int status = 200)
    {
        Status = status;
        _server = new StubHttpServer(RespondAsync);
        Url = _server.Url + "/federation";
    }

    public string Url { get; }

    public int Status { get; }

    public IReadOnlyList<NameValueCollection> Requests
    {
        get
        {
            lock (_requests)
                return _requests.ToList();
        }
    }

    private async Task RespondAsync(HttpListenerContext context)
    {
        lock (_requests)
            _requests.Add(HttpUtility.ParseQueryString(context.Request.Url!.Query));
        var body = Encoding.UTF8.GetBytes(Status == 200 ? $$"""{"SigninToken":"{{Token}}"}""" : "<html>Bad Request</html>");
        context.Response.StatusCode = Status;
        context.Response.ContentType = Status == 200 ? "application/json" : "text/html";
        await context.Response.OutputStream.WriteAsync(body);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
