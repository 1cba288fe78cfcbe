namespace AwsSession.Config;

/// <summary>
/// The services aws-session calls, by the names their AWS_ENDPOINT_URL_&lt;SERVICE&gt; variables use (lower-case, their
/// ids in a [services NAME] section), and where each is by default: <see cref="Standard"/>. Configured endpoints are
/// <see cref="AwsReach"/>'s.
/// </summary>
public static class Endpoints
{
    public const string Sts = "STS";
    public const string Iam = "IAM";
    public const string Organizations = "ORGANIZATIONS";

    /// <summary>The Identity Center portal (accounts, roles, role credentials) and its OIDC service (sign-in).</summary>
    public const string Sso = "SSO";
    public const string SsoOidc = "SSO_OIDC";

    /// <summary>Where the global services (IAM, Organizations) are signed, and STS's region when none is configured.</summary>
    public const string GlobalRegion = "us-east-1";

    /// <summary>
    /// Where a service is reached from a region, and the region its calls are signed for, as botocore's endpoints.json
    /// has them: IAM and Organizations have one endpoint per partition (aws, aws-us-gov for us-gov-*, aws-cn for cn-*),
    /// the others one per region, under the partition's domain.
    /// </summary>
    public static ServiceEndpoint Standard(string service, string region)
    {
        var (partition, domain) = region.StartsWith("cn-", StringComparison.Ordinal) ? (Partition.China, "amazonaws.com.cn")
            : region.StartsWith("us-gov-", StringComparison.Ordinal) ? (Partition.GovCloud, "amazonaws.com")
            : (Partition.Commercial, "amazonaws.com");
        return (service, partition) switch
        {
            (Iam, Partition.GovCloud) => new(new Uri("https://iam.us-gov.amazonaws.com/"), "us-gov-west-1"),
            (Iam, Partition.China) => new(new Uri("https://iam.cn-north-1.amazonaws.com.cn/"), "cn-north-1"),
            (Iam, _) => new(new Uri("https://iam.amazonaws.com/"), GlobalRegion),
            (Organizations, Partition.GovCloud) => new(new Uri("https://organizations.us-gov-west-1.amazonaws.com/"), "us-gov-west-1"),
            (Organizations, Partition.China) => new(new Uri("https://organizations.cn-northwest-1.amazonaws.com.cn/"), "cn-northwest-1"),
            (Organizations, _) => new(new Uri("https://organizations.us-east-1.amazonaws.com/"), GlobalRegion),
            (Sso, _) => new(new Uri($"https://portal.sso.{region}.{domain}/"), region),
            (SsoOidc, _) => new(new Uri($"https://oidc.{region}.{domain}/"), region),
            _ => new(new Uri($"https://sts.{region}.{domain}/"), region),
        };
    }

    private enum Partition { Commercial, GovCloud, China }
}

/// <param name="SigningRegion">The region a SigV4 signature names: a global service's is its partition's (IAM's us-east-1 in aws), whichever region the run uses.</param>
public sealed record ServiceEndpoint(Uri Url, string SigningRegion);
