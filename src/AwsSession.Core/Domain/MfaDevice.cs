namespace AwsSession.Domain;

/// <summary>An MFA device by its serial number (an ARN for virtual devices, a plain serial for hardware tokens).</summary>
public sealed record MfaDevice(string SerialNumber)
{
    /// <summary>The IAM user in arn:aws:iam::123456789012:mfa/alice, used for default role session names.</summary>
    public string? UserName
    {
        get
        {
            var slash = SerialNumber.LastIndexOf('/');
            return SerialNumber.StartsWith("arn:", StringComparison.Ordinal) && slash > 0 ? SerialNumber[(slash + 1)..] : null;
        }
    }

    /// <summary>Virtual (TOTP app), FIDO security key (cannot make a CLI session), or a hardware token's serial.</summary>
    public string Kind =>
        SerialNumber.Contains(":mfa/", StringComparison.Ordinal) ? "virtual"
        : SerialNumber.Contains(":u2f/", StringComparison.Ordinal) ? "security-key"
        : "hardware";

    public override string ToString() => SerialNumber;
}
