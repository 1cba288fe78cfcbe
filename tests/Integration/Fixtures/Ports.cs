using System.Net;
using System.Net.Sockets;

namespace AwsSession.Tests.Integration.Fixtures;

public static class Ports
{
    /// <summary>A port that was free a moment ago on 127.0.0.1 (the OS picks it, so parallel tests do not collide).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// An HTTP listener started on a free port of 127.0.0.1. Between <see cref="Free"/> and the start, another test's
    /// server can take the port ("Address already in use"), so a few ports are tried.
    /// </summary>
    public static HttpListener Listen(out int port)
    {
        for (var attempt = 1; ; attempt++)
        {
            port = Free();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return listener;
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }
}
