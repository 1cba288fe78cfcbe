using AwsSession.Domain;

namespace AwsSession.Config;

/// <summary>How a person is asked for an MFA code: --prompt, AWS_SESSION_PROMPT, the profile's mfa_prompt.</summary>
public enum MfaPrompt
{
    Terminal,
    Zenity,
    Kdialog,
    Osascript,
    Ykman,
}

public static class MfaPrompts
{
    public const string Variable = "AWS_SESSION_PROMPT";

    public static readonly string[] Names = ["terminal", "zenity", "kdialog", "osascript", "ykman"];

    public static string Name(MfaPrompt prompt) => Names[(int)prompt];

    /// <param name="source">Where the value was read, for the error ("--prompt", "profile 'dev': mfa_prompt").</param>
    public static MfaPrompt Parse(string value, string source)
    {
        var i = Array.IndexOf(Names, value.Trim().ToLowerInvariant());
        return i >= 0 ? (MfaPrompt)i
            : throw new UsageException($"{source}: unknown prompt '{ErrorText.Printable(value)}'", "choose one of " + string.Join(", ", Names));
    }
}
