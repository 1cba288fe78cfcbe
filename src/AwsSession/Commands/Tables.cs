using AwsSession.Application;
using AwsSession.Output;
using Spectre.Console;

namespace AwsSession.Cli.Commands;

/// <summary>Listings: a table for people on a terminal, JSON for scripts (--json, or whenever stdout is piped).</summary>
public static class Tables
{
    public static Task WriteAsync(ToolContext context, bool json, string[] headers, IReadOnlyList<string[]> rows, CancellationToken ct) =>
        WriteAsync(context, json, () => Json(headers, rows), () =>
        {
            var table = new Table().Border(TableBorder.Rounded);
            foreach (var h in headers)
                table.AddColumn(Markup.Escape(h));
            foreach (var row in rows)
                table.AddRow(row.Select(Markup.Escape).ToArray());
            return table;
        }, ct);

    /// <summary>One record: a two-column table on a terminal, a single JSON object otherwise (as `aws sts get-caller-identity`).</summary>
    public static Task WriteRecordAsync(ToolContext context, bool json, IReadOnlyList<(string Key, string Value)> fields, CancellationToken ct) =>
        WriteAsync(context, json, () => RecordJson(fields), () =>
        {
            var table = new Table().Border(TableBorder.Rounded).HideHeaders().AddColumn("").AddColumn("");
            foreach (var (key, value) in fields)
                table.AddRow(Markup.Escape(key), Markup.Escape(value));
            return table;
        }, ct);

    public static string RecordJson(IReadOnlyList<(string Key, string Value)> fields) =>
        JsonText.Object(fields.Select(f => KeyValuePair.Create(f.Key, f.Value)), indented: true) + "\n";

    public static string Json(string[] headers, IReadOnlyList<string[]> rows) => JsonText.Write(w =>
    {
        w.WriteStartArray();
        foreach (var row in rows)
        {
            w.WriteStartObject();
            for (var i = 0; i < headers.Length; i++)
                w.WriteString(headers[i], row[i]);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }, indented: true) + "\n";

    private static async Task WriteAsync(ToolContext context, bool json, Func<string> text, Func<Table> table, CancellationToken ct)
    {
        if (json || !context.StdoutIsTerminal)
        {
            await context.Out.WriteAsync(text());
            await context.Out.FlushAsync(ct);
            return;
        }
        context.Console().Write(table());
    }
}
