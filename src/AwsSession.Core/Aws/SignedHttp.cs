using Amazon;
using Amazon.Runtime.Signing;
using AwsSession.Config;
using AwsSession.Domain;

namespace AwsSession.Aws;

/// <summary>
/// HttpClient signed with AWSSDK.Core's SigV4SigningHandler, for the services whose SDK packages are not used
/// (IAM, Organizations). Never a hand-written signer. The inner handler is swappable for unit tests.
/// </summary>
public sealed class SignedHttp(Func<HttpMessageHandler> innerFactory)
{
    private readonly Lazy<HttpMessageHandler> _inner = new(innerFactory);

    /// <summary>Over <see cref="AwsHttp"/>; the bundle is read on the first call.</summary>
    public SignedHttp(CaBundle? bundle)
        : this(() => AwsHttp.Handler(TrustedRoots.From(bundle)))
    {
    }

    public HttpClient ClientFor(AwsCredentials credentials, string service, string signingRegion)
    {
        SdkIsolation.Ensure();
        var signer = new SigV4SigningHandler(SdkCredentials.From(credentials), RegionEndpoint.GetBySystemName(signingRegion), service, _inner.Value);
        // The pipeline owns timeouts; the client must not cut an attempt short on its own clock.
        return new HttpClient(signer, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
