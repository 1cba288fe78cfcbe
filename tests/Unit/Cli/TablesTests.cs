using System.Text.Json;
using AwsSession.Application;
using AwsSession.Cli.Commands;
using AwsSession.Config;
using AwsSession.Logging;
using Spectre.Console.Testing;

namespace AwsSession.Tests.Unit.Cli;

/// <summary>Listings: a table on a terminal, JSON for scripts; both go to stdout only.</summary>
public sealed class TablesTests
{
    private readonly StringWriter _out = new();
    private readonly TestConsole _console = new();

    private ToolContext Context(bool terminal) => new()
    {
        Env = new EnvironmentVariables(new Dictionary<string, string>()),
        Out = _out,
        Status = new StderrStatus(new StringWriter(), false),
        Interaction = () => throw new InvalidOperationException("a listing asks nothing"),
        Gateways = _ => throw new InvalidOperationException("a listing calls nothing"),
        Profiles = () => throw new InvalidOperationException("a listing reads no profile"),
        StdoutIsTerminal = terminal,
        StdoutConsole = () => _console,
    };

    private static readonly string[] Headers = ["name", "id"];
    private static readonly string[][] Rows = [["prod [main]", "111111111111"], ["dev", "222222222222"]];

    [Fact]
    public async Task A_terminal_gets_a_table_with_markup_shown_as_text()
    {
        await Tables.WriteAsync(Context(terminal: true), json: false, Headers, Rows, default);

        _console.Output.ShouldContain("prod [main]");
        _console.Output.ShouldContain("222222222222");
        _out.ToString().ShouldBeEmpty();
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public async Task A_pipe_or_json_gets_an_array_of_objects(bool terminal, bool json)
    {
        await Tables.WriteAsync(Context(terminal), json, Headers, Rows, default);

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
}
