using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.InteropServices;
using AwsSession.Domain;

namespace AwsSession.Exec;

/// <summary>
/// Runs the child as if started directly: it inherits our stdin, stdout and stderr (no redirection, unlike
/// CliWrap, whose streams are always piped: its issue #199), gets its exit status back (128+N for signal N),
/// and receives the signals sent to us. Ctrl-C from the terminal already reaches the child through the
/// foreground process group, so we only survive it; a SIGINT sent to us alone is forwarded.
/// </summary>
public sealed class ChildRunner
{
    public int Run(ChildCommand command, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(command.FileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = false,
            RedirectStandardOutput = false,
            RedirectStandardError = false,
        };
        foreach (var a in command.Arguments)
            start.ArgumentList.Add(a);
        start.Environment.Clear();
        foreach (var (k, v) in environment)
            start.Environment[k] = v;

        Process child;
        try
        {
            child = Process.Start(start) ?? throw new AwsSessionException($"could not start {command.FileName}");
        }
        catch (Win32Exception e) when (e.NativeErrorCode is 2 or 20)
        {
            throw new AwsSessionException($"command not found: {command.FileName}", ExitCodes.CommandNotFound);
        }
        catch (Win32Exception e) when (e.NativeErrorCode is 13 or 8)
        {
            throw new AwsSessionException($"permission denied: {command.FileName} is not executable", ExitCodes.NotExecutable);
        }

        using (child)
        using (SignalForwarding.Start(child.Id))
        {
            child.WaitForExit();
            return child.ExitCode;
        }
    }
}

/// <summary>Forwards SIGTERM, SIGHUP, SIGQUIT and (when not from the terminal) SIGINT to the child while it runs.</summary>
internal sealed partial class SignalForwarding : IDisposable
{
    private readonly List<PosixSignalRegistration> _registrations = [];

    private SignalForwarding(int pid)
    {
        if (OperatingSystem.IsWindows())
            return;
        foreach (var signal in new[] { PosixSignal.SIGTERM, PosixSignal.SIGHUP, PosixSignal.SIGQUIT, PosixSignal.SIGINT })
        {
            _registrations.Add(PosixSignalRegistration.Create(signal, ctx =>
            {
                // We stay alive until the child exits, then pass on its status: never an orphan.
                ctx.Cancel = true;
                if (ctx.Signal == PosixSignal.SIGINT && FromTerminal())
                    return;
                Kill(pid, NativeNumber(ctx.Signal));
            }));
        }
    }

    public static SignalForwarding Start(int pid) => new(pid);

    public void Dispose()
    {
        foreach (var r in _registrations)
            r.Dispose();
    }

    /// <summary>When we are in the terminal's foreground group, the kernel sent ^C to the whole group, child included.</summary>
    private static bool FromTerminal()
    {
        var fg = TcGetPgrp(0);
        return fg > 0 && fg == GetPgrp();
    }

    private static int NativeNumber(PosixSignal s) => s switch
    {
        PosixSignal.SIGHUP => 1,
        PosixSignal.SIGINT => 2,
        PosixSignal.SIGQUIT => 3,
        PosixSignal.SIGTERM => 15,
        _ => 15,
    };

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int Kill(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "tcgetpgrp")]
    private static partial int TcGetPgrp(int fd);

    [LibraryImport("libc", EntryPoint = "getpgrp")]
    private static partial int GetPgrp();
}
