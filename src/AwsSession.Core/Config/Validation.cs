using System.Text.RegularExpressions;
using AwsSession.Domain;

namespace AwsSession.Config;

/// <summary>Checks that turn bad input into usage errors before any network call.</summary>
public static partial class Validation
{
    public static string MfaCode(string code, string source = "--mfa-token") =>
        CodePattern().IsMatch(code) ? code : throw new UsageException($"{source}: an MFA code is 6 digits");

    public static string DeviceArn(string device) =>
        device.StartsWith("arn:", StringComparison.Ordinal) && DeviceArnPattern().IsMatch(device)
            ? device
            : throw new UsageException($"device '{ErrorText.Printable(device)}' is not an MFA device ARN", "expected arn:aws:iam::123456789012:mfa/NAME");

    public static string SessionName(string name) =>
        SessionNamePattern().IsMatch(name)
            ? name
            : throw new UsageException($"--session-name: '{ErrorText.Printable(name)}' is not a valid role session name", "use 2 to 64 of the characters A-Z a-z 0-9 _ + = , . @ -");

    public static string ExternalId(string id) =>
        ExternalIdPattern().IsMatch(id)
            ? id
            : throw new UsageException("--external-id: must be 2 to 1224 of the characters A-Z a-z 0-9 _ + = , . @ : / -");

    /// <summary>
    /// A region goes into a host name and into the exports: one DNS label, as botocore requires (and no blank,
    /// newline or dot). Checked wherever it comes from, so a bad one fails here and not as a UriFormatException.
    /// </summary>
    public static string Region(string region, string source) =>
        IsDnsLabel(region)
            ? region
            : throw new UsageException($"{source}: '{ErrorText.Printable(region)}' is not an AWS region", "e.g. us-east-1 or eu-west-1");

    /// <summary>Makes any caller-derived name acceptable to STS: drops what it refuses, pads or trims the length.</summary>
    public static string SanitizeSessionName(string? raw)
    {
        var cleaned = new string((raw ?? "").Where(c => char.IsAsciiLetterOrDigit(c) || "_+=,.@-".Contains(c)).ToArray());
        if (cleaned.Length > 64)
            cleaned = cleaned[..64];
        return cleaned.Length >= 2 ? cleaned : "aws-session" + (cleaned.Length > 0 ? "-" + cleaned : "");
    }

    /// <summary>A value quoted back in an error: bounded and free of control characters.</summary>
    [GeneratedRegex(@"^[0-9]{6}\z")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"^arn:aws[a-z-]*:(iam|sts)::[0-9]{12}:(mfa|u2f)/[A-Za-z0-9_+=,.@/-]+\z")]
    private static partial Regex DeviceArnPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_+=,.@-]{2,64}\z")]
    private static partial Regex SessionNamePattern();

    [GeneratedRegex(@"^[A-Za-z0-9_+=,.@:/-]{2,1224}\z")]
    private static partial Regex ExternalIdPattern();

    /// <summary>1 to 63 ASCII letters, digits and hyphens, starting and ending with a letter or digit. Spelled out: it is
    /// checked on every cache hit, which uses no Regex or LINQ (docs/architecture.md, the front).</summary>
    private static bool IsDnsLabel(string s)
    {
        if (s.Length is < 1 or > 63 || !char.IsAsciiLetterOrDigit(s[0]) || !char.IsAsciiLetterOrDigit(s[^1]))
            return false;
        foreach (var c in s)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-')
                return false;
        }
        return true;
    }
}
