using AwsSession.Domain;

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
    /// sets have them (botocore 1.43.11; tests/Unit/Config/botocore-endpoints.tsv is its answer for every partition).
    /// STS and Identity Center are regional everywhere, under the partition's domain. IAM and Organizations are global:
    /// one endpoint per partition, signed for its global region, with each partition's exceptions below.
    /// <paramref name="variant"/> asks for the FIPS or dual-stack (IPv6) endpoint; GovCloud's standard endpoints are its
    /// FIPS ones.
    /// </summary>
    /// <exception cref="UsageException">The partition has no dual-stack endpoints (as botocore's EndpointVariantError).</exception>
    public static ServiceEndpoint Standard(string service, string region, EndpointVariant variant = EndpointVariant.None)
    {
        var partition = PartitionOf(region);
        var fips = (variant & EndpointVariant.Fips) != 0;
        var dual = (variant & EndpointVariant.DualStack) != 0;
        if (dual && partition.DualStackDomain is null)
            throw new UsageException($"{service.Replace('_', '-').ToLowerInvariant()} has no dual-stack endpoint in {ErrorText.Printable(region)} ({partition.Id})",
                "unset AWS_USE_DUALSTACK_ENDPOINT and the profile's use_dualstack_endpoint, or configure the endpoint (endpoint_url)");
        var domain = dual ? partition.DualStackDomain! : partition.Domain;
        var global = partition.GlobalRegion;
        // Off GovCloud a FIPS endpoint is its own host; in GovCloud only the dual-stack ones are.
        var f = fips && (dual || partition.Kind != Kind.GovCloud) ? "-fips" : "";
        return service switch
        {
            Iam => partition.Kind switch
            {
                Kind.Commercial => At($"iam{f}.{(dual ? "global." : "")}{domain}", global),
                Kind.GovCloud => At($"iam.us-gov.{domain}", global),
                Kind.China => fips ? At($"iam-fips.{domain}", global)
                    : At(dual ? $"iam.global.{domain}" : $"iam.cn-north-1.{domain}", "cn-north-1"),
                // ISO and ISO-B name the global region in the standard and FIPS hosts; ISO-E, ISO-F and EUSC in the standard only.
                Kind.UsIso => At(dual ? $"iam{f}.{domain}" : $"iam{f}.{global}.{domain}", global),
                _ => At(dual || fips ? $"iam{f}.{domain}" : $"iam.{global}.{domain}", global),
            },
            Organizations => partition.Kind switch
            {
                Kind.Commercial or Kind.GovCloud => At(dual ? $"organizations{f}.{region}.{domain}" : $"organizations{f}.{global}.{domain}", global),
                // botocore signs ISO and ISO-B's dual-stack Organizations for us-east-1, whatever the region.
                Kind.China or Kind.UsIso or Kind.Iso => At(dual || fips ? $"organizations{f}.{region}.{domain}" : $"organizations.{global}.{domain}",
                    dual && partition.Kind == Kind.UsIso ? GlobalRegion : global),
                _ => At($"organizations{f}.{region}.{domain}", region),
            },
            Sso => At($"portal.sso{f}.{region}.{domain}", region),
            SsoOidc => At($"oidc{f}.{region}.{domain}", region),
            _ => At($"sts{f}.{region}.{domain}", region),
        };
    }

    /// <summary>The partition <paramref name="region"/> is in, as an ARN names it: aws, aws-us-gov, aws-cn, aws-eusc, aws-iso, ...</summary>
    public static string ArnPartition(string region) => PartitionOf(region).Id;

    /// <summary>Whether <paramref name="region"/>'s partition has every endpoint <paramref name="variant"/> asks for.</summary>
    public static bool Has(string region, EndpointVariant variant) => (variant & EndpointVariant.DualStack) == 0 || PartitionOf(region).DualStackDomain is not null;

    /// <summary>The partition a region is in, as botocore's partitions.json matches it (anything else is aws).</summary>
    private static Partition PartitionOf(string region)
    {
        foreach (var p in Partitions)
            if (region.StartsWith(p.Prefix, StringComparison.Ordinal))
                return p;
        return Commercial;
    }

    private static ServiceEndpoint At(string host, string signingRegion) => new(new Uri($"https://{host}/"), signingRegion);

    /// <summary>Partitions alike in where IAM and Organizations are: UsIso is ISO and ISO-B, Iso is ISO-E and ISO-F, Sovereign is EUSC.</summary>
    private enum Kind { Commercial, GovCloud, China, UsIso, Iso, Sovereign }

    /// <param name="DualStackDomain">Null where botocore knows no dual-stack endpoint (ISO-E, ISO-F).</param>
    private sealed record Partition(string Id, string Prefix, Kind Kind, string Domain, string? DualStackDomain, string GlobalRegion);

    private static readonly Partition Commercial = new("aws", "", Kind.Commercial, "amazonaws.com", "api.aws", GlobalRegion);

    private static readonly Partition[] Partitions =
    [
        new("aws-us-gov", "us-gov-", Kind.GovCloud, "amazonaws.com", "api.aws", "us-gov-west-1"),
        new("aws-cn", "cn-", Kind.China, "amazonaws.com.cn", "api.amazonwebservices.com.cn", "cn-northwest-1"),
        new("aws-iso", "us-iso-", Kind.UsIso, "c2s.ic.gov", "api.aws.ic.gov", "us-iso-east-1"),
        new("aws-iso-b", "us-isob-", Kind.UsIso, "sc2s.sgov.gov", "api.aws.scloud", "us-isob-east-1"),
        new("aws-iso-e", "eu-isoe-", Kind.Iso, "cloud.adc-e.uk", null, "eu-isoe-west-1"),
        new("aws-iso-f", "us-isof-", Kind.Iso, "csp.hci.ic.gov", null, "us-isof-south-1"),
        new("aws-eusc", "eusc-", Kind.Sovereign, "amazonaws.eu", "api.amazonwebservices.eu", "eusc-de-east-1"),
    ];
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
