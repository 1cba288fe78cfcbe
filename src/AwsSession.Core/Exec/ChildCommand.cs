namespace AwsSession.Exec;

/// <summary>The command to run: everything after `--`, untouched; $SHELL (else /bin/sh) when empty.</summary>
public sealed record ChildCommand(string FileName, IReadOnlyList<string> Arguments)
{
    public static ChildCommand From(IReadOnlyList<string> argv, string? shell) =>
        argv.Count == 0
            ? new ChildCommand(string.IsNullOrEmpty(shell) ? "/bin/sh" : shell, [])
            : new ChildCommand(argv[0], argv.Skip(1).ToList());

    /// <summary>The same command with FileName made absolute as a shell would find it (127/126 otherwise).</summary>
    public ChildCommand Resolve(string? path) => this with { FileName = CommandPath.Resolve(FileName, path) };
}
