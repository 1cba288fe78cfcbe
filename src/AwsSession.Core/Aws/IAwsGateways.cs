using AwsSession.Config;

namespace AwsSession.Aws;

/// <summary>The gateways a plan may need. Built lazily: a cache hit constructs none of them.</summary>
public interface IAwsGateways
{
    IStsGateway Sts { get; }

    IIamGateway Iam { get; }

    IOrganizationsGateway Organizations { get; }
}

public sealed class AwsGateways(EnvironmentVariables env, string stsRegion, RetrySettings retry, IAwsCallObserver? observer = null) : IAwsGateways
{
    private readonly Lazy<AwsCall> _call = new(() => new AwsCall(AwsPipeline.Create(retry), observer));
    private readonly Lazy<SignedHttp> _http = new(() => new SignedHttp());
    private IStsGateway? _sts;
    private IIamGateway? _iam;
    private IOrganizationsGateway? _orgs;

    public IStsGateway Sts => _sts ??= new StsGateway(_call.Value, env, stsRegion, retry);

    public IIamGateway Iam => _iam ??= new IamGateway(_call.Value, _http.Value, env);

    public IOrganizationsGateway Organizations => _orgs ??= new OrganizationsGateway(_call.Value, _http.Value, env);
}
