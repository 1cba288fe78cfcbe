using AwsSession.Application;
using AwsSession.Cli.Commands;
using AwsSession.Cli.Completion;
using AwsSession.Config;
using AwsSession.Domain;

namespace AwsSession.Tests.Unit.Completion;

public sealed class CompletionTests
{
    private static CompletionModel Model() =>
        CompletionModel.From(RootCommandFactory.Create(_ => throw new InvalidOperationException("not run"), []));

    [Fact]
    public void The_completion_model_follows_the_command_tree()
    {
        var model = Model();

        var paths = model.Nodes.Select(n => n.Path).ToList();
        paths.ShouldContain("");
        paths.ShouldContain("/exec/pose");
        paths.ShouldContain("/credential-process/mfa");
        paths.ShouldContain("/console/pose");
        model.Nodes.Single(n => n.Path == "").Commands.ShouldContain("whoami");
        model.Nodes.Single(n => n.Path == "/console/pose").Words.ShouldContain("--print");
        model.Nodes.Single(n => n.Path == "/exec/pose").Words.ShouldContain("--session-name");
        model.Nodes.Single(n => n.Path == "/completion").Words.ShouldContain("fish");
    }

    [Theory]
    [InlineData("/devices", "--json --profile --region")]
    [InlineData("/sessions", "--json")]
    [InlineData("/clear", "--profile")]
    [InlineData("/completion", "")]
    [InlineData("/login", "--profile --sso-session --use-device-code")]
    [InlineData("/exec", "--server --profile --region --duration --mfa-token --mfa-process --prompt --no-cache --min-ttl --use-device-code")]
    [InlineData("/pose", "--session-name --external-id --accounts-ttl --profile --region --duration --mfa-token --mfa-process --prompt --no-cache --min-ttl --use-device-code --shell")]
    public void Each_command_lists_only_the_options_it_takes(string path, string expected)
    {
        var command = path.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Aggregate((System.CommandLine.Command)RootCommandFactory.Create(_ => throw new InvalidOperationException("not run"), []),
                (c, name) => c.Subcommands.Single(s => s.Name == name));
        var own = command.Options.Where(o => o is not System.CommandLine.Help.HelpOption).Select(o => o.Name);

        string.Join(' ', own).ShouldBe(expected);
    }

    [Fact]
    public void Value_options_are_known_and_flags_are_not()
    {
        var model = Model();

        model.ValueOptions.ShouldContain("--profile");
        model.ValueOptions.ShouldContain("-t");
        model.ValueOptions.ShouldNotContain("--debug");
        model.ValueOptions.ShouldNotContain("--help");
        model.OptionValues["--shell"].ShouldContain("json");
        model.ProfileOptions.ShouldBe(["--profile"]);
        model.SsoSessionOptions.ShouldBe(["--sso-session"]);
        model.Nodes.SelectMany(n => n.Words).ShouldNotContain("-?");
    }

    [Theory]
    [InlineData("bash")]
    [InlineData("zsh")]
    [InlineData("fish")]
    [InlineData("pwsh")]
    public void Scripts_name_the_profile_option_and_the_shell_values(string shell)
    {
        var model = Model();
        var script = shell switch
        {
            "bash" => BashCompletion.Render(model),
            "zsh" => ZshCompletion.Render(model),
            "fish" => FishCompletion.Render(model),
            _ => PwshCompletion.Render(model),
        };

        script.ShouldContain("--profile");
        script.ShouldContain("pwsh");
        script.ShouldContain("credential-process");
    }
}
