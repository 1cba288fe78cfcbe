namespace AwsSession.Domain;

/// <summary>
/// An MFA device by its serial number (an ARN for virtual devices, a plain serial for hardware tokens), and the IAM
/// user it belongs to when IAM said so. Never the device's own name: devices are named freely ("alice-phone").
/// </summary>
public sealed record MfaDevice(string SerialNumber, string? UserName = null)
{
    /// <summary>Virtual (TOTP app), FIDO security key (cannot make a CLI session), or a hardware token's serial.</summary>
    public string Kind =>
        SerialNumber.Contains(":mfa/", StringComparison.Ordinal) ? "virtual"
        : SerialNumber.Contains(":u2f/", StringComparison.Ordinal) ? "security-key"
        : "hardware";

    public override string ToString() => SerialNumber;
}
