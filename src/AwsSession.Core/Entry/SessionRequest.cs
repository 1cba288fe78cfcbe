using AwsSession.Application;
using AwsSession.Config;

namespace AwsSession.Entry;

/// <summary>
/// What plain `aws-session`, `mfa`, `pose` and `exec` were asked for, however the command line was read (by the
/// parser's commands or by <see cref="HotPath"/>, in either executable). All run it here, so the readings cannot do
/// different things.
/// </summary>
/// <param name="Shell">--shell, for the exports.</param>
/// <param name="Command">exec's words after `--`, untouched; null when there was no `--` ($SHELL).</param>
public sealed record SessionRequest(Invocation Invocation, string? Shell = null, bool Exec = false, bool Server = false, IReadOnlyList<string>? Command = null)
{
    /// <param name="serve">`exec --server`, which the complete tool alone carries (a credential server and a waiting parent).</param>
    public Task<int> RunAsync(Func<bool, ToolContext> contexts, CancellationToken ct, ServeRun? serve = null) =>
        !Exec ? ExportsRun.RunAsync(contexts, Invocation, Shell, ct)
        : !Server ? ExecRun.RunAsync(contexts, Command, Invocation, ct)
        : serve is null ? throw new InvalidOperationException("exec --server needs a server run")
        : serve(contexts, Command, Invocation, ct);

    public bool Equals(SessionRequest? other) =>
        other is not null && Invocation == other.Invocation && Shell == other.Shell && Exec == other.Exec && Server == other.Server
        && (Command is null ? other.Command is null : other.Command is not null && Command.SequenceEqual(other.Command));

    public override int GetHashCode() => HashCode.Combine(Invocation, Shell, Exec, Server, Command?.Count);
}

/// <summary>`exec --server`: the command's words after `--` (null: $SHELL) run beside a credential server.</summary>
public delegate Task<int> ServeRun(Func<bool, ToolContext> contexts, IReadOnlyList<string>? command, Invocation invocation, CancellationToken ct);
