using AwsSession.Domain;
using AwsSession.Platform;
using AwsSession.Prompts.Picker;

namespace AwsSession.Prompts;

/// <summary>
/// Prompts on the controlling terminal itself, for credential_process: the SDK that runs us captures stdout and
/// often stderr, and stdin may be anything. No Spectre, which reads keys from stdin: lines for the MFA code, and for
/// the picker the terminal's own bytes (<see cref="TtyKeys"/>).
/// Without a controlling terminal (cron, CI, an IDE) opening fails and <see cref="CanPrompt"/> is false.
/// </summary>
public sealed class TtyInteraction(Func<TtyStreams?> open) : IInteraction
{
    private TtyStreams? _tty;
    private bool _opened;

    public static TtyInteraction ForControllingTerminal() => new(TtyStreams.OpenControllingTerminal);

    public bool CanPrompt => Tty is not null;

    private TtyStreams? Tty
    {
        get
        {
            if (!_opened)
            {
                _opened = true;
                _tty = open();
            }
            return _tty;
        }
    }

    public string AskMfaCode(string device, int attempt)
    {
        var tty = Require();
        while (true)
        {
            tty.Out.Write($"aws-session: MFA code for {device}{(attempt > 1 ? $" (try {attempt})" : "")}: ");
            tty.Out.Flush();
            // Ctrl-D at the start of a line ends the read (the terminal's EOF): that is the person cancelling.
            var code = (tty.In.ReadLine() ?? throw new OperationCanceledException("the MFA prompt was cancelled")).Trim();
            if (MfaCodes.IsCode(code))
                return code;
            tty.Out.WriteLine("aws-session: " + (code.Length == 0 ? MfaCodes.EmptyAnswer : MfaCodes.Malformed));
        }
    }

    /// <summary>
    /// The filtering picker, drawn on the terminal and read from it key by key (raw mode, taken for the picker's time);
    /// where the terminal's keys cannot be read that way (<see cref="TtyStreams.Keys"/> null), a numbered list.
    /// </summary>
    public T Pick<T>(string title, IReadOnlyList<T> items, Func<T, IReadOnlyList<string>> columns) where T : notnull
    {
        var tty = Require();
        var rows = items.Select(columns).ToList();
        if (tty.Keys is { } keys)
        {
            return items[TerminalPicker.Pick(new PickerTerminal(() => TtyKeys.Read(keys.Next), tty.Out, () => keys.Size, keys.TakeRaw), title, rows)];
        }
        tty.Out.WriteLine("aws-session: " + title);
        var lines = PickerView.AlignedRows(rows);
        for (var i = 0; i < items.Count; i++)
            tty.Out.WriteLine($"  {i + 1,3}) {lines[i]}");
        while (true)
        {
            tty.Out.Write($"number [1-{items.Count}, Enter for 1]: ");
            tty.Out.Flush();
            var line = (tty.In.ReadLine() ?? throw new AwsSessionException("no choice made: the terminal closed")).Trim();
            if (line.Length == 0)
                return items[0];
            if (int.TryParse(line, out var n) && n >= 1 && n <= items.Count)
                return items[n - 1];
        }
    }

    /// <summary>No live status line on the terminal: the calling tool owns it, and the work is short.</summary>
    public Task<T> WithProgressAsync<T>(string label, Func<IProgress<int>, Task<T>> work) => work(new Progress<int>(_ => { }));

    private TtyStreams Require() => Tty ?? throw new AwsSessionException("a prompt is needed, and there is no terminal (/dev/tty cannot be opened)",
        hint: "run the command once in a terminal to fill the cache, or pass --mfa-token / set mfa_process");
}

/// <summary>The two directions of a terminal, and its keys one by one for the picker; tests pass string readers and
/// writers, and scripted bytes.</summary>
public sealed record TtyStreams(TextReader In, TextWriter Out, IRawInput? Keys = null)
{
    public static TtyStreams? OpenControllingTerminal()
    {
        var (input, output) = OperatingSystem.IsWindows() ? ("CONIN$", "CONOUT$") : ("/dev/tty", "/dev/tty");
        try
        {
            // Two handles, unbuffered writes: the prompt must appear before we block on the read.
            var reader = new StreamReader(new FileStream(input, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1));
            try
            {
                var writer = new StreamWriter(new FileStream(output, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1)) { AutoFlush = true };
                return new TtyStreams(reader, writer, OperatingSystem.IsWindows() ? null : RawTerminal.Open(input));
            }
            catch
            {
                reader.Dispose();
                throw;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // ENXIO: no controlling terminal. That is the normal case under cron, CI and IDEs.
            return null;
        }
    }
}
