using AwsSession.Application;
using AwsSession.Config;
using AwsSession.Logging;
using AwsSession.Domain;
using AwsSession.Prompts;
using AwsSession.Tests.Unit.Fakes;

namespace AwsSession.Tests.Unit.Application;

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
            Gateways = (_, _) => throw new InvalidOperationException("no AWS in this test"),
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
        var stderr = new ScriptedInteraction(true);
        var tty = new TtyInteraction(() => null);
        var context = Context(stderr, tty);

        context.InteractionFor(PromptChannel.Stderr).ShouldBeSameAs(stderr);
        context.InteractionFor(PromptChannel.DevTty).ShouldBeSameAs(tty);
    }

    [Fact]
    public void Without_a_terminal_on_stdin_and_stderr_the_controlling_terminal_is_asked()
    {
        // `echo data | aws-session exec -- cat`: stdin is a pipe, /dev/tty is still the person's terminal.
        var tty = new TtyInteraction(() => null);
        var context = Context(new ScriptedInteraction(false), tty);

        context.InteractionFor(PromptChannel.Stderr).ShouldBeSameAs(tty);
    }

    [Fact]
    public void A_context_without_a_terminal_interaction_cannot_prompt_on_dev_tty()
    {
        var context = Context(new TtyInteraction(() => new TtyStreams(new StringReader(""), new StringWriter())));

        context.InteractionFor(PromptChannel.DevTty).CanPrompt.ShouldBeFalse();
    }

    [Fact]
    public async Task Sessions_for_credential_process_never_use_the_stderr_prompt()
    {
        // The MFA code is asked on the invocation's channel: a stderr prompt would be captured by the SDK.
        var stderrUsed = false;
        var gateways = new FakeAws(new FakeSts(), new FakeIam([]));
        var context = new ToolContext
        {
            Env = Env.Of(("AWS_ACCESS_KEY_ID", "AKIAEXAMPLEEXAMPLE"), ("AWS_SECRET_ACCESS_KEY", "secret")),
            Out = new StringWriter(),
            Status = new StderrStatus(new StringWriter(), false),
            Interaction = () => { stderrUsed = true; return new ScriptedInteraction(true, "123456"); },
            TtyInteraction = () => new ScriptedInteraction(false),
            Gateways = (_, _) => gateways,
            Profiles = () => new FakeProfiles(),
        };
        var invocation = new Invocation(new MfaMode("arn:aws:iam::123456789012:mfa/alice"), new SessionOptions { Prompts = PromptChannel.DevTty, NoCache = true });

        var e = await Should.ThrowAsync<AwsSessionException>(() => new SessionService(context).GetAsync(invocation, default));

        e.Message.ShouldContain("there is no terminal to ask on");
        stderrUsed.ShouldBeFalse();
        ((FakeSts)gateways.Sts).Codes.ShouldBeEmpty();
    }
}
