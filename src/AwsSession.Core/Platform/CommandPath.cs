using AwsSession.Domain;

namespace AwsSession.Platform;

/// <summary>
/// Finds the program the way a shell (execvp) does: a name with a slash as given, else the first executable
/// file in the child's PATH. Process.Start alone would also look in aws-session's own directory and the current
/// directory first (`exec -- true` would run a ./true), and cannot tell 127 from 126.
/// </summary>
public static class CommandPath
{
    public const string DefaultPath = "/usr/local/bin:/usr/bin:/bin";

    /// <summary>An absolute path to start, or an exit-127/126 AwsSessionException.</summary>
    public static string Resolve(string name, string? path, Func<string, bool>? isExecutable = null)
    {
        var executable = isExecutable ?? IsExecutable;
        if (name.Length == 0)
            throw NotFound(name);
        if (name.Contains('/'))
        {
            var full = Path.GetFullPath(name);
            if (Directory.Exists(full))
                throw NotExecutable(name, "is a directory");
            if (!Exists(full))
                throw NotFound(name);
            return executable(full) ? full : throw NotExecutable(name, "permission denied");
        }

        string? denied = null;
        foreach (var dir in (path ?? DefaultPath).Split(Path.PathSeparator))
        {
            // An empty PATH entry means the current directory, as in every POSIX shell.
            var candidate = Path.GetFullPath(Path.Combine(dir.Length == 0 ? "." : dir, name));
            if (!File.Exists(candidate) || !Exists(candidate))
                continue;
            if (executable(candidate))
                return candidate;
            denied ??= candidate;
        }
        throw denied is null ? NotFound(name) : NotExecutable(denied, "permission denied");
    }

    /// <summary>Follows symlinks, unlike File.Exists: a dangling link is "not found" (127), as in a shell.</summary>
    private static bool Exists(string file) =>
        OperatingSystem.IsWindows() ? File.Exists(file) : Native.Access(file, Native.FOk) == 0;

    private static bool IsExecutable(string file) =>
        OperatingSystem.IsWindows() || Native.Access(file, Native.XOk) == 0;

    private static AwsSessionException NotFound(string name) =>
        new($"command not found: {name}", ExitCodes.CommandNotFound);

    private static AwsSessionException NotExecutable(string name, string why) =>
        new($"cannot execute {name}: {why}", ExitCodes.NotExecutable);
}
