using AwsSession.Config;

namespace AwsSession.Tests.Unit.Config;

/// <summary>
/// Endpoints and signing regions as botocore has them for the aws, aws-us-gov and aws-cn partitions (1.43.11: the URL each
/// client sent and the region its signature named, per service, region and variant).
/// </summary>
public sealed class EndpointsTests
{
    [Theory]
    [InlineData("IAM", "eu-west-1", "https://iam.amazonaws.com/", "us-east-1")]
    [InlineData("IAM", "us-gov-west-1", "https://iam.us-gov.amazonaws.com/", "us-gov-west-1")]
    [InlineData("IAM", "cn-northwest-1", "https://iam.cn-north-1.amazonaws.com.cn/", "cn-north-1")]
    [InlineData("ORGANIZATIONS", "us-gov-east-1", "https://organizations.us-gov-west-1.amazonaws.com/", "us-gov-west-1")]
    [InlineData("STS", "cn-north-1", "https://sts.cn-north-1.amazonaws.com.cn/", "cn-north-1")]
    [InlineData("STS", "us-gov-west-1", "https://sts.us-gov-west-1.amazonaws.com/", "us-gov-west-1")]
    [InlineData("SSO", "cn-northwest-1", "https://portal.sso.cn-northwest-1.amazonaws.com.cn/", "cn-northwest-1")]
    [InlineData("SSO_OIDC", "eu-central-1", "https://oidc.eu-central-1.amazonaws.com/", "eu-central-1")]
    public void Each_service_is_reached_in_the_partition_of_the_runs_region(string service, string region, string url, string signing)
    {
        Endpoints.Standard(service, region).ShouldBe(new ServiceEndpoint(new Uri(url), signing));
    }

