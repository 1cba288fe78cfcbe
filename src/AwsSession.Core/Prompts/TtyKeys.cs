using System.Text;

namespace AwsSession.Prompts;

/// <summary>
/// Keys from the bytes a terminal in raw mode sends (xterm and VT220 sequences, UTF-8 text), as the picker reads them
/// from /dev/tty where System.Console cannot. A sequence's bytes arrive together; an Esc alone is followed by nothing
/// for <see cref="SequenceGap"/>, which is how the two are told apart.
/// </summary>
public static class TtyKeys
{
    public static readonly TimeSpan SequenceGap = TimeSpan.FromMilliseconds(50);

    private static readonly ConsoleKeyInfo Ignored = new('\0', 0, false, false, false);

    /// <param name="next">The next byte, waiting at most the given time (null: forever); null when none came in
    /// time, -1 at the end of input.</param>
    /// <returns>Null at the end of input.</returns>
    public static ConsoleKeyInfo? Read(Func<TimeSpan?, int?> next)
    {
        var b = next(null);
        return b switch
        {
            null or < 0 => null,
            0x1b => Escape(next),
            '\r' or '\n' => new('\r', ConsoleKey.Enter, false, false, false),
            0x7f or 0x08 => new('\b', ConsoleKey.Backspace, false, false, false),
            '\t' => new('\t', ConsoleKey.Tab, false, false, false),
            // ^A..^Z: the letter with Control, as System.Console reports them (^C and ^D cancel, ^N and ^P move).
            >= 1 and <= 26 => new((char)b, ConsoleKey.A + (b.Value - 1), false, false, true),
            < 0x20 => Ignored,
            < 0x80 => new((char)b, 0, false, false, false),
            _ => Utf8((byte)b, next),
        };
    }

    private static ConsoleKeyInfo Escape(Func<TimeSpan?, int?> next)
    {
        var b = next(SequenceGap);
        if (b is null)
            return new('\x1b', ConsoleKey.Escape, false, false, false);
        if (b is not ('[' or 'O'))
            return Ignored; // Alt with a key: nothing the picker uses, and not an Esc
        // Parameters (digits and ';') up to the final byte, which is 0x40-0x7e.
        var parameters = new StringBuilder();
        for (var i = 0; i < 16; i++)
        {
            var c = next(SequenceGap);
            if (c is null or < 0)
                return Ignored;
            if (c is >= 0x40 and <= 0x7e)
                return Sequence((char)c, parameters.ToString());
            parameters.Append((char)c);
        }
        return Ignored;
    }

    private static ConsoleKeyInfo Sequence(char final, string parameters)
    {
        var key = final switch
        {
            'A' => ConsoleKey.UpArrow,
            'B' => ConsoleKey.DownArrow,
            'C' => ConsoleKey.RightArrow,
            'D' => ConsoleKey.LeftArrow,
            'H' => ConsoleKey.Home,
            'F' => ConsoleKey.End,
            '~' => parameters.Split(';')[0] switch
            {
                "1" or "7" => ConsoleKey.Home,
                "4" or "8" => ConsoleKey.End,
                "5" => ConsoleKey.PageUp,
                "6" => ConsoleKey.PageDown,
                "3" => ConsoleKey.Delete,
                _ => (ConsoleKey)0,
            },
            _ => (ConsoleKey)0,
        };
        return key == 0 ? Ignored : new('\0', key, false, false, false);
    }

    /// <summary>One character of UTF-8; a malformed or unfinished one, or one outside the BMP, is ignored.</summary>
    private static ConsoleKeyInfo Utf8(byte lead, Func<TimeSpan?, int?> next)
    {
        var length = lead switch { >= 0xc2 and <= 0xdf => 2, >= 0xe0 and <= 0xef => 3, >= 0xf0 and <= 0xf4 => 4, _ => 0 };
        if (length == 0)
            return Ignored;
        Span<byte> bytes = stackalloc byte[4];
        bytes[0] = lead;
        for (var i = 1; i < length; i++)
        {
            if (next(SequenceGap) is not { } b || (b & 0xc0) != 0x80)
                return Ignored;
            bytes[i] = (byte)b;
        }
        Span<char> chars = stackalloc char[2];
        return Encoding.UTF8.GetChars(bytes[..length], chars) == 1 && chars[0] != '\uFFFD'
            ? new(chars[0], 0, false, false, false)
            : Ignored;
    }
}
