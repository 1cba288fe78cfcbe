using System.Runtime.InteropServices;
using Spectre.Console;

namespace AwsSession.Prompts.Picker;

/// <summary>
/// The terminal a picker runs on: keys in (null when the input ends), text out (stderr or /dev/tty, never stdout),
/// its size, and the keyboard taken for the picker's time and given back (<see cref="TakeKeyboard"/>: ^C read as a
/// key; null for a test console, whose process owns no terminal).
/// </summary>
public sealed record PickerTerminal(Func<ConsoleKeyInfo?> ReadKey, TextWriter Out, int Width, int Height, Func<IDisposable>? TakeKeyboard)
{
    /// <summary>A Spectre console: the process's own terminal when <paramref name="ownsTerminal"/>.</summary>
    public static PickerTerminal For(IAnsiConsole console, bool ownsTerminal) => new(
        () => console.Input.ReadKey(intercept: true), console.Profile.Out.Writer, console.Profile.Width, console.Profile.Height,
        ownsTerminal ? ControlCAsInput : null);

    /// <summary>System.Console's terminal (stdin): ^C read as a key while taken.</summary>
    private static IDisposable ControlCAsInput()
    {
        var taken = TrySetControlCAsInput(true);
        return new Release(() =>
        {
            if (taken)
                TrySetControlCAsInput(false);
        });
    }

    private static bool TrySetControlCAsInput(bool value)
    {
        try
        {
            Console.TreatControlCAsInput = value;
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }
}

/// <summary>Runs its action once, however many times it is disposed (by the picker's end and by a signal).</summary>
internal sealed class Release(Action action) : IDisposable
{
    private Action? _action = action;

    public void Dispose() => Interlocked.Exchange(ref _action, null)?.Invoke();
}

/// <summary>
/// Runs a <see cref="PickerView"/> on a terminal: keys from its input, lines redrawn in place on its output. Whatever
/// ends the picker (Enter, Esc, ^C as a key, a SIGINT or SIGTERM from elsewhere, an exception) clears its lines, shows
/// the cursor again and gives the keyboard back. Esc and ^C throw <see cref="OperationCanceledException"/>: exit 130.
/// </summary>
public static class TerminalPicker
{
    private const string HideCursor = "\e[?25l";
    private const string ShowCursor = "\e[?25h";

    public static int Pick(PickerTerminal terminal, string title, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var writer = terminal.Out;
        var view = PickerView.Open(title, rows, PageSize(terminal.Height));
        var gate = new object();
        var drawn = 0;

        // Lines are erased one by one (\e[2K), and \e[J only below the first line: an erase of the whole screen from its
        // top-left corner makes tmux scroll the screen into its history (scroll-on-clear), leaving a copy per key.
        string Up() => drawn > 0 ? $"\e[{drawn}A\r" : "\r";

        void Clear()
        {
            writer.Write(Up() + string.Concat(Enumerable.Repeat("\e[2K\n", drawn)) + Up());
            drawn = 0;
        }

        void Draw()
        {
            lock (gate)
            {
                var text = new System.Text.StringBuilder(Up());
                var lines = view.Render(terminal.Width);
                foreach (var line in lines)
                    text.Append("\e[2K").Append(Style(line)).Append('\n');
                writer.Write(text.Append("\e[J").ToString());
                writer.Flush();
                drawn = lines.Count;
            }
        }

        IDisposable? keyboard = null;

        void Restore()
        {
            lock (gate)
            {
                Clear();
                writer.Write(ShowCursor);
                writer.Flush();
                keyboard?.Dispose();
            }
        }

        // Not cancelled: once the terminal is restored, the signal's default action ends the process (130 or 143).
        using var sigint = terminal.TakeKeyboard is null ? null : PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => Restore());
        using var sigterm = terminal.TakeKeyboard is null ? null : PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => Restore());
        keyboard = terminal.TakeKeyboard?.Invoke();
        writer.Write(HideCursor);
        try
        {
            while (view.Outcome == PickerOutcome.Open)
            {
                Draw();
                var key = terminal.ReadKey();
                view = view.Apply(key is { } k ? PickerInput.From(k) : new PickerInput(PickerKey.Cancel));
            }
        }
        finally
        {
            Restore();
        }

        if (view.Choice is not { } choice)
            throw new OperationCanceledException("the picker was cancelled");
        // What was chosen stays on the screen, as one plain line.
        writer.WriteLine($"{title} {string.Join("  ", rows[choice])}");
        writer.Flush();
        return choice;
    }

    /// <summary>Room for the title, two markers and the hint, and at most 12 rows: the picker stays near the prompt.</summary>
    public static int PageSize(int height) => Math.Clamp(height - 5, 3, 12);

    private static string Style(PickerLine line) => line.Kind switch
    {
        PickerLineKind.Title => $"\e[1m{line.Text}\e[0m",
        PickerLineKind.Selected => $"\e[7m{line.Text}\e[0m",
        PickerLineKind.Marker or PickerLineKind.Hint => $"\e[2m{line.Text}\e[0m",
        _ => line.Text,
    };
}
