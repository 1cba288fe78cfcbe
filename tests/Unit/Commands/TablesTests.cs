using System.Text.Json;
using AwsSession.Application;
using AwsSession.Cli.Commands;
using AwsSession.Config;
using AwsSession.Logging;
using Spectre.Console.Testing;

namespace AwsSession.Tests.Unit.Commands;

/// <summary>Listings: a table on a terminal, JSON for scripts; both go to stdout only.</summary>
public sealed class TablesTests
{
    private readonly StringWriter _out = new();
    private readonly TestConsole _console = new();

    private ToolContext Context(bool terminal, TextWriter? err = null) => new()
    {
        Env = new EnvironmentVariables(new Dictionary<string, string>()),
        Out = _out,
        Status = new StderrStatus(err ?? new StringWriter(), false),
        Interaction = () => throw new InvalidOperationException("a listing asks nothing"),
        Gateways = (_, _) => throw new InvalidOperationException("a listing calls nothing"),
        Profiles = () => throw new InvalidOperationException("a listing reads no profile"),
        StdoutIsTerminal = terminal,
        StdoutConsole = () => _console,
    };

    private readonly StringWriter _err = new();

    private ToolContext Terminal(int width)
    {
        _console.Profile.Width = width;
        return Context(terminal: true, _err);
    }

    private static readonly string[] Headers = ["name", "id"];
    private static readonly string[][] Rows = [["prod [main]", "111111111111"], ["dev", "222222222222"]];

    [Fact]
    public async Task A_terminal_gets_a_table_with_markup_shown_as_text()
    {
        await Tables.WriteAsync(Context(terminal: true), json: false, Headers, Rows, "no names", default);

        _console.Output.ShouldContain("prod [main]");
        _console.Output.ShouldContain("222222222222");
        _out.ToString().ShouldBeEmpty();
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public async Task A_pipe_or_json_gets_an_array_of_objects(bool terminal, bool json)
    {
        await Tables.WriteAsync(Context(terminal), json, Headers, Rows, "no names", default);

        using var doc = JsonDocument.Parse(_out.ToString());
        doc.RootElement.GetArrayLength().ShouldBe(2);
        doc.RootElement[0].GetProperty("name").GetString().ShouldBe("prod [main]");
        doc.RootElement[1].GetProperty("id").GetString().ShouldBe("222222222222");
        _console.Output.ShouldBeEmpty();
    }

    [Fact]
    public async Task One_record_is_one_object_for_scripts_and_a_two_column_table_on_a_terminal()
    {
        await Tables.WriteRecordAsync(Context(terminal: false), json: false, [("account", "111111111111"), ("arn", "arn:aws:iam::111111111111:user/a")], default);
        await Tables.WriteRecordAsync(Context(terminal: true), json: false, [("account", "111111111111")], default);

        JsonDocument.Parse(_out.ToString()).RootElement.GetProperty("arn").GetString().ShouldBe("arn:aws:iam::111111111111:user/a");
        _console.Output.ShouldContain("account");
        _console.Output.ShouldContain("111111111111");
    }

    [Fact]
    public async Task A_table_of_long_arns_fits_80_columns_with_each_cell_on_one_line_shortened_in_the_middle()
    {
        string[] headers = ["profile", "kind", "identity", "access_key_id", "expiration", "left"];
        string[][] rows =
        [
            ["default", "role", "role:arn:aws:iam::123456789012:role/team/platform/OrganizationAccountAccessRole", "ASIA…WXYZ", "2026-12-02T14:05:00Z", "59m"],
            ["default", "mfa", "mfa:arn:aws:iam::123456789012:mfa/alice", "ASIA…ABCD", "2026-12-02T21:00:00Z", "7h55m"],
        ];

        await Tables.WriteAsync(Terminal(80), json: false, headers, rows, "no cached sessions", default);

        var lines = _console.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.ShouldAllBe(l => l.TrimEnd().Length <= 80);
        lines.Length.ShouldBe(6); // top border, header, separator, two rows, bottom border: nothing wrapped
        _console.Output.ShouldContain("role:ar");
        _console.Output.ShouldContain("ssRole");
        _console.Output.ShouldContain("2026-12-02 14:05Z", customMessage: _console.Output); // times to the minute, with their zone, never cut
        _console.Output.ShouldContain("…");
    }

    [Theory]
    [InlineData("arn:aws:iam::123456789012:role/OrganizationAccountAccessRole", 21, "arn:aws:ia…AccessRole")]
    [InlineData("short", 21, "short")]
    public void Middle_keeps_both_ends(string text, int width, string expected)
    {
        Tables.Middle(text, width).ShouldBe(expected);
        Tables.Middle(text, width).Length.ShouldBeLessThanOrEqualTo(width);
    }

    [Fact]
    public async Task An_empty_listing_says_so_on_stderr_instead_of_an_empty_frame_and_is_an_empty_array_for_scripts()
    {
        await Tables.WriteAsync(Terminal(80), json: false, Headers, [], "no cached sessions", default);
        await Tables.WriteAsync(Context(terminal: false), json: false, Headers, [], "no cached sessions", default);

        _err.ToString().ShouldBe("aws-session: no cached sessions" + Environment.NewLine);
        _console.Output.ShouldBeEmpty();
        _out.ToString().Trim().ShouldBe("[]");
    }

    [Fact]
    public async Task A_yes_no_column_is_a_json_boolean()
    {
        await Tables.WriteAsync(Context(terminal: false), json: true, ["serial_number", "default"], [["arn:a", "yes"], ["arn:b", ""]], "none", default,
            booleans: ["default"]);

        using var doc = JsonDocument.Parse(_out.ToString());
        doc.RootElement[0].GetProperty("default").ValueKind.ShouldBe(JsonValueKind.True);
        doc.RootElement[1].GetProperty("default").ValueKind.ShouldBe(JsonValueKind.False);
        doc.RootElement[0].GetProperty("serial_number").GetString().ShouldBe("arn:a");
    }
}
