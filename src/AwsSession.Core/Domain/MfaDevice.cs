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

    public override string ToString() => SerialNumber;
}
