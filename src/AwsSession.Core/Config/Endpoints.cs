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

    /// <summary>IAM and Organizations are global services, signed for us-east-1 in the aws partition.</summary>
    public static Uri Default(string service, string region) => service switch
    {
        Iam => new Uri("https://iam.amazonaws.com/"),
        Organizations => new Uri("https://organizations.us-east-1.amazonaws.com/"),
        Sso => new Uri($"https://portal.sso.{region}.amazonaws.com/"),
        SsoOidc => new Uri($"https://oidc.{region}.amazonaws.com/"),
        _ => new Uri($"https://sts.{region}.amazonaws.com/"),
    };

    public static Uri For(EnvironmentVariables env, string service, string region) => Override(env, service) ?? Default(service, region);
}
