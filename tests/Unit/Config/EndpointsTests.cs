using AwsSession.Config;

namespace AwsSession.Tests.Unit.Config;

/// <summary>Endpoints and signing regions as botocore's endpoints.json has them for the aws, aws-us-gov and aws-cn partitions.</summary>
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
}
