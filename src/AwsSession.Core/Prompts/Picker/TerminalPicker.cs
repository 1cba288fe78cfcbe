using System.Runtime.InteropServices;

namespace AwsSession.Prompts.Picker;

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
        var view = PickerView.Open(title, rows, PageSize(terminal.Size().Height));
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
                var lines = view.Render(terminal.Size().Width);
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
