using AwsSession.Config;
using AwsSession.Domain;
using AwsSession.Logging;

namespace AwsSession.Prompts;

/// <summary>
/// Where a person is asked for an MFA code: the configured prompt (--prompt, AWS_SESSION_PROMPT, mfa_prompt), else
/// the automatic choice, made when a code is first needed (a cache hit never looks for a display or a program).
/// </summary>
public static class PromptSources
{
    /// <param name="background">The source when no prompt may be shown (exec --server renewing behind its command).</param>
    public static IMfaCodeSource For(MfaPrompt? chosen, PromptChannel channel, IInteraction terminal, EnvironmentVariables env, IStatus status,
        string? ykmanAccount, Func<IMfaCodeSource> background) => chosen switch
    {
        null or MfaPrompt.Terminal when channel == PromptChannel.None => background(),
        null => new AutomaticCode(terminal, env, status),
        _ => Of(chosen.Value, terminal, env, status, ykmanAccount),
    };

    public static IMfaCodeSource Of(MfaPrompt prompt, IInteraction terminal, EnvironmentVariables env, IStatus status, string? ykmanAccount) => prompt switch
    {
        MfaPrompt.Zenity => new ZenityCode(env),
        MfaPrompt.Kdialog => new KdialogCode(env),
        MfaPrompt.Osascript => new OsascriptCode(env),
        MfaPrompt.Ykman => new YkmanCode(env, status, ykmanAccount),
        _ => new PromptedCode(terminal),
    };

    /// <summary>
    /// The terminal when there is one; else, with a display, a dialog: osascript on macOS, zenity then kdialog on
    /// Linux (DISPLAY or WAYLAND_DISPLAY set). Null when nothing can ask; <c>Why</c> says what was found, for --debug.
    /// </summary>
    public static (MfaPrompt? Prompt, string Why) Automatic(bool terminal, EnvironmentVariables env, bool macOs, Func<string, bool> onPath)
    {
        if (terminal)
            return (MfaPrompt.Terminal, "a terminal is attached");
        if (macOs)
            return onPath("osascript") ? (MfaPrompt.Osascript, "no terminal; macOS dialog") : (null, "no terminal, and osascript is not on PATH");
        if (env.Get("DISPLAY") is null && env.Get("WAYLAND_DISPLAY") is null)
            return (null, "no terminal, and no display (DISPLAY and WAYLAND_DISPLAY are unset)");
        if (onPath("zenity"))
            return (MfaPrompt.Zenity, "no terminal; a display, and zenity on PATH");
        if (onPath("kdialog"))
            return (MfaPrompt.Kdialog, "no terminal; a display, and kdialog on PATH (no zenity)");
        return (null, "no terminal; a display, but neither zenity nor kdialog on PATH");
    }
}

/// <summary>The automatic choice (<see cref="PromptSources.Automatic"/>), made once, when the first code is needed.</summary>
public sealed class AutomaticCode(IInteraction terminal, EnvironmentVariables env, IStatus status) : IMfaCodeSource
{
    private IMfaCodeSource? _chosen;

    public bool CanRetry => _chosen?.CanRetry ?? true;

    public ValueTask<string> GetCodeAsync(MfaDevice device, int attempt, CancellationToken ct) =>
        (_chosen ??= Choose()).GetCodeAsync(device, attempt, ct);

    private IMfaCodeSource Choose()
    {
        var (prompt, why) = PromptSources.Automatic(terminal.CanPrompt, env, OperatingSystem.IsMacOS(), p => DialogCode.OnPath(p, env));
        status.Debug($"MFA prompt: {(prompt is { } p ? MfaPrompts.Name(p) : "none")} ({why})");
        return prompt is { } chosen ? PromptSources.Of(chosen, terminal, env, status, null) : new PromptedCode(terminal);
    }
}
