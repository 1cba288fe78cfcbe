using AwsSession.Tests.Integration.Fixtures;

namespace AwsSession.Tests.Integration.Mfa;

/// <summary>The MFA prompt in a real terminal (tmux): `eval "$(aws-session)"` in bash, the code typed by hand.</summary>
[Collection(MotoCollection.Name)]
public sealed class MfaPromptTests(MotoServer moto) : ProxiedToolTests(moto)
{
    private const string Script = """eval "$(aws-session --no-cache)" && aws sts get-caller-identity --query Arn --output text && echo "EVAL-OK token=${AWS_SESSION_TOKEN:+set}" """;

    [Trait("Category", "Smoke")]
    [Fact]
    public async Task The_code_typed_at_the_prompt_makes_a_session_that_eval_loads()
    {
        await using var term = await TmuxTerminal.StartAsync($"bash --norc --noprofile -c '{Script}'", Tool.Environment);

        await term.WaitForTextAsync("MFA code for");
        await term.TypeAsync("123456");
        await term.SendKeysAsync("Enter");

        var screen = await term.WaitForTextAsync("EVAL-OK");
        screen.ShouldContain("token=set");
        screen.ShouldContain(Moto.Seed.Devices[0]);
        (await term.WaitForExitAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_wrong_code_is_asked_again_and_a_right_one_then_works()
    {
        Proxy.AcceptOnlyMfaCode("999999");
        await using var term = await TmuxTerminal.StartAsync($"bash --norc --noprofile -c '{Script}'", Tool.Environment);

        await term.WaitForTextAsync("MFA code for");
        await term.TypeAsync("111111");
        await term.SendKeysAsync("Enter");
        await term.WaitForTextAsync("MFA code for", count: 2);
        await term.TypeAsync("999999");
        await term.SendKeysAsync("Enter");

        var screen = await term.WaitForTextAsync("EVAL-OK");
        screen.ShouldContain("wrong MFA code, try again (2/3)");
        (await term.WaitForExitAsync()).ShouldBe(0);
        Proxy.Calls("GetSessionToken").ShouldBe(2);
    }

    [Fact]
    public async Task Three_wrong_codes_stop_with_a_clear_message_and_exit_1()
    {
        Proxy.AcceptOnlyMfaCode("999999");
        await using var term = await TmuxTerminal.StartAsync("aws-session --no-cache > out.txt", Tool.Environment);

        for (var i = 1; i <= 3; i++)
        {
            await term.WaitForTextAsync("MFA code for", count: i);
            await term.TypeAsync("11111" + i);
            await term.SendKeysAsync("Enter");
        }

        var exit = await term.WaitForExitAsync();
        var screen = await term.ScreenAsync();
        exit.ShouldBe(1, screen);
        screen.ShouldContain("aws-session: MFA code rejected 3 times; giving up");
        Proxy.Calls("GetSessionToken").ShouldBe(3);
        File.ReadAllText(Path.Combine(Tool.Home, "out.txt")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_malformed_code_is_asked_again_without_calling_AWS()
    {
        await using var term = await TmuxTerminal.StartAsync("aws-session --no-cache --debug > out.txt", Tool.Environment);

        await term.WaitForTextAsync("MFA code for");
        await term.TypeAsync("12ab");
        await term.SendKeysAsync("Enter");
        await term.WaitForTextAsync("6 digits");
        Proxy.Calls("GetSessionToken").ShouldBe(0);
        await term.TypeAsync("123456");
        await term.SendKeysAsync("Enter");

        (await term.WaitForExitAsync()).ShouldBe(0, await term.ScreenAsync() + string.Join(',', Proxy.Log));
        File.ReadAllText(Path.Combine(Tool.Home, "out.txt")).ShouldContain("AWS_SESSION_TOKEN");
    }

    [Fact]
    public async Task Ctrl_D_at_the_prompt_cancels_with_exit_130_and_nothing_on_stdout()
    {
        await using var term = await TmuxTerminal.StartAsync("aws-session --no-cache > out.txt", Tool.Environment);

        await term.WaitForTextAsync("MFA code for");
        await term.TypeAsync("12");
        await term.SendKeysAsync("C-d");

        (await term.WaitForExitAsync()).ShouldBe(130, await term.ScreenAsync());
        (await term.ScreenAsync()).ShouldContain("aws-session: cancelled");
        Proxy.Calls("GetSessionToken").ShouldBe(0);
        File.ReadAllText(Path.Combine(Tool.Home, "out.txt")).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_empty_enter_says_why_the_code_is_asked_again()
    {
        await using var term = await TmuxTerminal.StartAsync("aws-session --no-cache > out.txt", Tool.Environment);

        await term.WaitForTextAsync("MFA code for");
        await term.SendKeysAsync("Enter");
        await term.WaitForTextAsync("Ctrl-D cancels");
        await term.WaitForTextAsync("MFA code for", count: 2);
        await term.TypeAsync("123456");
        await term.SendKeysAsync("Enter");

        (await term.WaitForExitAsync()).ShouldBe(0, await term.ScreenAsync());
        Proxy.Calls("GetSessionToken").ShouldBe(1);
    }

    [Fact]
    public async Task With_stdin_piped_the_code_is_asked_on_the_controlling_terminal()
    {
        // The command reads the pipe; the person answers on /dev/tty, which stdin no longer is.
        await using var term = await TmuxTerminal.StartAsync(
            """echo piped-data | aws-session exec --no-cache -- sh -c 'cat; echo "token=${AWS_SESSION_TOKEN:+set}"' > out.txt""", Tool.Environment);

        await term.WaitForTextAsync("MFA code for");
        await term.TypeAsync("123456");
        await term.SendKeysAsync("Enter");

        (await term.WaitForExitAsync()).ShouldBe(0, await term.ScreenAsync());
        var output = File.ReadAllText(Path.Combine(Tool.Home, "out.txt"));
        output.ShouldContain("piped-data");
        output.ShouldContain("token=set");
    }

    [Fact]
    public async Task With_stdin_piped_Ctrl_D_on_the_controlling_terminal_cancels()
    {
        await using var term = await TmuxTerminal.StartAsync("echo piped-data | aws-session exec --no-cache -- cat > out.txt", Tool.Environment);

        await term.WaitForTextAsync("MFA code for");
        await term.SendKeysAsync("C-d");

        (await term.WaitForExitAsync()).ShouldBe(130, await term.ScreenAsync());
        Proxy.Calls("GetSessionToken").ShouldBe(0);
        File.ReadAllText(Path.Combine(Tool.Home, "out.txt")).ShouldBeEmpty();
    }
}
