namespace AwsSession.Prompts;

/// <summary>What the process is attached to. stdout is eval's, so prompting depends on stdin and stderr only.</summary>
public static class Terminal
{
    public static bool StdinIsTerminal => !Console.IsInputRedirected;

    public static bool StdoutIsTerminal => !Console.IsOutputRedirected;

    public static bool StderrIsTerminal => !Console.IsErrorRedirected;

    public static bool CanPromptOnStderr => StdinIsTerminal && StderrIsTerminal;
}
