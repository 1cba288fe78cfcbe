using AwsSession.Config;
using AwsSession.Domain;
using CliWrap;

namespace AwsSession.Prompts;

/// <summary>-t/--mfa-token: validated at parse time; a rejection is final because the flag cannot change.</summary>
public sealed class FixedCode(string code) : IMfaCodeSource
{
    public bool CanRetry => false;

    public ValueTask<string> GetCodeAsync(MfaDevice device, int attempt, CancellationToken ct) => ValueTask.FromResult(code);
}

/// <summary>
/// `exec --server` renewing in the background: the command owns the terminal, and -t's code was used for the first
/// session (STS refuses a code twice). Without mfa_process, a new MFA session cannot be made; say so and how to avoid it.
/// </summary>
public sealed class NoCodeInBackground(Func<DateTimeOffset?> mfaSessionEnd) : IMfaCodeSource
{
    public bool CanRetry => false;

    public ValueTask<string> GetCodeAsync(MfaDevice device, int attempt, CancellationToken ct)
    {
        var ended = mfaSessionEnd() is { } end
            ? $"the MFA session is valid until {end.ToUniversalTime():yyyy-MM-dd HH:mm:ss}Z only"
            : "the MFA session has ended";
        throw new AwsSessionException($"{ended}, and a new one needs an MFA code, which exec --server does not ask for while the command runs",
            hint: "start with a longer MFA session (-d, up to 36h: aws-session mfa -d 36h), or set mfa_process to get codes without a prompt");
    }
}

/// <summary>A person at the terminal (stderr or /dev/tty).</summary>
public sealed class PromptedCode(IInteraction interaction) : IMfaCodeSource
{
    public bool CanRetry => true;

    public ValueTask<string> GetCodeAsync(MfaDevice device, int attempt, CancellationToken ct) =>
        interaction.CanPrompt
            ? ValueTask.FromResult(interaction.AskMfaCode(device.SerialNumber, attempt))
            : throw new AwsSessionException($"an MFA code is needed for {device.SerialNumber}, and there is no terminal to ask on",
                hint: "pass --mfa-token CODE, set mfa_process in the profile, or choose a prompt that needs no terminal (--prompt zenity, kdialog, osascript or ykman)");
}

