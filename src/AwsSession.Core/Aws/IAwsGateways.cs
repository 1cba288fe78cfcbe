using AwsSession.Config;

namespace AwsSession.Aws;

/// <summary>The gateways a plan may need. A gateway holds no client until its first call: a cache hit builds none.</summary>
public interface IAwsGateways
{
    IStsGateway Sts { get; }

    IIamGateway Iam { get; }

    IOrganizationsGateway Organizations { get; }
}

public sealed class AwsGateways(AwsReach reach, string stsRegion, RetrySettings retry, IAwsCallObserver? observer = null, AwsClock? clock = null) : IAwsGateways
{
    private readonly AwsCall _call = new(new Lazy<Polly.ResiliencePipeline>(() => AwsPipeline.Create(retry)), observer);
    private readonly SignedHttp _http = new(reach.CaBundle);
    private IStsGateway? _sts;
    private IIamGateway? _iam;
    private IOrganizationsGateway? _orgs;

    public IStsGateway Sts => _sts ??= new StsGateway(_call, reach, stsRegion, retry, clock);

    public IIamGateway Iam => _iam ??= new IamGateway(_call, _http, reach, stsRegion);

    public IOrganizationsGateway Organizations => _orgs ??= new OrganizationsGateway(_call, _http, reach, stsRegion);
}
