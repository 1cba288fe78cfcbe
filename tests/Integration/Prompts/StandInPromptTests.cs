using AwsSession.Tests.Integration.Fixtures;

namespace AwsSession.Tests.Integration.Prompts;

/// <summary>
/// The MFA code from ykman and from an osascript dialog. Neither a YubiKey nor macOS is here, so both run against
/// stand-ins (Prompts/StandIns/ykman and osascript; the real ykman's failure without a key is <see cref="YkmanTests"/>) that keep the real programs' command-line contract: the argv
/// aws-session gives, stdout for the code, ykman's "Touch your YubiKey..." on stderr, osascript's -128 on Cancel.
/// zenity and kdialog are tested for real (<see cref="ZenityPromptTests"/>, <see cref="KdialogPromptTests"/>). aws-session runs with no terminal (setsid, stdin closed).
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class StandInPromptTests : ProxiedToolTests
{
    private static readonly string StandIns = Path.Combine(Repo.Root, "tests", "Integration", "Prompts", "StandIns");
    private readonly string _argv;

    public StandInPromptTests(MotoServer moto) : base(moto)
    {
        _argv = Path.Combine(Tool.Home, "argv.log");
        Tool.Set("PATH", StandIns + ":" + Tool.Environment["PATH"])
            .Set("YKMAN_STANDIN_ARGV", _argv).Set("YKMAN_STANDIN_ACCOUNTS", Path.Combine(Tool.Home, "ykman.accounts"))
            .Set("YKMAN_STANDIN_TOUCH", Path.Combine(Tool.Home, "touched"))
            .Set("OSASCRIPT_STANDIN_ARGV", _argv).Set("OSASCRIPT_STANDIN_ANSWERS", Path.Combine(Tool.Home, "answers"));
    }

    private string Device => Moto.Seed.Devices[0];

    private string DeviceName => Device[(Device.LastIndexOf('/') + 1)..];

    [Fact]
    public async Task Ykman_stand_in_gives_the_code_of_the_account_named_like_the_device()
    {
        File.WriteAllText(Path.Combine(Tool.Home, "ykman.accounts"), $"{DeviceName}\t135790\nother\t000000\n");
        Tool.Set("AWS_SESSION_PROMPT", "ykman");

        var r = await Detached("--no-cache", "mfa", Device);

        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stdout.ShouldContain("AWS_SESSION_TOKEN");
        r.Stderr.ShouldNotContain("135790");
        File.ReadAllText(_argv).ShouldBe($"oath accounts code --single {DeviceName}\n");
        Proxy.Calls("GetSessionToken").ShouldBe(1);
    }

    [Fact]
    public async Task Ykman_stand_in_waiting_for_a_touch_is_relayed_as_a_notice_and_the_account_comes_from_the_profile()
    {
        Tool.WriteAwsFiles("[default]\nmfa_prompt = ykman\nmfa_ykman_account = Amazon Web Services:alice\n");
        File.WriteAllText(Path.Combine(Tool.Home, "ykman.accounts"), "Amazon Web Services:alice\t246802\ttouch\n");
        var run = Detached("--no-cache", "mfa", Device);

        // The touch comes once the stand-in has started and is waiting.
        for (var i = 0; i < 300 && !File.Exists(_argv); i++)
            await Task.Delay(100);
        File.WriteAllText(Path.Combine(Tool.Home, "touched"), "");

        var r = await run;
        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stderr.ShouldContain("aws-session: touch your YubiKey (OATH account Amazon Web Services:alice)");
        File.ReadAllText(_argv).ShouldBe("oath accounts code --single Amazon Web Services:alice\n");
        Proxy.Calls("GetSessionToken").ShouldBe(1);
    }

    [Fact]
    public async Task Ykman_stand_in_without_the_account_fails_with_its_error_and_no_AWS_call()
    {
        File.WriteAllText(Path.Combine(Tool.Home, "ykman.accounts"), "other\t000000\n");

        var r = await Detached("--no-cache", "--prompt", "ykman", "mfa", Device);

        r.ExitCode.ShouldBe(1, r.ToString());
        r.Stdout.ShouldBeEmpty();
        r.StderrLines.ShouldHaveSingleItem().ShouldBe("aws-session: ykman exited with code 1; Error: No matching account found.");
        Proxy.Calls("GetSessionToken").ShouldBe(0);
    }

    [Fact]
    public async Task Osascript_stand_in_dialog_asks_again_after_a_malformed_answer()
    {
        File.WriteAllText(Path.Combine(Tool.Home, "answers"), "12ab\n246810\n");

        var r = await Detached("--no-cache", "--prompt", "osascript", "mfa", Device);

        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stdout.ShouldContain("AWS_SESSION_TOKEN");
        var calls = File.ReadAllLines(_argv);
        calls.Length.ShouldBe(2);
        calls[0].ShouldContain($"display dialog \"MFA code for {Device}\" default answer \"\"");
        calls[1].ShouldContain("an MFA code is 6 digits");
        Proxy.Calls("GetSessionToken").ShouldBe(1);
    }

    [Fact]
    public async Task Osascript_stand_in_cancel_exits_130_with_nothing_on_stdout()
    {
        File.WriteAllText(Path.Combine(Tool.Home, "answers"), "CANCEL\n");

        var r = await Detached("credential-process", "--no-cache", "--prompt", "osascript", "mfa", Device);

        r.ExitCode.ShouldBe(130, r.ToString());
        r.Stdout.ShouldBeEmpty();
        r.Stderr.ShouldContain("aws-session: cancelled");
        Proxy.Calls("GetSessionToken").ShouldBe(0);
    }
}
