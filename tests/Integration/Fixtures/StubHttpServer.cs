using System.Net;

namespace AwsSession.Tests.Integration.Fixtures;

/// <summary>
/// An HTTP stand-in on 127.0.0.1 for endpoints moto does not imitate (the console federation endpoint, an STS that
/// refuses). It owns the listener and its loop; the test's handler only fills in each response.
/// </summary>
public sealed class StubHttpServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly Task _loop;

    public StubHttpServer(Func<HttpListenerContext, Task> respond)
    {
        _listener = Ports.Listen(out var port);
        Url = $"http://127.0.0.1:{port}";
        _loop = Task.Run(() => LoopAsync(respond));
    }

    /// <summary>The base URL, without a trailing slash.</summary>
    public string Url { get; }

    private async Task LoopAsync(Func<HttpListenerContext, Task> respond)
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            await respond(context);
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (Exception)
        {
            // A response cut off by the stop; tests assert on what the handler recorded, not on a clean shutdown.
        }
    }
}