    [Theory]
    [InlineData("STS", "eu-west-1", EndpointVariant.Fips, "https://sts-fips.eu-west-1.amazonaws.com/", "eu-west-1")]
    [InlineData("STS", "eu-west-1", EndpointVariant.DualStack, "https://sts.eu-west-1.api.aws/", "eu-west-1")]
    [InlineData("STS", "eu-west-1", EndpointVariant.Fips | EndpointVariant.DualStack, "https://sts-fips.eu-west-1.api.aws/", "eu-west-1")]
    [InlineData("STS", "us-gov-east-1", EndpointVariant.Fips, "https://sts.us-gov-east-1.amazonaws.com/", "us-gov-east-1")]
    [InlineData("STS", "us-gov-east-1", EndpointVariant.DualStack, "https://sts.us-gov-east-1.api.aws/", "us-gov-east-1")]
    [InlineData("STS", "us-gov-east-1", EndpointVariant.Fips | EndpointVariant.DualStack, "https://sts-fips.us-gov-east-1.api.aws/", "us-gov-east-1")]
    [InlineData("STS", "cn-north-1", EndpointVariant.Fips, "https://sts-fips.cn-north-1.amazonaws.com.cn/", "cn-north-1")]
    [InlineData("STS", "cn-north-1", EndpointVariant.DualStack, "https://sts.cn-north-1.api.amazonwebservices.com.cn/", "cn-north-1")]
    [InlineData("STS", "cn-north-1", EndpointVariant.Fips | EndpointVariant.DualStack, "https://sts-fips.cn-north-1.api.amazonwebservices.com.cn/", "cn-north-1")]
    [InlineData("IAM", "eu-west-1", EndpointVariant.Fips, "https://iam-fips.amazonaws.com/", "us-east-1")]
    [InlineData("IAM", "eu-west-1", EndpointVariant.DualStack, "https://iam.global.api.aws/", "us-east-1")]
    [InlineData("IAM", "eu-west-1", EndpointVariant.Fips | EndpointVariant.DualStack, "https://iam-fips.global.api.aws/", "us-east-1")]
    [InlineData("IAM", "us-gov-east-1", EndpointVariant.Fips, "https://iam.us-gov.amazonaws.com/", "us-gov-west-1")]
    [InlineData("IAM", "us-gov-east-1", EndpointVariant.DualStack, "https://iam.us-gov.api.aws/", "us-gov-west-1")]
    [InlineData("IAM", "us-gov-east-1", EndpointVariant.Fips | EndpointVariant.DualStack, "https://iam.us-gov.api.aws/", "us-gov-west-1")]
    [InlineData("IAM", "cn-north-1", EndpointVariant.Fips, "https://iam-fips.amazonaws.com.cn/", "cn-northwest-1")]
    [InlineData("IAM", "cn-north-1", EndpointVariant.DualStack, "https://iam.global.api.amazonwebservices.com.cn/", "cn-north-1")]
    [InlineData("IAM", "cn-north-1", EndpointVariant.Fips | EndpointVariant.DualStack, "https://iam-fips.api.amazonwebservices.com.cn/", "cn-northwest-1")]
    [InlineData("ORGANIZATIONS", "eu-west-1", EndpointVariant.Fips, "https://organizations-fips.us-east-1.amazonaws.com/", "us-east-1")]
    [InlineData("ORGANIZATIONS", "eu-west-1", EndpointVariant.DualStack, "https://organizations.eu-west-1.api.aws/", "us-east-1")]
    [InlineData("ORGANIZATIONS", "eu-west-1", EndpointVariant.Fips | EndpointVariant.DualStack, "https://organizations-fips.eu-west-1.api.aws/", "us-east-1")]
    [InlineData("ORGANIZATIONS", "us-gov-east-1", EndpointVariant.Fips, "https://organizations.us-gov-west-1.amazonaws.com/", "us-gov-west-1")]
    [InlineData("ORGANIZATIONS", "us-gov-east-1", EndpointVariant.DualStack, "https://organizations.us-gov-east-1.api.aws/", "us-gov-west-1")]
    [InlineData("ORGANIZATIONS", "us-gov-east-1", EndpointVariant.Fips | EndpointVariant.DualStack, "https://organizations-fips.us-gov-east-1.api.aws/", "us-gov-west-1")]
    [InlineData("ORGANIZATIONS", "cn-north-1", EndpointVariant.Fips, "https://organizations-fips.cn-north-1.amazonaws.com.cn/", "cn-northwest-1")]
    [InlineData("ORGANIZATIONS", "cn-north-1", EndpointVariant.DualStack, "https://organizations.cn-north-1.api.amazonwebservices.com.cn/", "cn-northwest-1")]
    [InlineData("ORGANIZATIONS", "cn-north-1", EndpointVariant.Fips | EndpointVariant.DualStack, "https://organizations-fips.cn-north-1.api.amazonwebservices.com.cn/", "cn-northwest-1")]
    [InlineData("SSO", "eu-west-1", EndpointVariant.Fips, "https://portal.sso-fips.eu-west-1.amazonaws.com/", "eu-west-1")]
    [InlineData("SSO", "eu-west-1", EndpointVariant.DualStack, "https://portal.sso.eu-west-1.api.aws/", "eu-west-1")]
    [InlineData("SSO", "eu-west-1", EndpointVariant.Fips | EndpointVariant.DualStack, "https://portal.sso-fips.eu-west-1.api.aws/", "eu-west-1")]
    [InlineData("SSO", "us-gov-east-1", EndpointVariant.Fips, "https://portal.sso.us-gov-east-1.amazonaws.com/", "us-gov-east-1")]
    [InlineData("SSO", "us-gov-east-1", EndpointVariant.DualStack, "https://portal.sso.us-gov-east-1.api.aws/", "us-gov-east-1")]
    [InlineData("SSO", "us-gov-east-1", EndpointVariant.Fips | EndpointVariant.DualStack, "https://portal.sso-fips.us-gov-east-1.api.aws/", "us-gov-east-1")]
    [InlineData("SSO", "cn-north-1", EndpointVariant.Fips, "https://portal.sso-fips.cn-north-1.amazonaws.com.cn/", "cn-north-1")]
    [InlineData("SSO", "cn-north-1", EndpointVariant.DualStack, "https://portal.sso.cn-north-1.api.amazonwebservices.com.cn/", "cn-north-1")]
    [InlineData("SSO", "cn-north-1", EndpointVariant.Fips | EndpointVariant.DualStack, "https://portal.sso-fips.cn-north-1.api.amazonwebservices.com.cn/", "cn-north-1")]
    [InlineData("SSO_OIDC", "eu-west-1", EndpointVariant.Fips, "https://oidc-fips.eu-west-1.amazonaws.com/", "eu-west-1")]
    [InlineData("SSO_OIDC", "eu-west-1", EndpointVariant.DualStack, "https://oidc.eu-west-1.api.aws/", "eu-west-1")]
    [InlineData("SSO_OIDC", "eu-west-1", EndpointVariant.Fips | EndpointVariant.DualStack, "https://oidc-fips.eu-west-1.api.aws/", "eu-west-1")]
    [InlineData("SSO_OIDC", "us-gov-east-1", EndpointVariant.Fips, "https://oidc.us-gov-east-1.amazonaws.com/", "us-gov-east-1")]
    [InlineData("SSO_OIDC", "us-gov-east-1", EndpointVariant.DualStack, "https://oidc.us-gov-east-1.api.aws/", "us-gov-east-1")]
    [InlineData("SSO_OIDC", "us-gov-east-1", EndpointVariant.Fips | EndpointVariant.DualStack, "https://oidc-fips.us-gov-east-1.api.aws/", "us-gov-east-1")]
    [InlineData("SSO_OIDC", "cn-north-1", EndpointVariant.Fips, "https://oidc-fips.cn-north-1.amazonaws.com.cn/", "cn-north-1")]
    [InlineData("SSO_OIDC", "cn-north-1", EndpointVariant.DualStack, "https://oidc.cn-north-1.api.amazonwebservices.com.cn/", "cn-north-1")]
    [InlineData("SSO_OIDC", "cn-north-1", EndpointVariant.Fips | EndpointVariant.DualStack, "https://oidc-fips.cn-north-1.api.amazonwebservices.com.cn/", "cn-north-1")]
    public void FIPS_and_dual_stack_endpoints_are_botocores(string service, string region, EndpointVariant variant, string url, string signing)
    {
        Endpoints.Standard(service, region, variant).ShouldBe(new ServiceEndpoint(new Uri(url), signing));
    }
}
