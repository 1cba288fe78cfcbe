using AwsSession.Config;
using AwsSession.Domain;
using CliWrap;

namespace AwsSession.Prompts;

/// <summary>
/// mfa_process / --mfa-process: a command that prints the code (e.g. a password manager's TOTP), run under /bin/sh
/// with <see cref="BoundedProcess"/>'s bounds. An aws-session started inside it fails at once
/// (<see cref="ChildEnvironmentNames.InMfaProcess"/>) instead of waiting for the lock its parent holds. The code
/// itself is never echoed in errors.
/// </summary>
public sealed class ProcessCode(string command, EnvironmentVariables env, string? credentialProcessProfile = null) : IMfaCodeSource
{
    public static readonly TimeSpan DefaultTimeout = BoundedProcess.DefaultTimeout;
    public const string TimeoutVariable = BoundedProcess.TimeoutVariable;
    public const int MaxOutput = BoundedProcess.MaxOutput;

    public bool CanRetry => false;

    public TimeSpan Timeout => BoundedProcess.Timeout(env);

    public async ValueTask<string> GetCodeAsync(MfaDevice device, int attempt, CancellationToken ct)
    {
        var (shell, flag) = OperatingSystem.IsWindows() ? ("cmd.exe", "/c") : ("/bin/sh", "-c");
        var cli = Cli.Wrap(shell).WithArguments([flag, command])
            .WithEnvironmentVariables(e =>
            {
                e.Set("AWS_SESSION_MFA_DEVICE", device.SerialNumber).Set(ChildEnvironmentNames.InMfaProcess, device.SerialNumber);
                // The credential-process nesting guard (ConfigResolver) must see it inside mfa_process too.
                if (credentialProcessProfile is not null)
                    e.Set(ChildEnvironmentNames.CredentialProcess, credentialProcessProfile);
            })
            .WithWorkingDirectory(env.Home);
        var result = await BoundedProcess.RunAsync(cli, "mfa_process", env, ct);
        if (result.ExitCode != 0)
            throw new AwsSessionException($"mfa_process exited with code {result.ExitCode}", hint: result.StderrReason);
        var code = result.Stdout.Trim();
        return MfaCodes.IsCode(code)
            ? code
            : throw new AwsSessionException("mfa_process did not print a 6-digit code", hint: "it must print only the code on stdout");
    }

    /// <summary>Fails when aws-session runs inside an mfa_process: it would wait for the lock its parent holds.</summary>
    public static void GuardRecursion(EnvironmentVariables env)
    {
        if (env.Get(ChildEnvironmentNames.InMfaProcess) is { } device)
            throw new AwsSessionException($"aws-session was started by the mfa_process for {ErrorText.Printable(device)}, and would wait for itself",
                hint: "mfa_process must print the code without calling aws-session");
    }
}
