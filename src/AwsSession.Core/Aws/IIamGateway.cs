using AwsSession.Domain;

namespace AwsSession.Aws;

public interface IIamGateway
{
    /// <summary>iam:ListMFADevices; without a user name, IAM answers for the user that signed the request.</summary>
    Task<IReadOnlyList<MfaDevice>> ListMfaDevicesAsync(AwsCredentials credentials, string? userName, CancellationToken ct);
}
