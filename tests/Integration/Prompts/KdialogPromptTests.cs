using AwsSession.Tests.Integration.Fixtures;

namespace AwsSession.Tests.Integration.Prompts;

/// <summary>The real kdialog on a private Xvfb display, chosen with --prompt and typed into with xdotool; no terminal.</summary>
[Collection(MotoCollection.Name)]
public sealed class KdialogPromptTests(MotoServer moto) : ProxiedToolTests(moto)
{
    // KDE appends the program's name to the title: "aws-session — KDialog"; xdotool's regex matches nothing past the
    // dash here, so only the start is matched.
    private const string Window = "^aws-session";

    [Fact]
    public async Task The_real_kdialog_asks_and_the_typed_code_makes_the_session()
    {
        await using var x = await XvfbDisplay.StartAsync();
        var run = Detached(x, "--no-cache", "--prompt", "kdialog");

        await x.WaitForWindowAsync(Window, run);
        await x.TypeAsync("707070");
        await x.KeyAsync("Return");

        var r = await run;
        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stdout.ShouldContain("AWS_SESSION_TOKEN");
        Proxy.Calls("GetSessionToken").ShouldBe(1);
    }

    [Fact]
    public async Task Cancel_in_the_real_kdialog_exits_130()
    {
        await using var x = await XvfbDisplay.StartAsync();
        var run = Detached(x, "--no-cache", "--prompt", "kdialog");

        await x.WaitForWindowAsync(Window, run);
        await x.KeyAsync("Escape");

        var r = await run;
        r.ExitCode.ShouldBe(130, r.ToString());
        r.Stdout.ShouldBeEmpty();
        Proxy.Calls("GetSessionToken").ShouldBe(0);
    }

    private Task<ProcessResult> Detached(XvfbDisplay x, params string[] args)
    {
        var env = new Dictionary<string, string>(Tool.Environment) { ["DISPLAY"] = x.Display, ["QT_QPA_PLATFORM"] = "xcb" };
        return ProcessRunner.RunAsync("setsid", ["-w", Repo.Binary, .. args], env, timeout: TimeSpan.FromSeconds(60), workingDirectory: Tool.Home);
    }
}
