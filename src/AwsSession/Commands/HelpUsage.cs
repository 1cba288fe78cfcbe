using System.CommandLine;
using System.Text.RegularExpressions;

namespace AwsSession.Cli.Commands;

/// <summary>
/// Usage lines written by hand where System.CommandLine's would mislead: it puts exec's COMMAND before the mode and
/// knows nothing of `--`, which is the one word exec cannot do without. Its help layout is not public, so the help
/// text is rewritten after it is made.
/// </summary>
public static partial class HelpUsage
{
    private static readonly Dictionary<Command, string> Lines = [];

    public static TCommand Usage<TCommand>(this TCommand command, string line) where TCommand : Command
    {
        lock (Lines)
            Lines[command] = line;
        return command;
    }

    /// <summary>The help text with the command's own usage line in place of the generated one.</summary>
    public static string Rewrite(string help, Command command)
    {
        string? line;
        lock (Lines)
            Lines.TryGetValue(command, out line);
        return line is null ? help : UsageBlock().Replace(help, $"Usage:\n  {line}\n", 1);
    }

    [GeneratedRegex(@"Usage:\r?\n  [^\n]*\n")]
    private static partial Regex UsageBlock();
}
