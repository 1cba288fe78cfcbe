using System.Runtime.InteropServices;
using AwsSession.Domain;
using AwsSession.Platform;

namespace AwsSession.Exec;

/// <summary>
/// Plain `exec`: aws-session becomes the command (execve), as aws-vault's exec and a shell's `exec` do. The command
/// keeps our pid, so signals, job control and the exit status are the kernel's own, and nothing is left waiting
/// (or orphaned by a SIGKILL). What the runtime changed is put back first (<see cref="InheritedState"/>).
/// </summary>
public static unsafe partial class ProcessImage
{
    private const int ENOENT = 2;
    private const int ENOEXEC = 8;
    private const int EACCES = 13;
    private const int ENOTDIR = 20;
    private static readonly int ELOOP = OperatingSystem.IsMacOS() ? 62 : 40;
    private const string Shell = "/bin/sh";

    public static bool Supported => InheritedState.Supported;

    /// <summary>Never returns on success; otherwise throws the 126/127 failure a shell would report.</summary>
    /// <param name="command">Resolved (<see cref="ChildCommand.Resolve"/>); its typed name becomes argv[0].</param>
    /// <param name="change">
    /// Made to this process's own environment, which the command then inherits (execv): the whole of it is never read
    /// into managed strings, which cost a cached exec more than the rest of this method. aws-session never changes
    /// its environment otherwise, and a failed exec ends the process.
    /// </param>
    /// <param name="flushOutput">Writes out what this process holds for stdout and stderr: its buffers end with it.</param>
    public static void Replace(ChildCommand command, EnvironmentChange change, Action flushOutput)
    {
        flushOutput();
        InheritedState.RestoreForExec();
        // On the hit path: indexed, not an interface's enumerator (docs/architecture.md, the front).
        for (var i = 0; i < change.Removed.Count; i++)
            UnsetEnv(change.Removed[i]);
        for (var i = 0; i < change.Set.Count; i++)
        {
            var (name, value) = change.Set[i];
            if (SetEnv(name, value, 1) != 0)
                throw new AwsSessionException($"cannot set {name} for {command.Argv0}: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}", ExitCodes.NotExecutable);
        }
        var arguments = new string[command.Arguments.Count];
        for (var i = 0; i < arguments.Length; i++)
            arguments[i] = command.Arguments[i];
        var errno = CoreDumps.WithInheritedLimit(() =>
        {
            var e = Execv(command.FileName, [command.Argv0, .. arguments]);
            // A file the kernel cannot run directly (no #!) is a shell script, as execvp and every shell decide.
            return e == ENOEXEC ? Execv(Shell, [Shell, command.FileName, .. arguments]) : e;
        });
        throw errno == ENOENT || errno == ENOTDIR || errno == ELOOP
            ? new AwsSessionException($"command not found: {command.Argv0}", ExitCodes.CommandNotFound)
            : new AwsSessionException($"cannot execute {command.FileName}: {(errno == EACCES ? "permission denied" : Marshal.GetPInvokeErrorMessage(errno))}", ExitCodes.NotExecutable);
    }

    /// <returns>errno: execv returns only when it failed.</returns>
    private static int Execv(string path, string[] argv)
    {
        var strings = new List<nint>(argv.Length + 1);
        try
        {
            var file = Marshal.StringToCoTaskMemUTF8(path);
            strings.Add(file);
            var args = new nint[argv.Length + 1];
            for (var i = 0; i < argv.Length; i++)
                strings.Add(args[i] = Marshal.StringToCoTaskMemUTF8(argv[i]));
            fixed (nint* a = args)
                ExecvNative((byte*)file, a);
            return Marshal.GetLastPInvokeError();
        }
        finally
        {
            foreach (var s in strings)
                Marshal.FreeCoTaskMem(s);
        }
    }

    [LibraryImport("libc", EntryPoint = "execv", SetLastError = true)]
    private static partial int ExecvNative(byte* path, nint* argv);

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int SetEnv(string name, string value, int overwrite);

    [LibraryImport("libc", EntryPoint = "unsetenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int UnsetEnv(string name);
}
