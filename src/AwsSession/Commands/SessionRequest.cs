using AwsSession.Application;
using AwsSession.Config;

namespace AwsSession.Cli.Commands;

/// <summary>
/// What plain `aws-session`, `mfa`, `pose` and `exec` were asked for, however the command line was read (by the
/// parser's commands or by <see cref="HotPath"/>). Both run it here, so the two readings cannot do different things.
/// </summary>
/// <param name="Shell">--shell, for the exports.</param>
/// <param name="Command">exec's words after `--`, untouched; null when there was no `--` ($SHELL).</param>
public sealed record SessionRequest(Invocation Invocation, string? Shell = null, bool Exec = false, bool Server = false, IReadOnlyList<string>? Command = null)
{
    public Task<int> RunAsync(Func<bool, ToolContext> contexts, CancellationToken ct) => Exec
        ? ExecCommand.RunAsync(contexts, Command, Invocation, Server, ct)
        : ExportsCommand.RunAsync(contexts, Invocation, Shell, ct);

    public bool Equals(SessionRequest? other) =>
        other is not null && Invocation == other.Invocation && Shell == other.Shell && Exec == other.Exec && Server == other.Server
        && (Command is null ? other.Command is null : other.Command is not null && Command.SequenceEqual(other.Command));

    public override int GetHashCode() => HashCode.Combine(Invocation, Shell, Exec, Server, Command?.Count);
}
