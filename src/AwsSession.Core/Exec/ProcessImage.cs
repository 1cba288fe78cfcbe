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
    public static void Replace(ChildCommand command, IReadOnlyDictionary<string, string> environment)
    {
        var envp = environment.Select(kv => kv.Key + "=" + kv.Value).ToArray();
        Console.Out.Flush();
        Console.Error.Flush();
        InheritedState.RestoreForExec();
        var errno = CoreDumps.WithInheritedLimit(() =>
        {
            var e = Execve(command.FileName, [command.Argv0, .. command.Arguments], envp);
            // A file the kernel cannot run directly (no #!) is a shell script, as execvp and every shell decide.
            return e == ENOEXEC ? Execve(Shell, [Shell, command.FileName, .. command.Arguments], envp) : e;
        });
        throw errno == ENOENT || errno == ENOTDIR || errno == ELOOP
            ? new AwsSessionException($"command not found: {command.Argv0}", ExitCodes.CommandNotFound)
            : new AwsSessionException($"cannot execute {command.FileName}: {(errno == EACCES ? "permission denied" : Marshal.GetPInvokeErrorMessage(errno))}", ExitCodes.NotExecutable);
    }

    /// <returns>errno: execve returns only when it failed.</returns>
    private static int Execve(string path, string[] argv, string[] envp)
    {
        var strings = new List<nint>(argv.Length + envp.Length + 1);
        try
        {
            var file = Marshal.StringToCoTaskMemUTF8(path);
            strings.Add(file);
            var args = Terminated(argv, strings);
            var env = Terminated(envp, strings);
            fixed (nint* a = args, e = env)
                ExecveNative((byte*)file, a, e);
            return Marshal.GetLastPInvokeError();
        }
        finally
        {
            foreach (var s in strings)
                Marshal.FreeCoTaskMem(s);
        }
    }

    private static nint[] Terminated(string[] values, List<nint> owned)
    {
        var array = new nint[values.Length + 1];
        for (var i = 0; i < values.Length; i++)
            owned.Add(array[i] = Marshal.StringToCoTaskMemUTF8(values[i]));
        return array;
    }

    [LibraryImport("libc", EntryPoint = "execve", SetLastError = true)]
    private static partial int ExecveNative(byte* path, nint* argv, nint* envp);
}
