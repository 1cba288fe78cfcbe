using AwsSession.Aws;
using AwsSession.Domain;
using AwsSession.Logging;

namespace AwsSession.Credentials;

/// <summary>
/// iam:ListMFADevices for the caller. Real IAM takes the user from the signing key; some emulators (moto) need
/// UserName, so on NoSuchEntity/ValidationError we ask STS who we are and list again with that name.
/// </summary>
public static class MfaDeviceList
{
    /// <summary>The device a session uses without asking: the configured one, else the first listed.</summary>
    public static string? Default(string? configured, IReadOnlyList<MfaDevice> devices) => configured ?? devices.FirstOrDefault()?.SerialNumber;

    /// <returns>The devices, and the user name when it had to be looked up (null when IAM worked it out).</returns>
    public static async Task<(IReadOnlyList<MfaDevice> Devices, string? UserName)> ListAsync(
        IIamGateway iam, IStsGateway sts, AwsCredentials credentials, IStatus status, CancellationToken ct)
    {
        try
        {
            return (await iam.ListMfaDevicesAsync(credentials, null, ct), null);
        }
        catch (AwsSessionException e) when (e.InnerException is AwsApiException { Code: "NoSuchEntity" or "ValidationError" })
        {
            var identity = await sts.GetCallerIdentityAsync(credentials, ct);
            var user = identity.UserName ?? throw new AwsSessionException($"cannot list MFA devices for {identity.Arn}: it is not an IAM user",
                hint: "pass the DEVICE-ARN argument or set mfa_serial in the profile");
            status.Debug($"ListMFADevices needed a user name; using {user} from GetCallerIdentity");
            return (await iam.ListMfaDevicesAsync(credentials, user, ct), user);
        }
    }
}
