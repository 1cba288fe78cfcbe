using System.Runtime.InteropServices;

namespace AwsSession.Platform;

/// <summary>The few libc calls .NET has no API for (see also <see cref="UnixFiles"/>). Signal numbers 1, 2, 3, 13 and 15 are the same on Linux and macOS.</summary>
internal static partial class Native
{
    public const int SigPipe = 13;
    public const int XOk = 1;
    public const int FOk = 0;
    private static readonly nint SigDfl = 0;
    private static readonly nint SigIgn = 1;

    /// <summary>The kernel's number: PosixSignal names the portable four; any other value is already a raw number.</summary>
    public static int Number(PosixSignal s) => s switch
    {
        PosixSignal.SIGHUP => 1,
        PosixSignal.SIGINT => 2,
        PosixSignal.SIGQUIT => 3,
        PosixSignal.SIGTERM => 15,
        _ => (int)s,
    };

    /// <summary>
    /// Besides SIGHUP/SIGINT/SIGQUIT/SIGTERM, the signals whose default action ends a process and that someone may
    /// send on purpose: SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, and on Linux SIGIO, SIGPWR and SIGSTKFLT.
    /// </summary>
    public static int[] OtherFatalSignals => OperatingSystem.IsMacOS() ? [30, 31, 14, 26, 27] : [10, 12, 14, 26, 27, 29, 30, 16];

    /// <summary>SIGXCPU and SIGXFSZ: sent by the kernel about this process's own limits (same numbers on Linux and macOS).</summary>
    public static int[] ResourceLimitSignals => [24, 25];

    /// <summary>
    /// The runtime ignores SIGPIPE, and an ignored signal stays ignored across fork and exec: the child would see
    /// EPIPE instead of dying quietly (`yes | head -1` prints "Broken pipe"). Default it for the fork only.
    /// </summary>
    public static T WithDefaultSigPipe<T>(Func<T> start)
    {
        if (OperatingSystem.IsWindows())
            return start();
        var previous = Signal(SigPipe, SigDfl);
        try
        {
            return start();
        }
        finally
        {
            Signal(SigPipe, previous == -1 ? SigIgn : previous);
        }
    }

    public const short PollIn = 1;
    public const short PollOut = 4;

    /// <summary>poll(2) on one descriptor: above 0 ready, 0 timed out (-1 waits for ever), -1 failed (errno in the
    /// last P/Invoke error). The struct and the constants are the same on Linux and macOS.</summary>
    public static unsafe int Poll(int fd, short events, int timeoutMs)
    {
        var poll = new PollFd { Fd = fd, Events = events };
        return PollNative(&poll, 1, timeoutMs);
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    private static unsafe partial int PollNative(PollFd* fds, nuint count, int timeout);

    [LibraryImport("libc", EntryPoint = "kill")]
    public static partial int Kill(int pid, int signal);

    /// <summary>Whether a process with this id exists (EPERM: it does, as another user's). Unknown elsewhere: assumed alive.</summary>
    public static bool IsAlive(int pid)
    {
        if (OperatingSystem.IsWindows())
            return true;
        return KillChecked(pid, 0) == 0 || Marshal.GetLastPInvokeError() != RegularFiles.Errno.Srch;
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int KillChecked(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "tcgetpgrp")]
    public static partial int TcGetPgrp(int fd);

    [LibraryImport("libc", EntryPoint = "getpgrp")]
    public static partial int GetPgrp();

    [LibraryImport("libc", EntryPoint = "access", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Access(string path, int mode);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    public static partial uint GetEUid();

    [LibraryImport("libc", EntryPoint = "signal")]
    private static partial nint Signal(int signal, nint handler);
}
