using System.CommandLine;
using System.CommandLine.Completions;
using System.Text.RegularExpressions;

namespace AwsSession.Cli.Completion;

/// <summary>One command position: "" for the top level, "/exec/pose" below; the words that may follow it there.</summary>
public sealed record CompletionNode(string Path, IReadOnlyList<string> Commands, IReadOnlyList<string> Words);

/// <summary>
/// What the shell scripts know, read from the command tree itself so they never drift from the parser:
/// the commands at each position, the options there, which options take a value, and the fixed values.
/// Profile and sso-session names are read from the config files at TAB time (<see cref="ShellProfiles"/>).
/// </summary>
public sealed partial record CompletionModel(
    IReadOnlyList<CompletionNode> Nodes,
    IReadOnlyList<string> ValueOptions,
    IReadOnlyList<string> ProfileOptions,
    IReadOnlyList<string> SsoSessionOptions,
    IReadOnlyDictionary<string, IReadOnlyList<string>> OptionValues)
{
    public static CompletionModel From(Command root)
    {
        var nodes = new List<CompletionNode>();
        var valueOptions = new SortedSet<string>(StringComparer.Ordinal);
        var optionValues = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        Walk(root, "", [], nodes, valueOptions, optionValues);
        return new CompletionModel(nodes, valueOptions.ToList(), [Commands.CommonOptions.Profile.Name], [Commands.SsoCommands.SsoSession.Name], optionValues);
    }

    private static void Walk(Command command, string path, IReadOnlyList<Option> inherited, List<CompletionNode> nodes,
        SortedSet<string> valueOptions, SortedDictionary<string, IReadOnlyList<string>> optionValues)
    {
        var options = inherited.Concat(command.Options.Where(o => !o.Hidden)).Distinct().ToList();
        var children = command.Subcommands.Where(c => !c.Hidden).ToList();
        var words = children.Select(c => c.Name)
            .Concat(command.Arguments.SelectMany(a => a.GetCompletions(CompletionContext.Empty)).Select(c => c.Label))
            .Concat(options.SelectMany(Names))
            .Distinct().ToList();
        nodes.Add(new CompletionNode(path, children.Select(c => c.Name).ToList(), words));

        foreach (var option in options.Where(o => o.ValueType != typeof(bool) && o.Arity.MaximumNumberOfValues > 0))
        {
            foreach (var name in Names(option))
                valueOptions.Add(name);
            var values = option.GetCompletions(CompletionContext.Empty).Select(c => c.Label).ToList();
            if (values.Count > 0)
                foreach (var name in Names(option))
                    optionValues[name] = values;
        }

        var passDown = inherited.Concat(command.Options.Where(o => o.Recursive && !o.Hidden)).Distinct().ToList();
        foreach (var child in children)
            Walk(child, path + "/" + child.Name, passDown, nodes, valueOptions, optionValues);
    }

    /// <summary>Long and short names only; "-?" and "/?" would be glob patterns in the scripts.</summary>
    private static IEnumerable<string> Names(Option o) => new[] { o.Name }.Concat(o.Aliases).Where(n => OptionName().IsMatch(n));

    [GeneratedRegex(@"^--?[A-Za-z0-9][A-Za-z0-9-]*\z")]
    private static partial Regex OptionName();
}
