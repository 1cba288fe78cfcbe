using System.Text.RegularExpressions;

namespace AwsSession.Secrets;

/// <summary>The shape of IAM access keys, checked before a key is stored or trusted from a store.</summary>
public static partial class KeyFormat
{
    public static bool IsAccessKeyId(string? s) => s is not null && AccessKeyIdPattern().IsMatch(s);

    /// <summary>Secrets are 40 characters of base64 today; anything printable without spaces is accepted.</summary>
    public static bool IsSecret(string? s) => s is not null && SecretPattern().IsMatch(s);

    [GeneratedRegex(@"\A[A-Z0-9]{16,128}\z")]
    private static partial Regex AccessKeyIdPattern();

    [GeneratedRegex(@"\A[\x21-\x7e]{16,256}\z")]
    private static partial Regex SecretPattern();
}
