using AwsSession.Config;
using AwsSession.Credentials;
using AwsSession.Domain;
using AwsSession.Prompts;
using AwsSession.Tests.Unit.Fakes;
using Spectre.Console.Testing;

namespace AwsSession.Tests.Unit.Credentials;

public sealed class MfaSessionSourceTests
{
    private const string Device = "arn:aws:iam::123456789012:mfa/alice";
    private static readonly BaseCredentials Keys = new(new AwsCredentials("AKIAEXAMPLE000000000", "secret"), "environment", "default");

    private readonly RecordingStatus _status = new();
    private readonly FakeSts _sts = new(acceptedCode: "999999");

    private MfaSessionSource Source(IMfaCodeSource codes, BaseCredentials? keys = null) =>
        new(new StaticSource(keys ?? Keys), new DeviceResolver(Device, new FakeIam([]), _sts, new ScriptedInteraction(false), _status), codes, _sts, TimeSpan.FromHours(12), _status);

    [Fact]
    public async Task A_wrong_code_is_asked_again_until_a_right_one()
    {
        var codes = new ScriptedCodes(canRetry: true, "111111", "999999");

        var session = await Source(codes).GetAsync(default);

        session.Kind.ShouldBe(SessionKind.Mfa);
        session.Identity.ShouldBe(SessionIdentity.Mfa(Device));
        session.UserName.ShouldBe("alice");
        _sts.Codes.ShouldBe(["111111", "999999"]);
        _status.Lines.ShouldContain("warn: wrong MFA code, try again (2/3)");
    }

    [Fact]
    public async Task Three_wrong_codes_give_up_with_a_clear_message()
    {
        var codes = new ScriptedCodes(canRetry: true, "111111", "222222", "333333", "999999");

        var e = await Should.ThrowAsync<AwsSessionException>(async () => await Source(codes).GetAsync(default));

        e.Message.ShouldBe("MFA code rejected 3 times; giving up");
        e.ExitCode.ShouldBe(1);
        codes.Asked.ShouldBe(MfaSessionSource.MaxTries);
        _sts.Codes.Count.ShouldBe(3);
    }

    [Fact]
    public async Task A_code_from_the_flag_is_not_asked_again()
    {
        var e = await Should.ThrowAsync<AwsSessionException>(async () => await Source(new FixedCode("111111")).GetAsync(default));

        e.Message.ShouldContain("the MFA code was rejected");
        _sts.Codes.ShouldBe(["111111"]);
    }

    [Fact]
    public async Task The_prompt_on_a_terminal_re_asks_after_a_rejection()
    {
        var console = new TestConsole().Interactive();
        console.Input.PushTextWithEnter("111111");
        console.Input.PushTextWithEnter("12ab");
        console.Input.PushTextWithEnter("999999");
        var interaction = new SpectreInteraction(() => console, canPrompt: true);

        var session = await Source(new PromptedCode(interaction)).GetAsync(default);

        session.Credentials.ShouldBe(FakeSts.Session);
        _sts.Codes.ShouldBe(["111111", "999999"]); // the malformed entry is re-asked by the prompt, never sent
        console.Output.ShouldContain("MFA code for");
        console.Output.ShouldContain("an MFA code is 6 digits");
    }

    [Fact]
    public async Task Without_a_terminal_the_prompt_names_the_flag()
    {
        var interaction = new SpectreInteraction(() => throw new InvalidOperationException("no console must be built"), canPrompt: false);

        var e = await Should.ThrowAsync<AwsSessionException>(async () => await Source(new PromptedCode(interaction)).GetAsync(default));

        e.Hint!.ShouldContain("--mfa-token");
        _sts.Codes.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_user_name_comes_from_the_callers_arn_not_the_devices_name()
    {
        var phone = new MfaSessionSource(new StaticSource(Keys),
            new DeviceResolver("arn:aws:iam::123456789012:mfa/alice-phone", new FakeIam([]), _sts, new ScriptedInteraction(false), _status),
            new ScriptedCodes(canRetry: false, "999999"), _sts, TimeSpan.FromHours(12), _status);

        var session = await phone.GetAsync(default);

        session.UserName.ShouldBe("alice");
        _sts.CallerIdentityCalls.ShouldBe(1);
    }
}
