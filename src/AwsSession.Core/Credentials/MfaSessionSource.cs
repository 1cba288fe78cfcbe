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

    /// <summary>
    /// The IAM user, for default role session names (CloudTrail shows them): from the caller's ARN, once per MFA
    /// session, when the device listing did not name it (mfa_serial set). Without it, names fall back to "aws-session".
    /// </summary>
    private async Task<string?> UserNameAsync(AwsCredentials session, CancellationToken ct)
    {
        try
        {
            return (await sts.GetCallerIdentityAsync(session, ct)).UserName;
        }
        catch (AwsSessionException e)
        {
            status.Debug($"no user name for role session names: {e.Message}");
            return null;
        }
    }

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
                return new Session(creds, SessionKind.Mfa, SessionIdentity.Mfa(device.SerialNumber), device.UserName ?? await UserNameAsync(creds, ct));
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
