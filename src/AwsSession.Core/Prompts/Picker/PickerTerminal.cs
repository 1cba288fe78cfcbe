using Spectre.Console;

namespace AwsSession.Prompts.Picker;

/// <summary>
/// The terminal a picker runs on: keys in (null when the input ends), text out (stderr or /dev/tty, never stdout),
/// its size as it is now (read at every redraw: the window may be resized), and the keyboard taken for the picker's
/// time and given back (<see cref="TakeKeyboard"/>: ^C read as a key; null for a test console, whose process owns no
/// terminal).
/// </summary>
public sealed record PickerTerminal(Func<ConsoleKeyInfo?> ReadKey, TextWriter Out, Func<(int Width, int Height)> Size, Func<IDisposable>? TakeKeyboard)
{
    /// <summary>A Spectre console: the process's own terminal when <paramref name="ownsTerminal"/>.</summary>
    public static PickerTerminal For(IAnsiConsole console, bool ownsTerminal) => new(
        () => console.Input.ReadKey(intercept: true), console.Profile.Out.Writer, () => (console.Profile.Width, console.Profile.Height),
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
