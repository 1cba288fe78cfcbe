using Spectre.Console;

namespace AwsSession.Prompts;

/// <summary>Builds the stderr console that prompts use; see <see cref="SpectreInteraction"/> for why stderr.</summary>
public static class ConsoleFactory
{
    public static IAnsiConsole Stderr(bool interactive) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Console.Error),
        Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
        Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
    });

    public static IInteraction ForStderr()
    {
        var canPrompt = Terminal.CanPromptOnStderr;
        return new SpectreInteraction(() => Stderr(canPrompt), canPrompt, ownsTerminal: true);
    }
}
