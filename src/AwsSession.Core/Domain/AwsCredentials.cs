namespace AwsSession.Domain;

/// <summary>
/// One set of AWS credentials: long-lived keys (no token, no expiry) or a temporary session.
/// ToString masks everything secret so a stray log line or --debug dump can never leak a key.
/// </summary>
public sealed record AwsCredentials(
    string AccessKeyId,
    string SecretAccessKey,
    string? SessionToken = null,
    DateTimeOffset? Expiration = null)
{
    public bool IsSession => !string.IsNullOrEmpty(SessionToken);

    public override string ToString() =>
        $"AwsCredentials {{ AccessKeyId = {Masking.AccessKeyId(AccessKeyId)}, Session = {IsSession}, Expiration = {Expiration:O} }}";
}
