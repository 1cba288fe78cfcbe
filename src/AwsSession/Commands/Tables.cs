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
