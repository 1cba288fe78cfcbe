using System.Globalization;

namespace AwsSession.Prompts.Picker;

/// <summary>What a key does in the picker; the terminal driver maps raw keys to these.</summary>
public enum PickerKey { Character, Backspace, Up, Down, PageUp, PageDown, Home, End, Enter, Cancel, Ignored }

public readonly record struct PickerInput(PickerKey Key, char Character = '\0')
{
    public static PickerInput Char(char c) => new(PickerKey.Character, c);

    /// <summary>^C arrives as a key (the terminal's ISIG is off while the picker reads), so it cancels like Esc.</summary>
    public static PickerInput From(ConsoleKeyInfo key) => key switch
    {
        { Key: ConsoleKey.C, Modifiers: ConsoleModifiers.Control } or { KeyChar: '\x03' } => new(PickerKey.Cancel),
        { Key: ConsoleKey.D, Modifiers: ConsoleModifiers.Control } or { KeyChar: '\x04' } => new(PickerKey.Cancel),
        { Key: ConsoleKey.Escape } => new(PickerKey.Cancel),
        { Key: ConsoleKey.Enter } => new(PickerKey.Enter),
        { Key: ConsoleKey.Backspace } => new(PickerKey.Backspace),
        { Key: ConsoleKey.UpArrow } or { Key: ConsoleKey.P, Modifiers: ConsoleModifiers.Control } => new(PickerKey.Up),
        { Key: ConsoleKey.DownArrow } or { Key: ConsoleKey.N, Modifiers: ConsoleModifiers.Control } => new(PickerKey.Down),
        { Key: ConsoleKey.PageUp } => new(PickerKey.PageUp),
        { Key: ConsoleKey.PageDown } => new(PickerKey.PageDown),
        { Key: ConsoleKey.Home } => new(PickerKey.Home),
        { Key: ConsoleKey.End } => new(PickerKey.End),
        { KeyChar: var c } when !char.IsControl(c) && c != '\0' => Char(c),
        _ => new(PickerKey.Ignored),
    };
}

public enum PickerOutcome { Open, Chosen, Cancelled }

public enum PickerLineKind { Title, Item, Selected, Marker, Hint }

public sealed record PickerLine(string Text, PickerLineKind Kind);

/// <summary>
/// The picker without a terminal: a state, a key giving the next state, and the lines to show. Typing filters the
/// rows (a case-insensitive substring of any column), Backspace widens again; the selection scrolls a window of
/// <see cref="PageSize"/> rows. Rows keep the order they were given in (the caller puts recent choices first).
/// </summary>
public sealed record PickerView
{
    private const string Gap = "  ";

    public required string Title { get; init; }

    /// <summary>Each row's columns (for an account: name, id, email), aligned when shown.</summary>
    public required IReadOnlyList<IReadOnlyList<string>> Rows { get; init; }

    public required int PageSize { get; init; }

    public string Filter { get; init; } = "";

    /// <summary>Indexes into <see cref="Rows"/> that match the filter, in order.</summary>
    public required IReadOnlyList<int> Matches { get; init; }

    /// <summary>Position in <see cref="Matches"/>.</summary>
    public int Selected { get; init; }

    /// <summary>The first position of <see cref="Matches"/> in the window.</summary>
    public int Top { get; init; }

    public PickerOutcome Outcome { get; init; }

    /// <summary>The chosen row's index in <see cref="Rows"/> once Enter was pressed on a match.</summary>
    public int? Choice => Outcome == PickerOutcome.Chosen ? Matches[Selected] : null;

    public static PickerView Open(string title, IReadOnlyList<IReadOnlyList<string>> rows, int pageSize) => new()
    {
        Title = title,
        Rows = rows,
        PageSize = Math.Max(1, pageSize),
        Matches = Enumerable.Range(0, rows.Count).ToList(),
    };

