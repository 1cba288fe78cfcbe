using AwsSession.Domain;

namespace AwsSession.Secrets;

/// <summary>
/// The names an entry is filed under in every backend (service "aws-session", the profile), and the profile
/// names a store accepts: letters, digits and ._-@+ only, so a name is safe as a file name, a pass path,
/// a D-Bus attribute and a keychain account.
/// </summary>
public static class StoreNames
{
    public const string Service = "aws-session";

    public static string Label(string profile) => $"aws-session: AWS keys of profile {profile}";

    public static string Profile(string name) =>
        IsStoreName(name) ? name
        : throw new UsageException($"profile name '{ErrorText.Printable(name)}' cannot be used with a secret store",
            "use letters, digits and . _ - @ + (at most 64 characters)");

    /// <summary>1 to 64 of A-Z a-z 0-9 . _ @ + -, not starting with a dot. Spelled out, not a regex: every cache hit asks.</summary>
    public static bool IsStoreName(string s)
    {
        if (s.Length is < 1 or > 64 || s[0] == '.')
            return false;
        foreach (var c in s)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '@' or '+' or '-'))
                return false;
        }
        return true;
    }
}
