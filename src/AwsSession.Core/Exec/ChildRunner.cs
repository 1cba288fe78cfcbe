using System.Diagnostics;
using AwsSession.Domain;
using AwsSession.Platform;

namespace AwsSession.Exec;

/// <summary>
/// `exec --server` (and every exec on Windows), where aws-session must stay to serve credentials: runs the child as if started directly: it inherits our stdin, stdout and stderr (no redirection, unlike
/// CliWrap, whose streams are always piped: its issue #199) and our process group, so the terminal treats it as
/// the foreground job. Its exit code comes back unchanged; for a child killed by signal N, .NET's ExitCode is
/// already 128+N (System.Native maps WIFSIGNALED that way), which is what a shell reports too.
/// Not covered: if aws-session itself is killed with SIGKILL, the child lives on (re-parented), because .NET
/// offers no hook between fork and exec to set PR_SET_PDEATHSIG.
/// </summary>
public sealed class ChildRunner
{
    private const int ENOEXEC = 8;

    /// <param name="command">Already resolved (<see cref="ChildCommand.Resolve"/>): the caller does it before any prompt.</param>
    public int Run(ChildCommand command, IReadOnlyDictionary<string, string> environment)
    {
        using var signals = new SignalForwarding();
        using var child = Start(command.FileName, command.Arguments, environment);
        signals.Attach(child.Id);
        child.WaitForExit();
        return child.ExitCode;
    }

    private static Process Start(string file, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(file) { UseShellExecute = false };
        foreach (var a in arguments)
            start.ArgumentList.Add(a);
        start.Environment.Clear();
        foreach (var (k, v) in environment)
            start.Environment[k] = v;
        try
        {
            return Native.WithDefaultSigPipe(() => CoreDumps.WithInheritedLimit(() => Process.Start(start)))
                ?? throw new AwsSessionException($"could not start {file}", ExitCodes.NotExecutable);
        }
        catch (System.ComponentModel.Win32Exception e) when (e.NativeErrorCode == ENOEXEC && !OperatingSystem.IsWindows())
        {
            // No #!: a shell script, run by /bin/sh as execvp and every shell do.
            return Start("/bin/sh", [file, .. arguments], environment);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            // Resolved and executable, yet exec failed: e.g. a bad interpreter.
            throw new AwsSessionException($"cannot execute {file}: {e.Message}", ExitCodes.NotExecutable);
        }
    }
}
