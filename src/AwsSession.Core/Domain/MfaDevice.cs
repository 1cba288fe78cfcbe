namespace AwsSession.Domain;

/// <summary>
/// An MFA device by its serial number (an ARN for virtual devices, a plain serial for hardware tokens), and the IAM
/// user it belongs to when IAM said so. Never the device's own name: devices are named freely ("alice-phone").
/// </summary>
public sealed record MfaDevice(string SerialNumber, string? UserName = null)
{
    public override string ToString() => SerialNumber;
}
