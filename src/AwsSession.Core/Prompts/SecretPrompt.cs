using AwsSession.Domain;
using Spectre.Console;

namespace AwsSession.Prompts;

/// <summary>Asks for one line on the terminal; a secret is not echoed. Used for keys and passphrases.</summary>
public interface ISecretPrompt
{
    bool CanPrompt { get; }

    string Ask(string label, bool secret);
}

/// <summary>The prompt on the stderr console (stdin and stderr must be a terminal), as every other prompt.</summary>
public sealed class SpectreSecretPrompt(Func<IAnsiConsole> console, bool canPrompt) : ISecretPrompt
{
    public static ISecretPrompt ForStderr()
    {
        var canPrompt = Terminal.CanPromptOnStderr;
        return new SpectreSecretPrompt(() => ConsoleFactory.Stderr(canPrompt), canPrompt);
    }

    public bool CanPrompt => canPrompt;

    public string Ask(string label, bool secret)
    {
        if (!canPrompt)
            throw new AwsSessionException("a prompt is needed, and there is no terminal (stdin and stderr must be a terminal)");
        var prompt = new TextPrompt<string>(Markup.Escape(label) + ":");
        if (secret)
            prompt = prompt.Secret(null);
        return console().Prompt(prompt).Trim();
    }
}
