using AwsSession.Application;
using AwsSession.Config;
using AwsSession.Domain;
using AwsSession.Prompts;

namespace AwsSession.Tests.Unit.Credentials;

/// <summary>`exec --server` renewing in the background: no prompt, no second use of -t, a message that says when and what to do.</summary>
public class RenewalCodeTests
{
    private static readonly MfaDevice Device = new("arn:aws:iam::123456789012:mfa/alice");

    [Fact]
    public async Task Without_mfa_process_a_new_mfa_session_fails_saying_when_the_last_ended_and_how_to_get_a_longer_one()
    {
        var end = new DateTimeOffset(2020, 5, 6, 7, 8, 9, TimeSpan.Zero);

        var e = await Should.ThrowAsync<AwsSessionException>(async () => await new NoCodeInBackground(() => end).GetCodeAsync(Device, 1, default));

        e.Message.ShouldBe("the MFA session is valid until 2020-05-06 07:08:09Z only, and a new one needs an MFA code, which exec --server does not ask for while the command runs");
        e.Hint!.ShouldContain("-d");
        e.Hint!.ShouldContain("mfa_process");
    }

    [Fact]
    public void The_background_channel_never_prompts()
    {
        var context = new ToolContext
        {
            Env = new EnvironmentVariables(new Dictionary<string, string>()),
            Out = TextWriter.Null,
            Status = new Fakes.RecordingStatus(),
            Interaction = () => throw new InvalidOperationException("the terminal must not be used"),
            Gateways = (_, _) => throw new InvalidOperationException(),
            Profiles = () => throw new InvalidOperationException(),
        };

        context.InteractionFor(PromptChannel.None).CanPrompt.ShouldBeFalse();
    }
}
