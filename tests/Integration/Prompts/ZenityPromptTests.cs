using AwsSession.Tests.Integration.Fixtures;

namespace AwsSession.Tests.Integration.Prompts;

/// <summary>
/// The MFA prompt as a dialog, with the real zenity on a private Xvfb display, typed into with xdotool. aws-session
/// runs as under an IDE: no controlling terminal (setsid), stdin not a terminal, DISPLAY set; it picks zenity itself.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class ZenityPromptTests(MotoServer moto) : ProxiedToolTests(moto)
{
    [Fact]
    public async Task Without_a_terminal_the_real_zenity_asks_and_the_typed_code_makes_the_session()
    {
        await using var x = await XvfbDisplay.StartAsync();
        var run = Detached(x, "--no-cache", "--debug");

        await x.WaitForWindowAsync("^aws-session$", run);
        await x.TypeAsync("505050");
        await x.KeyAsync("Return");

        var r = await run;
        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stdout.ShouldContain("AWS_SESSION_TOKEN");
        r.Stderr.ShouldContain("MFA prompt: zenity (no terminal; a display, and zenity on PATH)");
        r.Stderr.ShouldNotContain("505050");
        Proxy.Calls("GetSessionToken").ShouldBe(1);
    }

    [Fact]
    public async Task Cancel_in_the_real_zenity_dialog_exits_130_with_nothing_on_stdout()
    {
        await using var x = await XvfbDisplay.StartAsync();
        var run = Detached(x, "credential-process", "--no-cache");

        await x.WaitForWindowAsync("^aws-session$", run);
        await x.KeyAsync("Escape");

        var r = await run;
        r.ExitCode.ShouldBe(130, r.ToString());
        r.Stdout.ShouldBeEmpty();
        r.Stderr.ShouldContain("aws-session: cancelled");
        Proxy.Calls("GetSessionToken").ShouldBe(0);
    }

    [Fact]
    public async Task The_prompt_flag_opens_zenity_even_when_a_malformed_answer_needs_a_second_dialog()
    {
        await using var x = await XvfbDisplay.StartAsync();
        var run = Detached(x, "--no-cache", "--prompt", "zenity");

        var first = await x.WaitForWindowAsync("^aws-session$", run);
        await x.TypeAsync("12ab");
        await x.KeyAsync("Return");
        await x.WaitForWindowAsync("^aws-session$", run, notPid: first);
        await x.TypeAsync("654321");
        await x.KeyAsync("Return");

        var r = await run;
        r.ExitCode.ShouldBe(0, r.ToString());
        Proxy.Calls("GetSessionToken").ShouldBe(1);
    }

    /// <summary>As an IDE runs it: a new session (no /dev/tty), stdin closed, a display; GTK's accessibility bus left out.</summary>
    private Task<ProcessResult> Detached(XvfbDisplay x, params string[] args)
    {
        var env = new Dictionary<string, string>(Tool.Environment) { ["DISPLAY"] = x.Display, ["NO_AT_BRIDGE"] = "1" };
        return ProcessRunner.RunAsync("setsid", ["-w", Repo.Binary, .. args], env, timeout: TimeSpan.FromSeconds(60), workingDirectory: Tool.Home);
    }
}
