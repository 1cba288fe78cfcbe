using AwsSession.Credentials;
using AwsSession.Domain;

namespace AwsSession.SignIn;

/// <summary>Which sessions the AWS federation endpoint accepts, and where a partition's console lives.</summary>
public static class ConsoleSignIn
{
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
        _ => session.Credentials.IsSession && !session.Identity.StartsWith("mfa:", StringComparison.Ordinal),
    };

    public static Uri Endpoint(string? overrideUrl, string partition) =>
        overrideUrl is not null && Uri.TryCreate(overrideUrl, UriKind.Absolute, out var u) ? u
        : new Uri($"https://{SignInHost(partition)}/federation");

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

    /// <summary>The partition from the role ARN when there is one ("aws" otherwise).</summary>
    public static string PartitionOf(RoleTarget? role) => Accounts.RoleArns.PartitionOf(role?.RoleArn);

    /// <summary>Console sessions last 15 minutes to 12 hours; null leaves it to AWS (the credentials' own lifetime).</summary>
    public static TimeSpan? SessionDuration(TimeSpan? requested) =>
        requested is { } d ? TimeSpan.FromSeconds(Math.Clamp(d.TotalSeconds, 900, 43200)) : null;

    private static string SignInHost(string partition) => partition switch
    {
        "aws-us-gov" => "signin.amazonaws-us-gov.com",
        "aws-cn" => "signin.amazonaws.cn",
        _ => "signin.aws.amazon.com",
    };
}
