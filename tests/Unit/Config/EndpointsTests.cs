using AwsSession.Config;
using AwsSession.Domain;

namespace AwsSession.Tests.Unit.Config;

/// <summary>
/// Endpoints and signing regions as botocore has them, in every partition (1.43.11: the host each client sent to and the
/// region its signature named, per service, region and variant; botocore-endpoints.py writes the table).
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

    /// <summary>Every row of botocore-endpoints.tsv, written by botocore-endpoints.py beside it.</summary>
    public static TheoryData<string, string, string, string, string> Botocore()
    {
        var rows = new TheoryData<string, string, string, string, string>();
        using var tsv = new StreamReader(typeof(EndpointsTests).Assembly.GetManifestResourceStream("botocore-endpoints.tsv")!);
        while (tsv.ReadLine() is { } line)
            if (!line.StartsWith('#') && line.Split('\t') is [var service, var region, var variant, var host, var signing])
                rows.Add(service, region, variant, host, signing);
        return rows;
    }

    [Theory]
    [MemberData(nameof(Botocore))]
    public void Every_partitions_endpoints_FIPS_and_dual_stack_included_are_botocores(string service, string region, string variant, string host, string signing)
    {
        var v = Enum.Parse<EndpointVariant>(variant.Replace('|', ','));
        if (host == "unsupported")
            Should.Throw<UsageException>(() => Endpoints.Standard(service, region, v)).Message.ShouldContain("no dual-stack endpoint");
        else
            Endpoints.Standard(service, region, v).ShouldBe(new ServiceEndpoint(new Uri($"https://{host}/"), signing));
    }

    [Fact]
    public void The_table_covers_every_partition()
    {
        var regions = Botocore().Select(row => (string)row[1]).ToHashSet();
        foreach (var prefix in new[] { "us-east-", "us-gov-", "cn-", "us-iso-", "us-isob-", "eu-isoe-", "us-isof-", "eusc-" })
            regions.ShouldContain(r => r.StartsWith(prefix));
    }
}
