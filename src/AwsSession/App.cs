using System.CommandLine;
using AwsSession.Application;
using AwsSession.Cli.Commands;
using AwsSession.Domain;
using AwsSession.Entry;
using AwsSession.Output;
using AwsSession.Platform;

namespace AwsSession.Cli;

/// <summary>
/// The complete tool's entry point: read the command line (the hot lines without the parser), run, and leave expected
/// failures to <see cref="TopLevel"/>, which words them the same way for both executables.
/// </summary>
public static class App
{
    public static async Task<int> RunAsync(string[] args, Func<bool, ToolContext> contextFactory)
    {
        // Before anything writes: a closed stderr must never abort the tool, a closed or full stdout is one clear failure.
        // The descriptors themselves, not System.Console, which would set the terminal up on every run.
        Console.SetError(GuardedWriter.Quiet(OperatingSystem.IsWindows() ? Console.Error : DescriptorWriter.Stderr));
        Console.SetOut(GuardedWriter.Failing(OperatingSystem.IsWindows() ? Console.Out : DescriptorWriter.Stdout, "stdout"));

        // The one answer that needs nothing else. Anything more (`--version extra`) goes to the parser and its errors.
        if (args is ["--version"])
        {
            Console.Out.WriteLine(BuildInfo.Version);
            return ExitCodes.Success;
        }

        // Everything after the first `--` is exec's command, never parsed: left to System.CommandLine, those words
        // would first fill exec's optional ACCOUNT and ROLE arguments (`exec pose prod -- sh -c x` assumed role "sh").
        var split = Array.IndexOf(args, "--");
        var options = split < 0 ? args : args[..split];
        var command = split < 0 ? null : args[(split + 1)..];
        if (HotPath.TryRead(options, command) is { } request)
            return await TopLevel.RunAsync(() => request.RunAsync(contextFactory, CancellationToken.None, ExecCommand.ServeAsync), debug: false);

        var root = RootCommandFactory.Create(contextFactory, command);
        var parsed = root.Parse(options);
        var debug = parsed.Errors.Count == 0 && parsed.GetValue(CommonOptions.Debug);
        var error = parsed.Errors.Count > 0 ? OneLine(StrictParsing.Message(parsed))
            : command is not null && !ExecCommand.IsExec(parsed) ? "-- and a command are only for exec"
            : root.Options.OfType<VersionOption>().Any(v => parsed.GetResult(v) is not null) && parsed.Tokens.Count > 1 ? "--version takes nothing else"
            : null;
        if (error is not null)
        {
            Console.Error.WriteLine($"aws-session: {error} (see aws-session --help)");
            return ExitCodes.Usage;
        }

        if (parsed.Action is System.CommandLine.Help.HelpAction)
        {
            var help = new StringWriter();
            var code = await parsed.InvokeAsync(new InvocationConfiguration { Output = help });
            Console.Out.Write(HelpUsage.Rewrite(help.ToString(), parsed.CommandResult.Command));
            return code;
        }

        return await TopLevel.RunAsync(() => parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null }), debug);
    }

    // System.CommandLine lists allowed values on separate lines; the rule is one stderr line per failure.
    private static string OneLine(string message) =>
        string.Join(' ', message.Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
