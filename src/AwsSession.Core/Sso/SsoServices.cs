using AwsSession.Aws;
using AwsSession.Config;

namespace AwsSession.Sso;

/// <summary>The Identity Center clients for a region; faked in unit tests.</summary>
public interface ISsoServices
{
    IOidcClient Oidc(string region);

    ISsoPortal Portal(string region);
}

/// <summary>
/// Production clients: one HttpClient over <see cref="AwsHttp"/> (no client-side timeout: the pipeline owns those), built
/// on first use, so a cache hit never creates it. The endpoints and the authorities trusted are the run's (<see cref="AwsReach"/>).
/// </summary>
public sealed class SsoServices(AwsReach reach, RetrySettings retry, IAwsCallObserver? observer = null, AwsClock? clock = null) : ISsoServices
{
    private readonly Lazy<AwsCall> _call = new(() => new AwsCall(AwsPipeline.Create(retry), observer));
    private readonly Lazy<HttpClient> _http = new(() => AwsHttp.Client(TrustedRoots.From(reach.CaBundle), clock));

    public IOidcClient Oidc(string region) => new OidcClient(_call.Value, _http.Value, reach.Endpoint(Endpoints.SsoOidc, region).Url);

    public ISsoPortal Portal(string region) => new SsoPortal(_call.Value, _http.Value, reach.Endpoint(Endpoints.Sso, region).Url, clock);
}
