using AwsSession.Aws;
using AwsSession.Config;
using AwsSession.Domain;
using AwsSession.Logging;
using AwsSession.Prompts;

namespace AwsSession.Tests.Unit.Fakes;

/// <summary>The gateways a planner is built with; each fake counts its own calls.</summary>
public sealed class FakeAws(IStsGateway sts, IIamGateway iam, IOrganizationsGateway? orgs = null) : IAwsGateways
{
    public IStsGateway Sts => sts;

    public IIamGateway Iam => iam;

    public IOrganizationsGateway Organizations { get; } = orgs ?? new FakeOrganizations();
}
