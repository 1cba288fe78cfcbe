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

/// <summary>A person at the terminal (stderr or /dev/tty).</summary>
public sealed class PromptedCode(IInteraction interaction) : IMfaCodeSource
{
    public bool CanRetry => true;

    public ValueTask<string> GetCodeAsync(MfaDevice device, int attempt, CancellationToken ct) =>
        interaction.CanPrompt
            ? ValueTask.FromResult(interaction.AskMfaCode(device.SerialNumber, attempt))
            : throw new AwsSessionException($"an MFA code is needed for {device.SerialNumber}, and there is no terminal to ask on",
                hint: "pass --mfa-token CODE, or set mfa_process in the profile");
}

