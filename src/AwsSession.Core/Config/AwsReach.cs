using AwsSession.Domain;

namespace AwsSession.Config;

/// <summary>
/// How a run reaches AWS, from its environment and the profile it uses, as botocore resolves them: the authorities
/// AWS's certificates must chain to (<see cref="CaBundle"/>), and where each service is. A service's endpoint is
/// AWS_ENDPOINT_URL_&lt;SERVICE&gt;, else AWS_ENDPOINT_URL, else the service's endpoint_url in the profile's
/// [services NAME] section, else the profile's endpoint_url, else its partition's (<see cref="Endpoints.Standard"/>);
/// none is configured when AWS_IGNORE_CONFIGURED_ENDPOINT_URLS, else the profile's ignore_configured_endpoint_urls, is
/// true. A standard endpoint is the FIPS or dual-stack one when AWS_USE_FIPS_ENDPOINT or AWS_USE_DUALSTACK_ENDPOINT, else
/// the profile's use_fips_endpoint or use_dualstack_endpoint, is true; a configured endpoint is used as it is.
/// Resolving reads no URL: a cache hit needs none, and a bad one fails where a call needs it.
/// </summary>
public sealed class AwsReach
{
    public const string IgnoreVariable = "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS";

    private readonly EnvironmentVariables _env;
    private readonly ProfileSettings? _profile;
    private readonly IReadOnlyDictionary<string, string> _services;
    private readonly bool _ignored;

    private AwsReach(EnvironmentVariables env, ProfileSettings? profile, IReadOnlyDictionary<string, string> services, bool ignored, CaBundle? bundle,
        EndpointVariant variant) =>
        (_env, _profile, _services, _ignored, CaBundle, Variant) = (env, profile, services, ignored, bundle, variant);

    public CaBundle? CaBundle { get; }

    /// <summary>Which of the standard endpoints the run asks for.</summary>
    public EndpointVariant Variant { get; }

    /// <exception cref="UsageException">The profile names a [services NAME] section the config file does not have.</exception>
    public static AwsReach Resolve(EnvironmentVariables env, ProfileSettings? profile, IProfileStore profiles)
    {
        var ignored = Setting(env, IgnoreVariable, profile?.IgnoreConfiguredEndpointUrls);
        var services = ignored || profile?.Services is not { } name ? NoServices
            : profiles.FindServices(name) ?? throw new UsageException(
                $"profile '{ErrorText.Printable(profile.Name)}': services '{ErrorText.Printable(name)}' names no [services {ErrorText.Printable(name)}] section in the AWS config file",
                "add that section, or remove services from the profile");
        var variant = (Setting(env, "AWS_USE_FIPS_ENDPOINT", profile?.UseFipsEndpoint) ? EndpointVariant.Fips : EndpointVariant.None)
            | (Setting(env, "AWS_USE_DUALSTACK_ENDPOINT", profile?.UseDualstackEndpoint) ? EndpointVariant.DualStack : EndpointVariant.None);
        return new AwsReach(env, profile, services, ignored, CaBundle.Resolve(env, profile), variant);
    }

    /// <summary>A boolean setting: its variable when set (even to false), else the profile's key.</summary>
    private static bool Setting(EnvironmentVariables env, string variable, string? key) => env.Get(variable) is { } set ? IsTrue(set) : key is not null && IsTrue(key);

    /// <summary>Where <paramref name="service"/> is reached from <paramref name="region"/>, and the region its calls are signed for.</summary>
    /// <exception cref="UsageException">The run asks for a variant the region's partition does not have, and no endpoint is configured.</exception>
    public ServiceEndpoint Endpoint(string service, string region)
    {
        if (Configured(service) is not { } url)
            return Endpoints.Standard(service, region, Variant);
        // Used as it is, whatever the variant; signed as the partition's own endpoint for the service would be.
        return Endpoints.Standard(service, region, Endpoints.Has(region, Variant) ? Variant : Variant & ~EndpointVariant.DualStack) with { Url = url };
    }

    /// <summary>The endpoint configured for <paramref name="service"/>, or null for its partition's.</summary>
    /// <exception cref="UsageException">The config file's URL is not an absolute URL (never quoted: it may carry a password).</exception>
    public Uri? Configured(string service)
    {
        if (_ignored)
            return null;
        // As before the config file was read: a variable that is no URL is passed over for the partition's endpoint.
        if ((_env.Get("AWS_ENDPOINT_URL_" + service) ?? _env.Get("AWS_ENDPOINT_URL")) is { } variable)
            return Uri.TryCreate(variable, UriKind.Absolute, out var fromEnvironment) ? fromEnvironment : null;
        var id = service.ToLowerInvariant();
        var (configured, key) = _services.TryGetValue(id, out var nested) ? (nested, $"[services {_profile!.Services}] {id} endpoint_url")
            : (_profile?.EndpointUrl, "endpoint_url");
        if (configured is null)
            return null;
        return Uri.TryCreate(configured, UriKind.Absolute, out var url) && url.Scheme is "https" or "http" ? url
            : throw new UsageException($"profile '{ErrorText.Printable(_profile!.Name)}': {ErrorText.Printable(key)} is not an http(s) URL", "fix it in ~/.aws/config");
    }

    private static readonly IReadOnlyDictionary<string, string> NoServices = new Dictionary<string, string>();

    /// <summary>As botocore reads a boolean setting: "true" in any case, anything else false.</summary>
    private static bool IsTrue(string value) => value.Trim().Equals("true", StringComparison.OrdinalIgnoreCase);
}
