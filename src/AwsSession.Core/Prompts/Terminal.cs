using System.Runtime.InteropServices;

namespace AwsSession.Prompts;

/// <summary>
/// What the process is attached to. stdout is eval's, so prompting depends on stdin and stderr only. isatty(3)
/// rather than System.Console, which would set the terminal up on a cached run that never uses it.
/// </summary>
public static partial class Terminal
{
    public static bool StdinIsTerminal => IsTerminal(0);

    public static bool StdoutIsTerminal => IsTerminal(1);

    public static bool StderrIsTerminal => IsTerminal(2);

    public static bool CanPromptOnStderr => StdinIsTerminal && StderrIsTerminal;

    private static bool IsTerminal(int fd) => OperatingSystem.IsWindows()
        ? fd switch { 0 => !Console.IsInputRedirected, 1 => !Console.IsOutputRedirected, _ => !Console.IsErrorRedirected }
        : IsATty(fd) == 1;

    [LibraryImport("libc", EntryPoint = "isatty")]
    private static partial int IsATty(int fd);
}
