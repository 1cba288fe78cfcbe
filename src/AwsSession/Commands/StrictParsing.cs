using System.CommandLine;
using System.CommandLine.Parsing;

namespace AwsSession.Cli.Commands;

/// <summary>
/// Makes the command tree strict, with validators on the tree itself (so every path that parses gets them): a word
/// that looks like an option is never taken as an ACCOUNT, ROLE or other argument, a value-taking option never
/// swallows another option as its value (`--profile --debug`), and every unknown word gets the closest known one
/// as a suggestion. System.CommandLine alone would assume a role named `--bogus`.
/// </summary>
public static class StrictParsing
{
    /// <summary>Options whose values never start with '-': one that does is an option typed where a value belongs.</summary>
    private static readonly HashSet<string> PlainValues = ["--profile", "--region", "--duration", "--mfa-token", "--min-ttl", "--shell", "--accounts-ttl"];

    public static void Apply(Command root)
    {
        foreach (var command in Walk(root))
        {
            command.Validators.Add(OnlyOptionsItTakes);
            // Arguments and options are shared static instances: validate each once, however many trees are built.
            foreach (var argument in command.Arguments.Where(Once))
                argument.Validators.Add(RefuseOptionLikeWords);
            foreach (var option in command.Options.Where(o => o.Arity.MaximumNumberOfValues > 0 && o.ValueType != typeof(bool)).Where(Once))
                option.Validators.Add(RefuseOptionsAsValues);
        }
    }

    private static readonly HashSet<Symbol> Strict = [];

    private static bool Once(Symbol symbol)
    {
        lock (Strict)
            return Strict.Add(symbol);
    }

    /// <summary>The one-line message for a parse that failed: ours first (they carry a suggestion), then the parser's.</summary>
    public static string Message(ParseResult parsed)
    {
        var ours = parsed.Errors.FirstOrDefault(e => e.SymbolResult is ArgumentResult or OptionResult);
        if (ours is not null)
            return ours.Message;
        if (parsed.UnmatchedTokens.FirstOrDefault() is { } word)
            return Unknown(word, parsed.CommandResult.Command);
        return parsed.Errors[0].Message;
    }

    public static bool LooksLikeOption(string word) => word.Length > 1 && word[0] == '-';

    /// <summary>"unknown command 'pos' (did you mean 'pose'?)", from the words valid where it was typed.</summary>
    public static string Unknown(string word, Command where)
    {
        var kind = LooksLikeOption(word) ? "option" : where.Subcommands.Count > 0 ? "command or argument" : "argument";
        var candidates = LooksLikeOption(word) ? OptionNames(where) : where.Subcommands.Where(c => !c.Hidden).Select(c => c.Name);
        var at = where is RootCommand ? "" : $" for {where.Name}";
        return Closest(word, candidates) is { } guess
            ? $"unknown {kind} '{word}'{at}; did you mean '{guess}'?"
            : $"unknown {kind} '{word}'{at}";
    }

    /// <summary>The candidate within a small edit distance (a typo), or null.</summary>
    public static string? Closest(string word, IEnumerable<string> candidates)
    {
        var limit = Math.Min(word.TrimStart('-').Length / 3, 2);
        return candidates.Select(c => (c, d: Distance(word, c))).Where(x => x.d <= limit).OrderBy(x => x.d).Select(x => x.c).FirstOrDefault();
    }

    private static void RefuseOptionLikeWords(ArgumentResult result)
    {
        foreach (var token in result.Tokens.Where(t => LooksLikeOption(t.Value)))
        {
            result.AddError(Unknown(token.Value, ((CommandResult)result.Parent!).Command));
            return;
        }
    }

    /// <summary>
    /// An option typed before a subcommand belongs to the parent (`aws-session -t 123456 devices`); the parser takes
    /// it there, so the command that runs must take it too, or it would be silently ignored.
    /// </summary>
    private static void OnlyOptionsItTakes(CommandResult result)
    {
        if (result.Children.OfType<CommandResult>().Any())
            return;
        var takes = OptionNames(result.Command);
        for (var parent = result.Parent as CommandResult; parent is not null; parent = parent.Parent as CommandResult)
        {
            foreach (var given in parent.Children.OfType<OptionResult>().Where(o => !o.Implicit && !takes.Contains(o.Option.Name)))
            {
                result.AddError($"{result.Command.Name} does not take {given.IdentifierToken?.Value ?? given.Option.Name}");
                return;
            }
        }
    }

    private static void RefuseOptionsAsValues(OptionResult result)
    {
        var command = ((CommandResult)result.Parent!).Command;
        foreach (var token in result.Tokens)
        {
            var known = OptionNames(command).Contains(token.Value);
            if (known || (PlainValues.Contains(result.Option.Name) && LooksLikeOption(token.Value)))
            {
                result.AddError($"{result.Option.Name} needs a value, and '{token.Value}' is {(known ? "an option" : "not one")}");
                return;
            }
        }
    }

    /// <summary>Every option name and alias valid at this command: its own and those its ancestors pass down.</summary>
    private static HashSet<string> OptionNames(Command command)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var first = true;
        for (var c = command; c is not null; c = c.Parents.OfType<Command>().FirstOrDefault())
        {
            foreach (var o in c.Options.Where(o => first || o.Recursive))
            {
                names.Add(o.Name);
                names.UnionWith(o.Aliases);
            }
            first = false;
        }
        return names;
    }

    private static IEnumerable<Command> Walk(Command c) => c.Subcommands.SelectMany(Walk).Prepend(c);

    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
            d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++)
            d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
