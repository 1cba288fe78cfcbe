using AwsSession.Aws;
using AwsSession.Domain;

namespace AwsSession.Prompts;

/// <summary>
/// The device argument, else mfa_serial, else iam:ListMFADevices. Real IAM takes the user from the signing key;
/// some emulators (moto) need UserName, so on NoSuchEntity/ValidationError we ask STS who we are and list again.
/// </summary>
public sealed class DeviceResolver(string? configured, IIamGateway iam, IStsGateway sts, IInteraction interaction, IStatus status) : IDeviceResolver
{
    public async ValueTask<MfaDevice> ResolveAsync(AwsCredentials baseCredentials, CancellationToken ct)
    {
        if (configured is not null)
            return new MfaDevice(configured);

        string? user = null;
        IReadOnlyList<MfaDevice> devices;
        try
        {
            devices = await iam.ListMfaDevicesAsync(baseCredentials, null, ct);
        }
        catch (AwsSessionException e) when (e.InnerException is AwsApiException { Code: "NoSuchEntity" or "ValidationError" })
        {
            var identity = await sts.GetCallerIdentityAsync(baseCredentials, ct);
            user = identity.UserName ?? throw new AwsSessionException($"cannot list MFA devices for {identity.Arn}: it is not an IAM user",
                hint: "pass the DEVICE-ARN argument or set mfa_serial in the profile");
            status.Debug($"ListMFADevices needed a user name; using {user} from GetCallerIdentity");
            devices = await iam.ListMfaDevicesAsync(baseCredentials, user, ct);
        }

        if (devices.Count == 0)
            throw new AwsSessionException(user is null ? "no MFA device is registered for this IAM user" : $"no MFA device is registered for IAM user {user}",
                hint: "register one in the IAM console, or pass DEVICE-ARN / set mfa_serial");
        if (devices.Count == 1 || !interaction.CanPrompt)
        {
            if (devices.Count > 1)
                status.Note($"{devices.Count} MFA devices; using {devices[0].SerialNumber} (set mfa_serial to choose)");
            return devices[0];
        }
        return interaction.Pick("Which MFA device?", devices, d => d.SerialNumber);
    }
}
