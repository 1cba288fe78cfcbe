namespace AwsSession.Aws;

/// <summary>
/// How aws-session reaches AWS over HTTP, stated once for STS, IAM, Organizations, Identity Center and console
/// sign-in: redirects are not followed (no AWS answer redirects, and a request can carry a session's secrets), pooled
/// connections are renewed every five minutes (DNS changes), and the server's certificate is checked against the
/// system's authorities, or only against a configured <see cref="Config.CaBundle"/>'s (<see cref="TrustedRoots"/>). Timeouts belong
/// to the callers' pipeline.
/// </summary>
public static class AwsHttp
{
    /// <param name="clock">Watches the answers' `Date` (<see cref="AwsClock"/>), when given.</param>
    public static HttpMessageHandler Handler(TrustedRoots? roots, AwsClock? clock = null)
    {
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        if (roots is not null)
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, chain, errors) => roots.Accept(certificate, chain, errors);
        return clock is null ? handler : new AwsClockHandler(clock, handler);
    }

    /// <summary>A client with no timeout of its own: the callers' pipeline owns them.</summary>
    public static HttpClient Client(TrustedRoots? roots, AwsClock? clock = null) =>
        new(Handler(roots, clock)) { Timeout = Timeout.InfiniteTimeSpan };
}
