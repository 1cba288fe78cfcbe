using System.Text.RegularExpressions;
using AwsSession.Domain;

namespace AwsSession.Secrets;

/// <summary>
/// The names an entry is filed under in every backend (service "aws-session", the profile), and the profile
/// names a store accepts: letters, digits and ._-@+ only, so a name is safe as a file name, a pass path,
/// a D-Bus attribute and a keychain account.
/// </summary>
public static partial class StoreNames
{
    public const string Service = "aws-session";

    public static string Label(string profile) => $"aws-session: AWS keys of profile {profile}";

    public static string Profile(string name) =>
        ProfilePattern().IsMatch(name) ? name
        : throw new UsageException($"profile name '{ErrorText.Printable(name)}' cannot be used with a secret store",
            "use letters, digits and . _ - @ + (at most 64 characters)");

    [GeneratedRegex(@"\A[A-Za-z0-9_@+-][A-Za-z0-9._@+-]{0,63}\z")]
    private static partial Regex ProfilePattern();
}
