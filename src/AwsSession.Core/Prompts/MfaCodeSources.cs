using AwsSession.Config;
using AwsSession.Logging;

namespace AwsSession.Prompts;

/// <summary>Where an MFA session's code comes from, chosen when the session is planned: -t, mfa_process, else a prompt.</summary>
public static class MfaCodeSources
{
    /// <param name="sessionEnd">When the cached MFA session ends, for the message of a run that cannot ask.</param>
    public delegate IMfaCodeSource Choose(SessionOptions options, ResolvedConfig config, IInteraction interaction, EnvironmentVariables env,
        IStatus status, Func<DateTimeOffset?> sessionEnd);

    public static IMfaCodeSource For(SessionOptions options, ResolvedConfig config, IInteraction interaction, EnvironmentVariables env,
        IStatus status, Func<DateTimeOffset?> sessionEnd) =>
        options.MfaToken is { } token ? new FixedCode(token)
        : config.MfaProcess is { } process ? new ProcessCode(process, env, config.CredentialProcessProfile)
        : PromptSources.For(config.MfaPrompt, options.Prompts, interaction, env, status, config.YkmanAccount, () => new NoCodeInBackground(sessionEnd));
}
