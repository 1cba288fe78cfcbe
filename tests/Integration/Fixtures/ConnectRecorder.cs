using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AwsSession.Tests.Integration.Fixtures;

/// <summary>
/// An HTTPS proxy (HTTPS_PROXY) that tunnels nowhere: it records the host of each CONNECT and refuses it, so a test
/// sees which endpoint a client chose without the network. Every HTTP client here (.NET's, botocore's) goes through
/// it for https:// URLs.
/// </summary>
public sealed class ConnectRecorder : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly List<string> _targets = [];

    public ConnectRecorder()
    {
        _listener.Start();
        _loop = AcceptAsync();
    }

    public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    /// <summary>"host:port" of each CONNECT, in order.</summary>
    public IReadOnlyList<string> Targets
    {
        get
        {
            lock (_targets)
                return [.. _targets];
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            _ = RefuseAsync(client);
        }
    }

    private async Task RefuseAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            var head = new StringBuilder();
            var buffer = new byte[1024];
            while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal) && head.Length < 16384)
            {
                var n = await stream.ReadAsync(buffer, _stop.Token);
                if (n == 0)
                    return;
                head.Append(Encoding.ASCII.GetString(buffer, 0, n));
            }
            var line = head.ToString().Split("\r\n")[0].Split(' ');
            if (line is ["CONNECT", var target, ..])
            {
                lock (_targets)
                    _targets.Add(target);
            }
            await stream.WriteAsync("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray(), _stop.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
    }
}
