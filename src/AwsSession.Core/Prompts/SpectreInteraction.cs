using AwsSession.Domain;
using AwsSession.Prompts.Picker;
using Spectre.Console;

namespace AwsSession.Prompts;

/// <summary>
/// Prompts and pickers with Spectre.Console on an injected console. Spectre judges interactivity by stdout,
/// which is a pipe under eval, so the console is built on stderr and declared interactive by the caller.
/// </summary>
/// <param name="ownsTerminal">The console is the process's own terminal (see <see cref="TerminalPicker"/>); false in tests.</param>
public sealed class SpectreInteraction(Func<IAnsiConsole> console, bool canPrompt, bool ownsTerminal = false) : IInteraction
{
    private IAnsiConsole? _console;

    private IAnsiConsole Console => _console ??= console();

    public bool CanPrompt => canPrompt;

    public string AskMfaCode(string device, int attempt)
    {
        Require();
        var prompt = new TextPrompt<string>($"MFA code for [bold]{Markup.Escape(device)}[/]:")
            .Validate(c => c.Length == 6 && c.All(char.IsAsciiDigit) ? ValidationResult.Success() : ValidationResult.Error("[red]an MFA code is 6 digits[/]"));
        return Console.Prompt(prompt).Trim();
    }

    public T Pick<T>(string title, IReadOnlyList<T> items, Func<T, IReadOnlyList<string>> columns) where T : notnull
    {
        Require();
        return items[TerminalPicker.Pick(Console, title, items.Select(columns).ToList(), ownsTerminal)];
    }

    public async Task<T> WithProgressAsync<T>(string label, Func<IProgress<int>, Task<T>> work)
    {
        if (!canPrompt)
            return await work(new Progress<int>(_ => { }));
        return await Console.Status().StartAsync(Markup.Escape(label) + "...", async ctx =>
            await work(new SyncProgress(n => ctx.Status($"{Markup.Escape(label)}: {n}"))));
    }

    private void Require()
    {
        if (!canPrompt)
            throw new AwsSessionException("a prompt is needed, and there is no terminal (stdin and stderr must be a terminal)");
    }

    private sealed class SyncProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
