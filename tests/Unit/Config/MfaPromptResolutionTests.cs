using AwsSession.Config;
using AwsSession.Domain;
using AwsSession.Tests.Unit.Fakes;

namespace AwsSession.Tests.Unit.Config;

/// <summary>The MFA prompt: --prompt, then AWS_SESSION_PROMPT, then the profile's mfa_prompt, else the automatic choice (null).</summary>
public sealed class MfaPromptResolutionTests
{
    private static readonly ProfileSettings Dev = new("default")
    {
        AccessKeyId = "AKIADEFAULT000000000", SecretAccessKey = "s", MfaPrompt = "kdialog", MfaYkmanAccount = "AWS:alice",
    };

    private static ResolvedConfig Resolve(EnvironmentVariables env, SessionOptions? options = null, params ProfileSettings[] profiles) =>
        new ConfigResolver(env, new FakeProfiles(profiles.Length == 0 ? [Dev] : profiles)).Resolve(new Invocation(new MfaMode(), options ?? new SessionOptions()));

    [Fact]
    public void The_flag_wins_then_the_variable_then_the_profile()
    {
        Resolve(Env.Of((MfaPrompts.Variable, "zenity")), new SessionOptions { Prompt = MfaPrompt.Ykman }).MfaPrompt.ShouldBe(MfaPrompt.Ykman);
        Resolve(Env.Of((MfaPrompts.Variable, "zenity"))).MfaPrompt.ShouldBe(MfaPrompt.Zenity);
        Resolve(Env.Of()).MfaPrompt.ShouldBe(MfaPrompt.Kdialog);
        Resolve(Env.Of(), null, Dev with { MfaPrompt = null }).MfaPrompt.ShouldBeNull();
    }

    [Fact]
    public void The_ykman_account_comes_from_the_profile()
    {
        Resolve(Env.Of()).YkmanAccount.ShouldBe("AWS:alice");
    }

    [Fact]
    public void A_role_profile_takes_the_prompt_from_its_source_profile_unless_it_names_one()
    {
        var role = new ProfileSettings("role") { RoleArn = "arn:aws:iam::1:role/r", SourceProfile = "default" };

        Resolve(Env.Of(), new SessionOptions { Profile = "role" }, Dev, role).MfaPrompt.ShouldBe(MfaPrompt.Kdialog);
        Resolve(Env.Of(), new SessionOptions { Profile = "role" }, Dev, role with { MfaPrompt = "osascript" }).MfaPrompt.ShouldBe(MfaPrompt.Osascript);
    }

    [Fact]
    public void An_unknown_prompt_is_a_usage_error_naming_where_it_was_read()
    {
        Should.Throw<UsageException>(() => Resolve(Env.Of((MfaPrompts.Variable, "dmenu")))).Message.ShouldBe("AWS_SESSION_PROMPT: unknown prompt 'dmenu'");
        Should.Throw<UsageException>(() => Resolve(Env.Of(), null, Dev with { MfaPrompt = "gui" })).Message.ShouldBe("profile 'default': mfa_prompt: unknown prompt 'gui'");
    }
}
