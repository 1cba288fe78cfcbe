using AwsSession.Config;
using AwsSession.Domain;
using AwsSession.Logging;
using CliWrap;

namespace AwsSession.Prompts;

/// <summary>
/// --prompt ykman: the TOTP from a YubiKey's OATH application, `ykman oath accounts code --single NAME`, with NAME from
/// mfa_ykman_account, else the device's name (the part of the ARN after the last /). ykman says "Touch your
/// YubiKey..." on stderr when the account needs a touch; that becomes one notice here. Not asked again after a
/// rejection: within the same 30 seconds the key gives the same code.
/// </summary>
public sealed class YkmanCode(EnvironmentVariables env, IStatus status, string? account) : IMfaCodeSource
{
    public bool CanRetry => false;

    public static string Account(string? configured, MfaDevice device) =>
        configured ?? device.SerialNumber[(device.SerialNumber.LastIndexOf('/') + 1)..];

    public async ValueTask<string> GetCodeAsync(MfaDevice device, int attempt, CancellationToken ct)
    {
        var path = DialogCode.Installed("ykman", env);
        var name = Account(account, device);
        var told = 0;
        void Seen(string text)
        {
            if (text.Contains("touch", StringComparison.OrdinalIgnoreCase) && Interlocked.Exchange(ref told, 1) == 0)
                status.Note($"touch your YubiKey (OATH account {ErrorText.Printable(name)})");
        }
        var cli = Cli.Wrap(path).WithArguments(["oath", "accounts", "code", "--single", name]).WithWorkingDirectory(env.Home);
        var result = await BoundedProcess.RunAsync(cli, "ykman", env, ct, Seen);
        if (result.ExitCode != 0)
            throw new AwsSessionException($"ykman exited with code {result.ExitCode}", hint: result.StderrReason);
        var code = result.Stdout.Trim();
        return MfaCodes.IsCode(code)
            ? code
            : throw new AwsSessionException($"ykman did not print a 6-digit code for OATH account {ErrorText.Printable(name)}",
                hint: "set mfa_ykman_account to the account's name as `ykman oath accounts list` shows it");
    }
}
