using AwsSession.Application;
using AwsSession.Aws;
using AwsSession.Cli;
using AwsSession.Config;
using AwsSession.Prompts;
using Spectre.Console.Testing;
using AwsSession.Tests.Unit.Fakes;
using static AwsSession.Tests.Unit.Accounts.PoseFakes;

namespace AwsSession.Tests.Unit.Accounts;

/// <summary>Bad pose input exits 2 before anything is built that could call AWS; the Spectre picker searches.</summary>
public class PoseInputTests
{
    private static (ToolContext Context, Func<int> GatewayBuilds) Context()
    {
        var builds = 0;
        var context = new ToolContext
        {
            Env = new EnvironmentVariables(new Dictionary<string, string>
            {
                ["AWS_ACCESS_KEY_ID"] = Keys.AccessKeyId, ["AWS_SECRET_ACCESS_KEY"] = Keys.SecretAccessKey,
                ["HOME"] = "/nonexistent", ["AWS_SESSION_CACHE_DIR"] = "/nonexistent/cache",
            }),
            Out = new StringWriter(),
            Status = new RecordingStatus(),
            Interaction = () => new ScriptedInteraction(false),
            Gateways = (_, _) =>
            {
                builds++;
                throw new InvalidOperationException("no AWS call may happen for bad input");
            },
            Profiles = () => throw new InvalidOperationException("no profile needed"),
        };
        return (context, () => builds);
    }

    [Theory]
    [InlineData("pose", "prod", "--session-name", "x")]
    [InlineData("pose", "prod", "--session-name", "has space")]
    [InlineData("pose", "prod", "--external-id", "a b")]
    [InlineData("pose", "prod", "-d", "13h")]
    [InlineData("pose", "prod", "-d", "10m")]
    [InlineData("pose", "prod", "-d", "soon")]
    [InlineData("pose", "prod", "bad role!")]
    [InlineData("pose", "arn:aws:iam::1:role/X")]
    [InlineData("pose", "prod", "--accounts-ttl", "forever")]
    [InlineData("exec", "pose", "prod", "-d", "13h", "--", "true")]
    public async Task Bad_input_exits_2_before_any_call(params string[] args)
    {
        var (context, builds) = Context();
        (await App.RunAsync(args, _ => context)).ShouldBe(2);
        builds().ShouldBe(0);
    }

    [Fact]
    public void The_spectre_picker_filters_as_you_type_and_enter_chooses()
    {
        var console = new TestConsole().Interactive();
        console.Profile.Capabilities.Ansi = true;
        console.Input.PushText("stag");
        console.Input.PushKey(ConsoleKey.Enter);
        var accounts = Enumerable.Range(0, 1000).Select(i => Acct($"team-{i:D4}", $"{i:D12}")).Append(Acct("staging", "999999999999")).ToList();

        var picked = new SpectreInteraction(() => console, canPrompt: true).Pick("Which account?", accounts, a => [a.Name, a.Id, a.Email]);

        picked.Name.ShouldBe("staging");
        console.Output.ShouldContain("Which account?");
    }
}
