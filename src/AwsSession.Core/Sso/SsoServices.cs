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
/// on first use, so a cache hit never creates it. Endpoints honour AWS_ENDPOINT_URL_SSO_OIDC, AWS_ENDPOINT_URL_SSO and AWS_ENDPOINT_URL.
/// </summary>
public sealed class SsoServices(EnvironmentVariables env, CaBundle? bundle, RetrySettings retry, IAwsCallObserver? observer = null, AwsClock? clock = null) : ISsoServices
{
    private readonly Lazy<AwsCall> _call = new(() => new AwsCall(AwsPipeline.Create(retry), observer));
    private readonly Lazy<HttpClient> _http = new(() => AwsHttp.Client(TrustedRoots.From(bundle), clock));

    public IOidcClient Oidc(string region) => new OidcClient(_call.Value, _http.Value, Endpoints.For(env, Endpoints.SsoOidc, region));

    public ISsoPortal Portal(string region) => new SsoPortal(_call.Value, _http.Value, Endpoints.For(env, Endpoints.Sso, region), clock);
}
