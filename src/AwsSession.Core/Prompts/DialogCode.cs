using AwsSession.Config;
using AwsSession.Domain;
using AwsSession.Platform;
using CliWrap;

namespace AwsSession.Prompts;

/// <summary>
/// A dialog on the display asks for the code (zenity, kdialog, osascript), for runs with no terminal: an IDE's SDK
/// calling credential_process, a desktop launcher. The program gets an argv, never a shell string, and
/// <see cref="BoundedProcess"/>'s bounds. A malformed or empty answer opens the dialog again saying why; Cancel
/// (exit 1) is the person cancelling: <see cref="OperationCanceledException"/>, exit 130.
/// </summary>
public abstract class DialogCode(EnvironmentVariables env) : IMfaCodeSource
{
    public const string Title = "aws-session";

    public bool CanRetry => true;

    /// <summary>The program's name, as --prompt names it and as it is found on PATH.</summary>
    protected abstract string Program { get; }

    /// <summary>The argv that shows <paramref name="text"/> (plain text, possibly two lines) and prints the answer on stdout.</summary>
    protected abstract IReadOnlyList<string> Arguments(string text);

    protected virtual bool Cancelled(BoundedResult result) => result.ExitCode == 1;

    public async ValueTask<string> GetCodeAsync(MfaDevice device, int attempt, CancellationToken ct)
    {
        var path = Installed(Program, env);
        string? why = attempt > 1 ? $"AWS refused the last code; try {attempt}" : null;
        while (true)
        {
            var text = $"MFA code for {device.SerialNumber}" + (why is null ? "" : $"\n{why}");
            var result = await BoundedProcess.RunAsync(Cli.Wrap(path).WithArguments(Arguments(text)).WithWorkingDirectory(env.Home), Program, env, ct);
            if (Cancelled(result))
                throw new OperationCanceledException($"the {Program} prompt was cancelled");
            if (result.ExitCode != 0)
                throw new AwsSessionException($"{Program} exited with code {result.ExitCode}", hint: result.StderrReason);
            var code = result.Stdout.Trim();
            if (MfaCodes.IsCode(code))
                return code;
            why = code.Length == 0 ? "type the 6-digit code your MFA device shows" : MfaCodes.Malformed;
        }
    }

    /// <summary>The program's path on PATH, or one line saying it is missing.</summary>
    public static string Installed(string program, EnvironmentVariables env)
    {
        try
        {
            return CommandPath.Resolve(program, env.Get("PATH"));
        }
        catch (AwsSessionException)
        {
            throw new AwsSessionException($"the MFA prompt {program} is not installed (not found on PATH)",
                hint: $"install {program}, or choose another prompt with --prompt, {MfaPrompts.Variable} or mfa_prompt");
        }
    }

    public static bool OnPath(string program, EnvironmentVariables env)
    {
        try
        {
            CommandPath.Resolve(program, env.Get("PATH"));
            return true;
        }
        catch (AwsSessionException)
        {
            return false;
        }
    }
}

/// <summary>GNOME's dialogs (Linux): `zenity --entry`. Its --text is Pango markup, so the text is escaped.</summary>
public sealed class ZenityCode(EnvironmentVariables env) : DialogCode(env)
{
    protected override string Program => "zenity";

    protected override IReadOnlyList<string> Arguments(string text) =>
        ["--entry", "--title=" + Title, "--text=" + text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;")];
}

/// <summary>KDE's dialogs (Linux): `kdialog --inputbox`.</summary>
public sealed class KdialogCode(EnvironmentVariables env) : DialogCode(env)
{
    protected override string Program => "kdialog";

    protected override IReadOnlyList<string> Arguments(string text) => ["--title", Title, "--inputbox", text];
}

/// <summary>
/// macOS: AppleScript's `display dialog` through osascript; the script's result (the text typed) is printed on stdout.
/// Cancel is an AppleScript error, exit 1 with "(-128)" on stderr; any other exit 1 is a failure.
/// </summary>
public sealed class OsascriptCode(EnvironmentVariables env) : DialogCode(env)
{
    protected override string Program => "osascript";

    protected override IReadOnlyList<string> Arguments(string text) =>
    [
        "-e", $"display dialog {Quote(text)} default answer \"\" with title {Quote(Title)} buttons {{\"Cancel\", \"OK\"}} default button \"OK\" cancel button \"Cancel\"",
        "-e", "text returned of result",
    ];

    protected override bool Cancelled(BoundedResult result) => result.ExitCode == 1 && result.Stderr.Contains("(-128)", StringComparison.Ordinal);

    /// <summary>An AppleScript string literal: backslashes and quotes escaped.</summary>
    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
