using AwsSession.Domain;
using AwsSession.Exec;

namespace AwsSession.Front;

/// <summary>
/// Becomes the complete tool (execve, same pid), with the same arguments and environment and the signal state this
/// process was given (<see cref="Platform.InheritedState"/>). It is looked for beside this executable, symlinks
/// resolved, never on PATH or through the environment: whatever runs next is handed credentials.
/// </summary>
public static class HandOff
{
    public const string CompleteTool = "aws-session-full";

    /// <summary>Returns only by throwing, when the complete tool cannot be run.</summary>
    public static int Run(string[] args)
    {
        var self = Environment.ProcessPath ?? throw new AwsSessionException($"cannot find this executable's path, to run {CompleteTool} beside it");
        var full = Path.Combine(Path.GetDirectoryName(self)!, CompleteTool);
        // argv[0] stays aws-session: the complete tool names itself after it in --help.
        var command = new ChildCommand(full, args) { Argv0 = "aws-session" };
        try
        {
            if (!ProcessImage.Supported)
                throw new AwsSessionException("this system has no execve");
            // Nothing this process wrote is shown: a run is handed off only before it has released a byte.
            ProcessImage.Replace(command, EnvironmentChange.None, flushOutput: static () => { });
        }
        catch (AwsSessionException e)
        {
            throw new AwsSessionException($"cannot run the complete tool, {full} ({e.Message})",
                hint: "reinstall aws-session: its two executables, aws-session and aws-session-full, belong together");
        }
        throw new InvalidOperationException("execve returned without failing");
    }
}
