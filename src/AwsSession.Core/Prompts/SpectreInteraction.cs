using AwsSession.Domain;
using AwsSession.Prompts.Picker;
using Spectre.Console;

namespace AwsSession.Prompts;

/// <summary>
/// Prompts and pickers with Spectre.Console on an injected console. Spectre judges interactivity by stdout,
/// which is a pipe under eval, so the console is built on stderr and declared interactive by the caller.
/// </summary>
/// <param name="ownsTerminal">The console is the process's own terminal (see <see cref="PickerTerminal"/>); false in tests.</param>
public sealed class SpectreInteraction(Func<IAnsiConsole> console, bool canPrompt, bool ownsTerminal = false) : IInteraction
{
    private IAnsiConsole? _console;

    private IAnsiConsole Console => _console ??= console();

    public bool CanPrompt => canPrompt;

    /// <summary>
    /// A line read key by key rather than Spectre's TextPrompt, which ignores Ctrl-D: here Ctrl-D cancels (exit 130)
    /// and an empty Enter says what is wanted instead of silently asking again.
    /// </summary>
    public string AskMfaCode(string device, int attempt)
    {
        Require();
        while (true)
        {
            Console.Markup($"MFA code for [bold]{Markup.Escape(device)}[/]{(attempt > 1 ? $" (try {attempt})" : "")}: ");
            var line = ReadLine() ?? throw new OperationCanceledException("the MFA prompt was cancelled");
            Console.WriteLine();
            var code = line.Trim();
            if (MfaCodes.IsCode(code))
                return code;
            Console.MarkupLine(code.Length == 0 ? $"[yellow]{MfaCodes.EmptyAnswer}[/]" : $"[red]{MfaCodes.Malformed}[/]");
        }
    }

    /// <summary>Echoes what is typed; null on Ctrl-D or when the input ends.</summary>
    private string? ReadLine()
    {
        var text = new System.Text.StringBuilder();
        var echo = Console.Profile.Out.Writer;
        while (true)
        {
            if (Console.Input.ReadKey(intercept: true) is not { } key || key.KeyChar == '\x04'
                || (key.Key == ConsoleKey.D && key.Modifiers.HasFlag(ConsoleModifiers.Control)))
                return null;
            if (key.Key == ConsoleKey.Enter)
                return text.ToString();
            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0)
                {
                    text.Length--;
                    echo.Write("\b \b");
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
                echo.Write(key.KeyChar);
            }
            echo.Flush();
        }
    }

    public T Pick<T>(string title, IReadOnlyList<T> items, Func<T, IReadOnlyList<string>> columns) where T : notnull
    {
        Require();
        return items[TerminalPicker.Pick(PickerTerminal.For(Console, ownsTerminal), title, items.Select(columns).ToList())];
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
