using AwsSession.Domain;

namespace AwsSession.Credentials;

/// <summary>Chooses the MFA device: the argument, else mfa_serial, else ListMFADevices (picker when several).</summary>
public interface IDeviceResolver
{
    ValueTask<MfaDevice> ResolveAsync(AwsCredentials baseCredentials, CancellationToken ct);
}
