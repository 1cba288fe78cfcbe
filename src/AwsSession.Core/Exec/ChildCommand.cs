using AwsSession.Platform;

namespace AwsSession.Exec;

/// <summary>The command to run: everything after `--`, untouched; $SHELL (else /bin/sh) when empty.</summary>
public sealed record ChildCommand(string FileName, IReadOnlyList<string> Arguments)
{
    /// <summary>The word as typed, which the command sees as argv[0] (`sh -c 'echo $0'` prints sh), as a shell passes it.</summary>
    public string Argv0 { get; init; } = FileName;

    public static ChildCommand From(IReadOnlyList<string> argv, string? shell)
    {
        if (argv.Count == 0)
            return new ChildCommand(string.IsNullOrEmpty(shell) ? "/bin/sh" : shell, []);
        // On the hit path: no LINQ (docs/architecture.md, the front).
        var arguments = new string[argv.Count - 1];
        for (var i = 1; i < argv.Count; i++)
            arguments[i - 1] = argv[i];
        return new ChildCommand(argv[0], arguments);
    }

    /// <summary>The same command with FileName made absolute as a shell would find it (127/126 otherwise); Argv0 stays as typed.</summary>
    public ChildCommand Resolve(string? path) => this with { FileName = CommandPath.Resolve(FileName, path) };
}
