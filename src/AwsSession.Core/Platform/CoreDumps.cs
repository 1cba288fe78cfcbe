using System.Runtime.InteropServices;

namespace AwsSession.Platform;

/// <summary>
/// A crash or a signal such as SIGABRT must not leave a core file holding long-lived keys, and no other process of
/// the user may read this one's memory (ptrace, /proc/PID/mem). Linux: PR_SET_DUMPABLE 0 and a zero soft RLIMIT_CORE,
/// set and read back in one prlimit call: two syscalls at start-up. macOS: the zero soft RLIMIT_CORE (no
/// PR_SET_DUMPABLE there). The hard limit is untouched, so the soft one can be given back to a child: execve makes
/// the child dumpable again, and a child's core file holds none of aws-session's memory.
/// </summary>
public static partial class CoreDumps
{
    private const int PrSetDumpable = 4;
    private const int LinuxRlimitCore = 4;
    private const int MacRlimitCore = 4;

    private static RLimit? _inherited;

    /// <summary>Call first thing in Main. Failures are ignored: an old kernel or libc must not stop the tool.</summary>
    public static void Disable()
    {
        try
        {
            if (OperatingSystem.IsLinux())
            {
                _ = PrCtl(PrSetDumpable, 0, 0, 0, 0);
                var zero = new RLimit(0, ulong.MaxValue);
                // Asking for hard = unlimited leaves the usual (unlimited) hard limit as it is and reads the old
                // limits in the same call; where the hard limit is lower this call fails and the fallback reads first.
                if (PrLimit(0, LinuxRlimitCore, in zero, out var old) == 0)
                    _inherited = old;
                else
                    SetSoftToZero(LinuxRlimitCore);
            }
            else if (OperatingSystem.IsMacOS())
            {
                SetSoftToZero(MacRlimitCore);
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not the libc we know: nothing to harden with.
        }
    }

    /// <summary>Runs <paramref name="start"/> (a fork + exec) with the core limit the user gave aws-session.</summary>
    public static T WithInheritedLimit<T>(Func<T> start)
    {
        if (_inherited is not { } inherited)
            return start();
        var resource = OperatingSystem.IsLinux() ? LinuxRlimitCore : MacRlimitCore;
        _ = SetRLimit(resource, in inherited);
        try
        {
            return start();
        }
        finally
        {
            var zero = inherited with { Current = 0 };
            _ = SetRLimit(resource, in zero);
        }
    }

    private static void SetSoftToZero(int resource)
    {
        if (GetRLimit(resource, out var old) != 0)
            return;
        var zero = old with { Current = 0 };
        if (SetRLimit(resource, in zero) == 0)
            _inherited = old;
    }

    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct RLimit(ulong Current, ulong Max);

    [LibraryImport("libc", EntryPoint = "prctl")]
    private static partial int PrCtl(int option, nuint arg2, nuint arg3, nuint arg4, nuint arg5);

    [LibraryImport("libc", EntryPoint = "prlimit")]
    private static partial int PrLimit(int pid, int resource, in RLimit limit, out RLimit old);

    [LibraryImport("libc", EntryPoint = "getrlimit")]
    private static partial int GetRLimit(int resource, out RLimit limit);

    [LibraryImport("libc", EntryPoint = "setrlimit")]
    private static partial int SetRLimit(int resource, in RLimit limit);
}
