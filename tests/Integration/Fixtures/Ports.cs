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
}
