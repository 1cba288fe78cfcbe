using System.Runtime.InteropServices;

namespace AwsSession.Platform;

/// <summary>
/// What the process inherited that the .NET runtime changes and execve would pass on: the signal mask, which
/// signals were ignored (the runtime ignores SIGPIPE and catches others), the open descriptors (the runtime's own
/// must not leak into the command) and the terminal's settings. SIGPIPE is the exception: it is always default.
/// Captured first thing in the complete tool's Main (the front changes none of it), restored just before execve, so
/// the command starts with what aws-session itself was given, as if the shell had started it.
/// </summary>
public static unsafe partial class InheritedState
{
    private const int SigSetBytes = 128;
    private const int SigKill = 9;
    private const int SigPipe = 13;
    private const int SigStop = 19;
    private const int FdCloExec = 1;
    private const nint SigDfl = 0;
    private const nint SigIgn = 1;
    private static readonly int SignalCount = OperatingSystem.IsMacOS() ? 32 : 65;

    private static byte[]? s_mask;
    private static bool[]? s_ignored;
    private static HashSet<int>? s_descriptors;
    private static byte[]? s_termios;

    public static bool Supported => OperatingSystem.IsLinux() || OperatingSystem.IsMacOS();

    /// <summary>Call before anything touches signals, descriptors or the console. Cheap: a few dozen syscalls.</summary>
    public static void Capture()
    {
        if (!Supported || s_mask is not null)
            return;
        var mask = new byte[SigSetBytes];
        fixed (byte* m = mask)
            SigProcMask(0, null, m);
        var ignored = new bool[SignalCount];
        var action = stackalloc byte[256];
        for (var sig = 1; sig < SignalCount; sig++)
            ignored[sig] = SigAction(sig, null, action) == 0 && *(nint*)action == SigIgn;
        // The runtime ignores SIGPIPE before Main, so its original state is lost: default, as a shell leaves it
        // (and as .NET's Process.Start and Python's subprocess do), so `yes | head -1` ends quietly.
        ignored[SigPipe] = false;
        s_descriptors = OpenDescriptors();
        s_termios = Termios();
        s_ignored = ignored;
        s_mask = mask;
    }

    /// <summary>
    /// Puts back what <see cref="Capture"/> saw: signals the runtime ignores (SIGPIPE) go back to default, signals
    /// ignored when we started stay ignored (nohup's SIGHUP, a background job's SIGINT) even where the runtime
    /// caught them, the mask is restored, and every descriptor opened since then is marked close-on-exec.
    /// </summary>
    public static void RestoreForExec()
    {
        if (!Supported)
            return;
        if (s_mask is null || s_ignored is null)
        {
            // Not captured (the front, which changes nothing else): undo the one change the runtime always makes.
            Signal(SigPipe, SigDfl);
            return;
        }
        // Caught signals need nothing (execve defaults them), and the runtime's own (GC suspension) must stay caught
        // until then: only the ignored/not-ignored state is put back.
        var action = stackalloc byte[256];
        for (var sig = 1; sig < SignalCount; sig++)
        {
            if (sig is SigKill || sig == (OperatingSystem.IsMacOS() ? 17 : SigStop) || SigAction(sig, null, action) != 0)
                continue;
            var ignoredNow = *(nint*)action == SigIgn;
            if (ignoredNow != s_ignored[sig])
                Signal(sig, s_ignored[sig] ? SigIgn : SigDfl);
        }
        foreach (var fd in OpenDescriptors())
        {
            if (fd > 2 && !s_descriptors!.Contains(fd))
                FcntlSetFd(fd, FdCloExec);
        }
        // Only when something changed it: tcsetattr from a background job would stop us with SIGTTOU.
        if (s_termios is not null && !s_termios.AsSpan().SequenceEqual(Termios() ?? []))
        {
            fixed (byte* t = s_termios)
                TcSetAttr(0, 0, t);
        }
        fixed (byte* m = s_mask)
            SigProcMask(2, m, null);
    }

    private static byte[]? Termios()
    {
        if (IsATty(0) != 1)
            return null;
        var termios = new byte[256];
        fixed (byte* t = termios)
            return TcGetAttr(0, t) == 0 ? termios : null;
    }

    /// <summary>Read with opendir/readdir: Directory.Enumerate's machinery cost more than the rest of Capture.</summary>
    private static HashSet<int> OpenDescriptors()
    {
        var list = new HashSet<int>();
        var dir = OpenDir(OperatingSystem.IsMacOS() ? "/dev/fd" : "/proc/self/fd");
        if (dir == 0)
            return list;
        // d_name's offset in struct dirent: after ino, off, reclen, type (Linux); ino, seekoff, reclen, namlen, type (macOS).
        var nameOffset = OperatingSystem.IsMacOS() ? 21 : 19;
        byte* entry;
        while ((entry = ReadDir(dir)) != null)
        {
            var name = new ReadOnlySpan<byte>(entry + nameOffset, 16);
            name = name[..Math.Max(0, name.IndexOf((byte)0))];
            if (int.TryParse(name, out var fd))
                list.Add(fd);
        }
        CloseDir(dir);
        // The listing's own descriptor is in it but closed by now: keep only those still open.
        list.RemoveWhere(fd => FcntlGetFd(fd) == -1);
        return list;
    }

    [LibraryImport("libc", EntryPoint = "opendir", StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint OpenDir(string path);

    [LibraryImport("libc", EntryPoint = "readdir")]
    private static partial byte* ReadDir(nint dir);

    [LibraryImport("libc", EntryPoint = "closedir")]
    private static partial int CloseDir(nint dir);

    [LibraryImport("libc", EntryPoint = "sigprocmask")]
    private static partial int SigProcMask(int how, byte* set, byte* old);

    [LibraryImport("libc", EntryPoint = "sigaction")]
    private static partial int SigAction(int sig, byte* act, byte* old);

    [LibraryImport("libc", EntryPoint = "signal")]
    private static partial nint Signal(int sig, nint handler);

    // fcntl is variadic (its third argument is on the stack on Apple arm64): the runtime's own shims call it right.
    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_FcntlSetFD")]
    private static partial int FcntlSetFd(nint fd, int flags);

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_FcntlGetFD")]
    private static partial int FcntlGetFd(nint fd);

    [LibraryImport("libc", EntryPoint = "isatty")]
    private static partial int IsATty(int fd);

    [LibraryImport("libc", EntryPoint = "tcgetattr")]
    private static partial int TcGetAttr(int fd, byte* termios);

    [LibraryImport("libc", EntryPoint = "tcsetattr")]
    private static partial int TcSetAttr(int fd, int when, byte* termios);
}
