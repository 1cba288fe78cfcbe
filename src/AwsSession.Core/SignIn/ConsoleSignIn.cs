using AwsSession.Aws;
using AwsSession.Config;
using AwsSession.Domain;

namespace AwsSession.SignIn;

/// <summary>Which sessions the AWS federation endpoint accepts, and where a partition's console lives.</summary>
public static class ConsoleSignIn
{
    /// <summary>
    /// The sign-in URL for a session: it holds a sign-in token (good for 15 minutes), so it goes only to a browser or
    /// to stdout on request. <paramref name="role"/> decides the partition; <paramref name="region"/> the console's page.
    /// </summary>
    public static async Task<Uri> UrlAsync(Session session, RoleTarget? role, string? region, TimeSpan? requested, CaBundle? bundle, EnvironmentVariables env, CancellationToken ct)
    {
        if (!CanSignIn(session))
            throw new AwsSessionException("console sign-in needs role credentials, and an MFA session (sts:GetSessionToken) cannot sign in to the console",
                hint: "use `aws-session console pose ACCOUNT [ROLE]`, or --profile with a role_arn profile");
        var partition = Partition(role, region);
        var client = new FederationClient(Endpoint(env.Get(EndpointVariable), partition), AwsHttp.Handler(TrustedRoots.From(bundle)));
        var token = await client.GetSigninTokenAsync(session.Credentials, SessionLengths.SignIn(requested), ct);
        return client.LoginUrl(token, Destination(partition, region));
    }

    /// <summary>
    /// The role's partition; a session with no role target (an Identity Center profile's own role) is the region's,
    /// as the portal that issued it is.
    /// </summary>
    public static string Partition(RoleTarget? role, string? region) =>
        Accounts.RoleArns.PartitionOf(role?.RoleArn, region);

    /// <summary>Lets tests point sign-in at a local fake; the login URL is built on the same endpoint.</summary>
    public const string EndpointVariable = "AWS_SESSION_FEDERATION_URL";

    /// <summary>
    /// getSigninToken accepts role (and federation-token) sessions only; GetSessionToken's are refused. An unknown
    /// environment session may be either, so it is tried.
    /// </summary>
    public static bool CanSignIn(Session session) => session.Kind switch
    {
        SessionKind.Role => true,
        SessionKind.Mfa => false,
        _ => session.Credentials.IsSession && session.Identity.Kind != IdentityKind.Mfa,
    };

    /// <exception cref="AwsSessionException">A partition whose sign-in endpoint aws-session does not know, and no override.</exception>
    public static Uri Endpoint(string? overrideUrl, string partition) =>
        overrideUrl is not null && Uri.TryCreate(overrideUrl, UriKind.Absolute, out var u) ? u
        : new Uri($"https://{SignInHost(partition) ?? throw Unknown(partition)}/federation");

    // The European Sovereign Cloud and the ISO partitions have consoles of their own; a commercial URL would only be refused.
    private static AwsSessionException Unknown(string partition) =>
        new($"console sign-in in the {ErrorText.Printable(partition)} partition: aws-session does not know its sign-in endpoint",
            hint: $"set {EndpointVariable} to it (https://SIGNIN-HOST/federation)");

    public static string Destination(string partition, string? region)
    {
        var console = partition switch
        {
            "aws-us-gov" => "https://console.amazonaws-us-gov.com/",
            "aws-cn" => "https://console.amazonaws.cn/",
            _ => "https://console.aws.amazon.com/",
        };
        return region is null ? console : $"{console}console/home?region={Uri.EscapeDataString(region)}";
    }

    private static string? SignInHost(string partition) => partition switch
    {
        "aws" => "signin.aws.amazon.com",
        "aws-us-gov" => "signin.amazonaws-us-gov.com",
        "aws-cn" => "signin.amazonaws.cn",
        _ => null,
    };
}
