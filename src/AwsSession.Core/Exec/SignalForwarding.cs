using System.Runtime.InteropServices;
using AwsSession.Platform;

namespace AwsSession.Exec;

/// <summary>
/// While the child runs, aws-session survives SIGTERM, SIGHUP, SIGINT and SIGQUIT and passes them on, then returns
/// the child's status: it never exits first and leaves the child behind. Registered before the child starts, so a
/// signal that arrives during the start is held and delivered once the pid is known.
/// SIGINT and SIGQUIT typed at the terminal (^C, ^\) already reach the child, which shares our foreground process
/// group; forwarding them too would deliver them twice (a second ^C makes terraform abort hard). So they are
/// forwarded only when we are not the terminal's foreground group. The one case this misses: `kill -INT` sent
/// to aws-session alone while it is the foreground job; use SIGTERM, or signal the process group.
/// The other signals whose default action would kill aws-session (and orphan the child) are handled too: SIGUSR1,
/// SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGIO, SIGPWR and SIGSTKFLT are forwarded like SIGTERM; SIGXCPU and SIGXFSZ,
/// which the kernel sends about aws-session's own resource limits, are ignored. SIGPIPE is already ignored by the
/// runtime; the fault signals (SIGSEGV, ...) and SIGKILL cannot be handled.
/// </summary>
public sealed class SignalForwarding : IDisposable
{
    private static readonly PosixSignal[] Forwarded =
        [PosixSignal.SIGTERM, PosixSignal.SIGHUP, PosixSignal.SIGINT, PosixSignal.SIGQUIT, .. Native.OtherFatalSignals.Select(n => (PosixSignal)n)];

    private static readonly PosixSignal[] Ignored = [.. Native.ResourceLimitSignals.Select(n => (PosixSignal)n)];
    private readonly List<PosixSignalRegistration> _registrations = [];
    private readonly Lock _gate = new();
    private int _pid;
    private int _pending;

    public SignalForwarding()
    {
        if (OperatingSystem.IsWindows())
            return;
        foreach (var signal in Forwarded)
            _registrations.Add(PosixSignalRegistration.Create(signal, OnSignal));
        foreach (var signal in Ignored)
            _registrations.Add(PosixSignalRegistration.Create(signal, ctx => ctx.Cancel = true));
    }

    /// <summary>The child has started: from now on signals go to it, starting with any that came meanwhile.</summary>
    public void Attach(int pid)
    {
        int pending;
        lock (_gate)
        {
            _pid = pid;
            pending = _pending;
        }
        if (pending != 0)
            Native.Kill(pid, pending);
    }

    public void Dispose()
    {
        foreach (var r in _registrations)
            r.Dispose();
    }

    private void OnSignal(PosixSignalContext ctx)
    {
        ctx.Cancel = true;
        if (ctx.Signal is PosixSignal.SIGINT or PosixSignal.SIGQUIT && InTerminalForeground())
            return;
        var number = Native.Number(ctx.Signal);
        int pid;
        lock (_gate)
        {
            pid = _pid;
            if (pid == 0)
                _pending = number;
        }
        if (pid != 0)
            Native.Kill(pid, number);
    }

    /// <summary>True when our process group owns the controlling terminal, i.e. a ^C from it reached the child too.</summary>
    private static bool InTerminalForeground()
    {
        var group = Native.GetPgrp();
        for (var fd = 0; fd <= 2; fd++)
        {
            var foreground = Native.TcGetPgrp(fd);
            if (foreground > 0)
                return foreground == group;
        }
        return false;
    }
}
