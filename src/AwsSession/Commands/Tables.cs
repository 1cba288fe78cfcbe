using System.Text;
using System.Text.Json;
using AwsSession.Application;
using AwsSession.Prompts;
using Spectre.Console;

namespace AwsSession.Cli.Commands;

/// <summary>Listings: a table for people on a terminal, JSON for scripts (--json, or whenever stdout is piped).</summary>
public static class Tables
{
    public static async Task WriteAsync(ToolContext context, bool json, string[] headers, IReadOnlyList<string[]> rows, CancellationToken ct)
    {
        if (json || !Terminal.StdoutIsTerminal)
        {
            await context.Out.WriteAsync(Json(headers, rows));
            await context.Out.FlushAsync(ct);
            return;
        }
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var h in headers)
            table.AddColumn(Markup.Escape(h));
        foreach (var row in rows)
            table.AddRow(row.Select(Markup.Escape).ToArray());
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Out) });
        console.Write(table);
    }

    /// <summary>One record: a two-column table on a terminal, a single JSON object otherwise (as `aws sts get-caller-identity`).</summary>
    public static async Task WriteRecordAsync(ToolContext context, bool json, IReadOnlyList<(string Key, string Value)> fields, CancellationToken ct)
    {
        if (json || !Terminal.StdoutIsTerminal)
        {
            await context.Out.WriteAsync(RecordJson(fields));
            await context.Out.FlushAsync(ct);
            return;
        }
        var table = new Table().Border(TableBorder.Rounded).HideHeaders().AddColumn("").AddColumn("");
        foreach (var (key, value) in fields)
            table.AddRow(Markup.Escape(key), Markup.Escape(value));
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Out) }).Write(table);
    }

    public static string RecordJson(IReadOnlyList<(string Key, string Value)> fields)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            foreach (var (key, value) in fields)
                w.WriteString(key, value);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    public static string Json(string[] headers, IReadOnlyList<string[]> rows)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
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
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
