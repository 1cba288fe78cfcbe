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
    /// Where a service is reached from a region, and the region its calls are signed for, as botocore's endpoint rule
    /// sets have them: IAM and Organizations have one endpoint per partition (aws, aws-us-gov for us-gov-*, aws-cn for
    /// cn-*), the others one per region, under the partition's domain. <paramref name="variant"/> asks for the FIPS
    /// or dual-stack (IPv6) endpoint; GovCloud's standard endpoints are its FIPS ones.
    /// </summary>
    public static ServiceEndpoint Standard(string service, string region, EndpointVariant variant = EndpointVariant.None)
    {
        var partition = region.StartsWith("cn-", StringComparison.Ordinal) ? Partition.China
            : region.StartsWith("us-gov-", StringComparison.Ordinal) ? Partition.GovCloud
            : Partition.Commercial;
        var fips = (variant & EndpointVariant.Fips) != 0;
        var dual = (variant & EndpointVariant.DualStack) != 0;
        var domain = (partition, dual) switch
        {
            (Partition.China, false) => "amazonaws.com.cn",
            (Partition.China, true) => "api.amazonwebservices.com.cn",
            (_, false) => "amazonaws.com",
            (_, true) => "api.aws",
        };
        // Off GovCloud a FIPS endpoint is its own host; in GovCloud only the dual-stack ones are.
        var f = fips && (dual || partition != Partition.GovCloud) ? "-fips" : "";
        return (service, partition) switch
        {
            (Iam, Partition.Commercial) => At($"iam{f}.{(dual ? "global." : "")}{domain}", GlobalRegion),
            (Iam, Partition.GovCloud) => At($"iam.us-gov.{domain}", "us-gov-west-1"),
            (Iam, Partition.China) => fips
                ? At($"iam-fips.{domain}", "cn-northwest-1")
                : At(dual ? $"iam.global.{domain}" : $"iam.cn-north-1.{domain}", "cn-north-1"),
            (Organizations, _) => At(
                dual || (fips && partition == Partition.China) ? $"organizations{f}.{region}.{domain}"
                : $"organizations{f}.{OrganizationsRegion(partition)}.{domain}",
                OrganizationsRegion(partition)),
            (Sso, _) => At($"portal.sso{f}.{region}.{domain}", region),
            (SsoOidc, _) => At($"oidc{f}.{region}.{domain}", region),
            _ => At($"sts{f}.{region}.{domain}", region),
        };
    }

    private static string OrganizationsRegion(Partition partition) => partition switch
    {
        Partition.GovCloud => "us-gov-west-1",
        Partition.China => "cn-northwest-1",
        _ => GlobalRegion,
    };

    private static ServiceEndpoint At(string host, string signingRegion) => new(new Uri($"https://{host}/"), signingRegion);

    private enum Partition { Commercial, GovCloud, China }
}

/// <summary>use_fips_endpoint and use_dualstack_endpoint: which of a service's standard endpoints a run asks for.</summary>
[Flags]
public enum EndpointVariant
{
    None = 0,
    Fips = 1,
    DualStack = 2,
}

/// <param name="SigningRegion">The region a SigV4 signature names: a global service's is its partition's (IAM's us-east-1 in aws), whichever region the run uses.</param>
public sealed record ServiceEndpoint(Uri Url, string SigningRegion);
