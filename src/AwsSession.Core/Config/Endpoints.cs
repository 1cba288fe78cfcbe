namespace AwsSession.Config;

/// <summary>
/// Endpoint overrides as the SDKs and the AWS CLI read them: AWS_ENDPOINT_URL_&lt;SERVICE&gt; wins over AWS_ENDPOINT_URL.
/// They serve VPC endpoints and local emulators alike.
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

    public static Uri? Override(EnvironmentVariables env, string service)
    {
        if (string.Equals(env.Get("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"), "true", StringComparison.OrdinalIgnoreCase))
            return null;
        var url = env.Get("AWS_ENDPOINT_URL_" + service) ?? env.Get("AWS_ENDPOINT_URL");
        return url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri : null;
    }

    /// <summary>
    /// Where a service is reached from a region, and the region its calls are signed for, as botocore's endpoints.json
    /// has them: IAM and Organizations have one endpoint per partition (aws, aws-us-gov for us-gov-*, aws-cn for cn-*),
    /// the others one per region, under the partition's domain. An override keeps the partition's signing region.
    /// </summary>
    public static ServiceEndpoint Resolve(EnvironmentVariables env, string service, string region)
    {
        var standard = Default(service, region);
        return Override(env, service) is { } url ? standard with { Url = url } : standard;
    }

    public static Uri For(EnvironmentVariables env, string service, string region) => Resolve(env, service, region).Url;

    private static ServiceEndpoint Default(string service, string region)
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
