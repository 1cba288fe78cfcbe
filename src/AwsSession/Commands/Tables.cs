using AwsSession.Application;
using AwsSession.Output;
using Spectre.Console;

namespace AwsSession.Cli.Commands;

/// <summary>Listings: a table for people on a terminal, JSON for scripts (--json, or whenever stdout is piped).</summary>
public static class Tables
{
    /// <param name="empty">Said on a terminal instead of an empty frame ("no cached sessions"); JSON is then [].</param>
    /// <param name="booleans">Columns holding "yes" or "": true or false in JSON.</param>
    public static Task WriteAsync(ToolContext context, bool json, string[] headers, IReadOnlyList<string[]> rows, string empty, CancellationToken ct,
        IReadOnlyCollection<string>? booleans = null) =>
        WriteAsync(context, json, () => Json(headers, rows, booleans), console =>
        {
            if (rows.Count == 0)
            {
                context.Status.Note(empty);
                return null;
            }
            var table = new Table().Border(TableBorder.Rounded);
            foreach (var h in headers)
                table.AddColumn(new TableColumn(Markup.Escape(h)).NoWrap());
            foreach (var row in Fit(headers, rows.Select(r => r.Select(Minutes).ToArray()).ToList(), console.Profile.Width))
                table.AddRow(row.Select(Markup.Escape).ToArray());
            return table;
        }, ct);

    private const int ShortColumn = 17;

    /// <summary>
    /// The rows with cells shortened in the middle ("arn:aws:iam::1234…/OrganizationAccountAccessRole") so the table
    /// fits <paramref name="width"/>: the widest long column gives way first, down to its header's width (or 10). The ends
    /// of an ARN, an email or a URL say the most; a cell wrapped mid-word says nothing.
    /// </summary>
    public static IReadOnlyList<string[]> Fit(string[] headers, IReadOnlyList<string[]> rows, int width)
    {
        var widths = headers.Select((h, c) => rows.Select(r => r[c].Length).Append(h.Length).Max()).ToArray();
        // Short columns (times, ids, masked keys) are never cut: a cut there loses what the column is for.
        var floors = headers.Select((h, c) => widths[c] <= ShortColumn ? widths[c] : Math.Max(h.Length, 10)).ToArray();
        var budget = width - (3 * headers.Length + 1); // a rounded border: "│ " before each cell, " │" after the last
        while (widths.Sum() > budget)
        {
            var widest = Array.IndexOf(widths, widths.Select((w, c) => w > floors[c] ? w : 0).Max());
            if (widest < 0 || widths[widest] <= floors[widest])
                break;
            widths[widest]--;
        }
        return rows.Select(r => r.Select((cell, c) => Middle(cell, widths[c])).ToArray()).ToList();
    }

    /// <summary>
    /// A time as the listings write it for scripts (2026-12-02T14:05:00Z) reads "2026-12-02 14:05Z" in a table: the
    /// zone stays, the seconds go, and the three characters saved go to the ARNs.
    /// </summary>
    public static string Minutes(string cell) =>
        cell is [_, _, _, _, '-', _, _, '-', _, _, 'T', _, _, ':', _, _, ':', _, _, 'Z']
        && DateTimeOffset.TryParseExact(cell, "yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal, out _)
            ? cell[..10] + " " + cell[11..16] + "Z"
            : cell;

    /// <summary>The text in at most <paramref name="width"/> characters, its middle replaced by "…".</summary>
    public static string Middle(string text, int width)
    {
        if (text.Length <= width || width < 3)
            return text;
        var tail = (width - 1) / 2;
        return text[..(width - 1 - tail)] + "…" + text[^tail..];
    }

    /// <summary>One record: a two-column table on a terminal, a single JSON object otherwise (as `aws sts get-caller-identity`).</summary>
    public static Task WriteRecordAsync(ToolContext context, bool json, IReadOnlyList<(string Key, string Value)> fields, CancellationToken ct) =>
        WriteAsync(context, json, () => RecordJson(fields), _ =>
        {
            var table = new Table().Border(TableBorder.Rounded).HideHeaders().AddColumn("").AddColumn("");
            foreach (var (key, value) in fields)
                table.AddRow(Markup.Escape(key), Markup.Escape(value));
            return table;
        }, ct);

    public static string RecordJson(IReadOnlyList<(string Key, string Value)> fields) =>
        JsonText.Object(fields.Select(f => KeyValuePair.Create(f.Key, f.Value)), indented: true) + "\n";

    public static string Json(string[] headers, IReadOnlyList<string[]> rows, IReadOnlyCollection<string>? booleans = null) => JsonText.Write(w =>
    {
        w.WriteStartArray();
        foreach (var row in rows)
        {
            w.WriteStartObject();
            for (var i = 0; i < headers.Length; i++)
            {
                if (booleans?.Contains(headers[i]) == true)
                    w.WriteBoolean(headers[i], row[i] == "yes");
                else
                    w.WriteString(headers[i], row[i]);
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }, indented: true) + "\n";

    private static async Task WriteAsync(ToolContext context, bool json, Func<string> text, Func<IAnsiConsole, Table?> table, CancellationToken ct)
    {
        if (json || !context.StdoutIsTerminal)
        {
            await context.Out.WriteAsync(text());
            await context.Out.FlushAsync(ct);
            return;
        }
        var console = context.Console();
        if (table(console) is { } t)
            console.Write(t);
    }
}
