using AwsSession.Config;
using AwsSession.Domain;
using AwsSession.Logging;
using AwsSession.Prompts;
using AwsSession.Tests.Unit.Fakes;

namespace AwsSession.Tests.Unit.Prompts;

/// <summary>The automatic choice of the MFA prompt, and the dialog and ykman sources against tiny stand-in programs.</summary>
public sealed class PromptSourcesTests : IDisposable
{
    private static readonly MfaDevice Device = new("arn:aws:iam::123456789012:mfa/alice");
    private readonly string _bin = Directory.CreateTempSubdirectory("aws-session-prompts-").FullName;
    private readonly StringWriter _stderr = new();

    public void Dispose() => Directory.Delete(_bin, recursive: true);

    private static (MfaPrompt?, string) Auto(bool terminal, bool mac, (string, string)[] env, params string[] installed) =>
        PromptSources.Automatic(terminal, Env.Of(env), mac, installed.Contains);

    [Fact]
    public void A_terminal_is_always_the_first_choice() =>
        Auto(true, false, [("DISPLAY", ":0")], "zenity").Item1.ShouldBe(MfaPrompt.Terminal);

    [Fact]
    public void Without_a_terminal_a_display_gets_zenity_then_kdialog()
    {
        Auto(false, false, [("DISPLAY", ":0")], "zenity", "kdialog").Item1.ShouldBe(MfaPrompt.Zenity);
        Auto(false, false, [("WAYLAND_DISPLAY", "wayland-0")], "kdialog").Item1.ShouldBe(MfaPrompt.Kdialog);
        Auto(false, false, [("DISPLAY", ":0")]).ShouldBe((null, "no terminal; a display, but neither zenity nor kdialog on PATH"));
    }

    [Fact]
    public void Without_a_terminal_or_a_display_nothing_can_ask() =>
        Auto(false, false, [], "zenity").ShouldBe((null, "no terminal, and no display (DISPLAY and WAYLAND_DISPLAY are unset)"));

    [Fact]
    public void On_macOS_it_is_osascript() =>
        Auto(false, true, [], "osascript").Item1.ShouldBe(MfaPrompt.Osascript);

    [Fact]
    public async Task The_automatic_choice_is_made_when_a_code_is_needed_and_said_in_debug()
    {
        Script("zenity", "echo 123456");
        var source = new AutomaticCode(new ScriptedInteraction(false), Env.Of(("DISPLAY", ":9"), ("PATH", _bin), ("HOME", _bin)), new StderrStatus(_stderr, true));

        _stderr.ToString().ShouldBeEmpty();
        (await source.GetCodeAsync(Device, 1, default)).ShouldBe("123456");
        _stderr.ToString().ShouldContain("MFA prompt: zenity (no terminal; a display, and zenity on PATH)");
    }

    [Fact]
    public async Task A_dialog_gets_an_argv_and_its_answer_is_the_code()
    {
        Script("zenity", """printf '%s\n' "$@" > args; echo ' 654321 '""");

        (await new ZenityCode(Home()).GetCodeAsync(Device, 1, default)).ShouldBe("654321");
        File.ReadAllLines(Path.Combine(_bin, "args")).ShouldBe(["--entry", "--title=aws-session", "--text=MFA code for " + Device.SerialNumber]);
    }

    [Fact]
    public async Task A_malformed_answer_opens_the_dialog_again_saying_why()
    {
        Script("kdialog", """if [ -e asked ]; then echo 111222; else touch asked; echo 12ab; fi; printf '%s\n' "$4" >> texts""");

        (await new KdialogCode(Home()).GetCodeAsync(Device, 1, default)).ShouldBe("111222");
        File.ReadAllText(Path.Combine(_bin, "texts")).ShouldContain(MfaCodes.Malformed);
    }

    [Fact]
    public async Task Cancel_in_the_dialog_is_a_cancellation()
    {
        Script("zenity", "exit 1");

        await Should.ThrowAsync<OperationCanceledException>(async () => await new ZenityCode(Home()).GetCodeAsync(Device, 1, default));
    }

    [Fact]
    public async Task Osascript_cancels_only_on_error_minus_128()
    {
        Script("osascript", "echo 'execution error: User canceled. (-128)' >&2; exit 1");
        await Should.ThrowAsync<OperationCanceledException>(async () => await new OsascriptCode(Home()).GetCodeAsync(Device, 1, default));

        Script("osascript", "echo 'syntax error: 123456 (-2741)' >&2; exit 1");
        var e = await Should.ThrowAsync<AwsSessionException>(async () => await new OsascriptCode(Home()).GetCodeAsync(Device, 1, default));
        e.Message.ShouldBe("osascript exited with code 1");
    }

    [Fact]
    public async Task A_missing_program_is_one_line_naming_it()
    {
        var e = await Should.ThrowAsync<AwsSessionException>(async () => await new ZenityCode(Home()).GetCodeAsync(Device, 1, default));

        e.Message.ShouldBe("the MFA prompt zenity is not installed (not found on PATH)");
    }

    [Fact]
    public async Task Ykman_reads_the_named_account_and_relays_the_touch_request()
    {
        Script("ykman", """printf '%s\n' "$@" > args; echo 'Touch your YubiKey...' >&2; echo 246810""");

        (await new YkmanCode(Home(), new StderrStatus(_stderr, false), null).GetCodeAsync(Device, 1, default)).ShouldBe("246810");
        File.ReadAllLines(Path.Combine(_bin, "args")).ShouldBe(["oath", "accounts", "code", "--single", "alice"]);
        _stderr.ToString().ShouldContain("touch your YubiKey");
    }

    [Fact]
    public void The_ykman_account_is_configured_or_the_devices_name()
    {
        YkmanCode.Account("AWS:alice@1", Device).ShouldBe("AWS:alice@1");
        YkmanCode.Account(null, Device).ShouldBe("alice");
        YkmanCode.Account(null, new MfaDevice("GAHT12345678")).ShouldBe("GAHT12345678");
    }

    private EnvironmentVariables Home() => Env.Of(("PATH", _bin), ("HOME", _bin));

    private void Script(string name, string body)
    {
        var path = Path.Combine(_bin, name);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
