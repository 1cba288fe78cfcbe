using AwsSession.Application;
using AwsSession.Config;
using AwsSession.Logging;
using AwsSession.Prompts;

namespace AwsSession.Tests.Unit.Tools;

/// <summary>credential-process asks PromptChannel.DevTty; the context must hand out the terminal interaction then.</summary>
public sealed class PromptChannelTests
{
    private static ToolContext Context(IInteraction stderr, IInteraction? tty = null)
    {
        var context = new ToolContext
        {
            Env = new EnvironmentVariables(new Dictionary<string, string>()),
            Out = new StringWriter(),
            Status = new StderrStatus(new StringWriter(), false),
            Interaction = () => stderr,
            Gateways = _ => throw new InvalidOperationException("no AWS in this test"),
            Profiles = () => throw new InvalidOperationException("no profiles in this test"),
        };
        return tty is null ? context : new ToolContext
        {
            Env = context.Env, Out = context.Out, Status = context.Status, Interaction = context.Interaction,
            Gateways = context.Gateways, Profiles = context.Profiles, TtyInteraction = () => tty,
        };
    }

    [Fact]
    public void Each_channel_gets_its_own_interaction()
    {
        var stderr = new TtyInteraction(() => null);
        var tty = new TtyInteraction(() => null);
        var context = Context(stderr, tty);

        context.InteractionFor(PromptChannel.Stderr).ShouldBeSameAs(stderr);
        context.InteractionFor(PromptChannel.DevTty).ShouldBeSameAs(tty);
    }

    [Fact]
    public void A_context_without_a_terminal_interaction_cannot_prompt_on_dev_tty()
    {
        var context = Context(new TtyInteraction(() => new TtyStreams(new StringReader(""), new StringWriter())));

        context.InteractionFor(PromptChannel.DevTty).CanPrompt.ShouldBeFalse();
    }

    [Fact]
    public void Sessions_for_credential_process_never_use_the_stderr_prompt()
    {
        // The planner gets the interaction for the invocation's channel: a stderr prompt would be captured by the SDK.
        var stderrUsed = false;
        var context = new ToolContext
        {
            Env = new EnvironmentVariables(new Dictionary<string, string>()),
            Out = new StringWriter(),
            Status = new StderrStatus(new StringWriter(), false),
            Interaction = () => { stderrUsed = true; return new TtyInteraction(() => null); },
            Gateways = _ => throw new InvalidOperationException(),
            Profiles = () => throw new InvalidOperationException(),
        };
        var invocation = new Invocation(new MfaMode(), new SessionOptions { Prompts = PromptChannel.DevTty, NoCache = true });

        new SessionService(context).Planner(invocation, Config());

        stderrUsed.ShouldBeFalse();
    }

    private static ResolvedConfig Config() => new()
    {
        ProfileName = "default",
        Base = new BaseCredentials(new Domain.AwsCredentials("AKIAEXAMPLEEXAMPLE", "secret"), "environment", "default"),
    };
}
