using AwsSession.Domain;

namespace AwsSession.Prompts;

/// <summary>Where an MFA code comes from: a flag, an mfa_process command, or a person at a terminal.</summary>
public interface IMfaCodeSource
{
    /// <summary>False when asking again would give the same code (a flag): a rejection is then final.</summary>
    bool CanRetry { get; }

    ValueTask<string> GetCodeAsync(MfaDevice device, int attempt, CancellationToken ct);
}
