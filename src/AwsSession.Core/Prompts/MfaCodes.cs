namespace AwsSession.Prompts;

/// <summary>What every prompt accepts as an MFA code, and what it says when the answer is not one.</summary>
public static class MfaCodes
{
    public const string Malformed = "an MFA code is 6 digits";
    public const string EmptyAnswer = "type the 6-digit code your MFA device shows (Ctrl-D cancels)";

    public static bool IsCode(string s) => s.Length == 6 && s.All(char.IsAsciiDigit);
}
