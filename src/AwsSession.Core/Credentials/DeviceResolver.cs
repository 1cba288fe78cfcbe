using AwsSession.Aws;
using AwsSession.Domain;
using AwsSession.Logging;
using AwsSession.Prompts;

namespace AwsSession.Credentials;

/// <summary>
/// The device argument, else mfa_serial, else the caller's devices (<see cref="MfaDeviceList"/>): the only one,
/// a pick when several and a terminal, else the first.
/// </summary>
public sealed class DeviceResolver(string? configured, IIamGateway iam, IStsGateway sts, IInteraction interaction, IStatus status)
{
    public async ValueTask<MfaDevice> ResolveAsync(AwsCredentials baseCredentials, CancellationToken ct)
    {
        if (configured is not null)
            return new MfaDevice(configured);

        var (devices, user) = await MfaDeviceList.ListAsync(iam, sts, baseCredentials, status, ct);
        if (devices.Count == 0)
            throw new AwsSessionException(user is null ? "no MFA device is registered for this IAM user" : $"no MFA device is registered for IAM user {user}",
                hint: "register one in the IAM console, or pass DEVICE-ARN / set mfa_serial");
        if (devices.Count == 1 || !interaction.CanPrompt)
        {
            if (devices.Count > 1)
                status.Note($"{devices.Count} MFA devices; using {devices[0].SerialNumber} (set mfa_serial to choose)");
            return devices[0];
        }
        return interaction.Pick("Which MFA device?", devices, d => [d.SerialNumber]);
    }
}
