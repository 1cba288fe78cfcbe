using AwsSession.Aws;
using AwsSession.Domain;
using AwsSession.Logging;
using AwsSession.Prompts;

namespace AwsSession.Credentials;

/// <summary>
/// An MFA session (sts:GetSessionToken) over base keys. Asks for the code again when STS refuses it,
/// up to three tries, unless the code came from a flag that cannot change.
/// </summary>
public sealed class MfaSessionSource(
    ICredentialSource inner,
    DeviceResolver devices,
    IMfaCodeSource codes,
    IStsGateway sts,
    TimeSpan duration,
    IStatus status) : ICredentialSource
{
    public const int MaxTries = 3;

    public async ValueTask<Session> GetAsync(CancellationToken ct)
    {
        // Only ever over long-lived keys: the planner never puts it over a session (GetSessionToken would refuse one).
        var baseSession = await inner.GetAsync(ct);
        var device = await devices.ResolveAsync(baseSession.Credentials, ct);
        for (var attempt = 1; ; attempt++)
        {
            var code = await codes.GetCodeAsync(device, attempt, ct);
            try
            {
                var creds = await sts.GetSessionTokenAsync(baseSession.Credentials, device.SerialNumber, code, duration, ct);
                return new Session(creds, SessionKind.Mfa, SessionIdentity.Mfa(device.SerialNumber), device.UserName);
            }
            catch (MfaCodeRejectedException) when (codes.CanRetry && attempt < MaxTries)
            {
                status.Warn($"wrong MFA code, try again ({attempt + 1}/{MaxTries})");
            }
            catch (MfaCodeRejectedException e)
            {
                throw new AwsSessionException(codes.CanRetry ? $"MFA code rejected {MaxTries} times; giving up" : e.Message,
                    hint: codes.CanRetry ? "check the device's clock and that DEVICE-ARN is the right device" : "wait for the next code and run again");
            }
        }
    }

    public override string ToString() => $"MfaSession({inner})";
}