    public PickerView Apply(PickerInput input) => input.Key switch
    {
        PickerKey.Character => Filtered(Filter + input.Character),
        PickerKey.Backspace when Filter.Length > 0 => Filtered(Filter[..^1]),
        PickerKey.Up => MoveTo(Selected - 1),
        PickerKey.Down => MoveTo(Selected + 1),
        PickerKey.PageUp => MoveTo(Selected - PageSize),
        PickerKey.PageDown => MoveTo(Selected + PageSize),
        PickerKey.Home => MoveTo(0),
        PickerKey.End => MoveTo(Matches.Count - 1),
        PickerKey.Enter when Matches.Count > 0 => this with { Outcome = PickerOutcome.Chosen },
        PickerKey.Cancel => this with { Outcome = PickerOutcome.Cancelled },
        _ => this,
    };

    public static bool IsMatch(IReadOnlyList<string> row, string filter) =>
        row.Any(cell => cell.Contains(filter, StringComparison.OrdinalIgnoreCase));

    /// <summary>The picker's lines, none wider than <paramref name="width"/> (a wrapped line would break the redraw).</summary>
    public IReadOnlyList<PickerLine> Render(int width)
    {
        var count = Filter.Length == 0
            ? $"({Rows.Count.ToString("N0", CultureInfo.InvariantCulture)})"
            : $"({Matches.Count.ToString("N0", CultureInfo.InvariantCulture)} of {Rows.Count.ToString("N0", CultureInfo.InvariantCulture)})";
        var lines = new List<PickerLine> { new(Fit($"{Title} {Filter}  {count}", width), PickerLineKind.Title) };
        if (Matches.Count == 0)
            lines.Add(new(Fit($"  no match for '{Filter}'", width), PickerLineKind.Marker));
        if (Top > 0)
            lines.Add(new(Fit($"  ↑ {Top} more above", width), PickerLineKind.Marker));
        var widths = ColumnWidths(Rows);
        var end = Math.Min(Matches.Count, Top + PageSize);
        for (var i = Top; i < end; i++)
        {
            var selected = i == Selected;
            lines.Add(new(Fit((selected ? "> " : "  ") + Align(Rows[Matches[i]], widths), width), selected ? PickerLineKind.Selected : PickerLineKind.Item));
        }
        if (end < Matches.Count)
            lines.Add(new(Fit($"  ↓ {Matches.Count - end} more below", width), PickerLineKind.Marker));
        lines.Add(new(Fit("  type to filter · ↑↓ move · Enter choose · Esc cancel", width), PickerLineKind.Hint));
        return lines;
    }

    /// <summary>The rows as aligned text (for the numbered list on /dev/tty too).</summary>
    public static IReadOnlyList<string> AlignedRows(IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var widths = ColumnWidths(rows);
        return rows.Select(r => Align(r, widths)).ToList();
    }

    private PickerView Filtered(string filter) => this with
    {
        Filter = filter,
        Matches = Enumerable.Range(0, Rows.Count).Where(i => IsMatch(Rows[i], filter)).ToList(),
        Selected = 0,
        Top = 0,
    };

    private PickerView MoveTo(int position)
    {
        if (Matches.Count == 0)
            return this;
        var selected = Math.Clamp(position, 0, Matches.Count - 1);
        var top = selected < Top ? selected : selected >= Top + PageSize ? selected - PageSize + 1 : Top;
        return this with { Selected = selected, Top = top };
    }

    private static int[] ColumnWidths(IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var widths = new int[rows.Count == 0 ? 0 : rows.Max(r => r.Count)];
        foreach (var row in rows)
            for (var c = 0; c < row.Count; c++)
                widths[c] = Math.Max(widths[c], row[c].Length);
        return widths;
    }

    private static string Align(IReadOnlyList<string> row, int[] widths) =>
        string.Join(Gap, row.Select((cell, c) => c == row.Count - 1 ? cell : cell.PadRight(widths[c]))).TrimEnd();

    private static string Fit(string line, int width) =>
        width <= 1 || line.Length < width ? line : line[..(width - 2)] + "…";
}
