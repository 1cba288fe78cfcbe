using System.CommandLine;
using AwsSession.Config;
using AwsSession.Output;

namespace AwsSession.Cli.Commands;

/// <summary>
/// The options shared between commands, declared once. Only --debug reaches every command (recursive on the root);
/// each command adds the sets it reads, so its --help lists only the options it takes. Placeholders are upper-case
/// nouns (NAME, DURATION, CODE).
/// </summary>
public static class CommonOptions
{
    public static readonly Option<string?> Profile = new("--profile") { Description = "Profile in ~/.aws/config for the base keys (or a role_arn profile)", HelpName = "NAME" };
    public static readonly Option<string?> Region = new("--region") { Description = "Region for STS and the exports (default: AWS_REGION, AWS_DEFAULT_REGION, the profile)", HelpName = "REGION" };
    public static readonly Option<string?> Duration = new("--duration", "-d") { Description = "Session length: seconds or 90m/12h (mfa: default 12h, 15m..36h; roles: default 1h, 15m..12h)", HelpName = "DURATION" };
    public static readonly Option<string?> MfaToken = new("--mfa-token", "-t") { Description = "The 6-digit MFA code (otherwise mfa_process, else a prompt)", HelpName = "CODE" };
    public static readonly Option<string?> MfaProcess = new("--mfa-process") { Description = "Command that prints the MFA code (like mfa_process in the profile)", HelpName = "COMMAND" };
    public static readonly Option<string?> Prompt = new("--prompt") { Description = "How to ask for the MFA code: terminal, zenity, kdialog, osascript or ykman (default: AWS_SESSION_PROMPT, mfa_prompt, else the terminal, else a dialog on the display)", HelpName = "PROMPT" };
    public static readonly Option<bool> NoCache = new("--no-cache") { Description = "Neither read nor write the caches (sessions, account list) for this run" };
    public static readonly Option<string?> MinTtl = new("--min-ttl") { Description = "Reuse a cached session only with at least this much left (default 5m)", HelpName = "DURATION" };
    public static readonly Option<bool> UseDeviceCode = new("--use-device-code") { Description = "IAM Identity Center: sign in with a code shown here, confirmed in any browser (automatic when no browser can be opened)" };
    public static readonly Option<bool> Debug = new("--debug") { Description = "Trace decisions and AWS calls on stderr (never secrets); stack traces on failure", Recursive = true };
    public static readonly Option<string?> Shell = new("--shell") { Description = "Output syntax: sh, bash, zsh, fish, pwsh or json (default: from $SHELL)" };

    // pose
    public static readonly Option<string?> SessionName = new("--session-name") { Description = "Role session name (default: derived from your user name)", HelpName = "NAME" };
    public static readonly Option<string?> ExternalId = new("--external-id") { Description = "External id the role's trust policy requires", HelpName = "ID" };
    public static readonly Option<string?> AccountsTtl = new("--accounts-ttl") { Description = "How long the cached account list stays fresh (default 24h)", HelpName = "DURATION" };

    static CommonOptions()
    {
        Shell.AcceptOnlyFromAmong(Shells.Names);
        Prompt.AcceptOnlyFromAmong(MfaPrompts.Names);
    }

    /// <summary>Commands that read a profile and call AWS with its keys, without making a session.</summary>
    public static IReadOnlyList<Option> Keys => [Profile, Region];

    /// <summary>Commands that make (or reuse) a session: the mode commands and everything built on them.</summary>
    public static IReadOnlyList<Option> Making => [Profile, Region, Duration, MfaToken, MfaProcess, Prompt, NoCache, MinTtl, UseDeviceCode];

    public static TCommand With<TCommand>(this TCommand command, IEnumerable<Option> options) where TCommand : Command
    {
        foreach (var option in options)
            command.Options.Add(option);
        return command;
    }

    /// <summary>Parsed options: every syntax check fails here, before any network call; ranges follow the mode (<see cref="ModeCommands"/>).</summary>
    public static SessionOptions Read(ParseResult r) => new()
    {
        Profile = r.GetValue(Profile),
        Region = r.GetValue(Region),
        MfaToken = r.GetValue(MfaToken) is { } t ? Validation.MfaCode(t) : null,
        MfaProcess = r.GetValue(MfaProcess),
        Prompt = r.GetValue(Prompt) is { } p ? MfaPrompts.Parse(p, "--prompt") : null,
        Duration = r.GetValue(Duration) is { } d ? Durations.Parse(d) : null,
        NoCache = r.GetValue(NoCache),
        MinTtl = r.GetValue(MinTtl) is { } m ? Durations.Parse(m, "--min-ttl") : TimeSpan.FromMinutes(5),
        AccountsTtl = r.GetResult(AccountsTtl) is not null && r.GetValue(AccountsTtl) is { } a ? Durations.Parse(a, "--accounts-ttl") : TimeSpan.FromHours(24),
        UseDeviceCode = r.GetValue(UseDeviceCode),
        Debug = r.GetValue(Debug),
    };
}
