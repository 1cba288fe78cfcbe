using AwsSession.Tests.Integration.Fixtures;

namespace AwsSession.Tests.Integration.Exec;

/// <summary>
/// exec in a real terminal (tmux): the child owns the terminal, and ^C reaches it once while aws-session waits.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class ExecTerminalTests(MotoServer moto) : IDisposable
{
    private readonly AwsSessionProcess _tool = new(moto.Url, moto.Seed);

    [Fact]
    public async Task The_child_sees_a_terminal_on_stdin_and_stdout()
    {
        var script = await ScriptAsync("""if test -t 0 && test -t 1; then echo "TTY:yes"; else echo "TTY:no"; fi; exit 5""");
        await using var terminal = await TmuxTerminal.StartAsync($"aws-session exec -t 123456 -- sh {script}", _tool.Environment);

        var exit = await terminal.WaitForExitAsync();

        var screen = await terminal.ScreenAsync();
        exit.ShouldBe(5, screen);
        screen.ShouldContain("TTY:yes");
    }

    [Fact]
    public async Task Ctrl_C_reaches_the_child_once_and_aws_session_waits_for_it()
    {
        var log = Path.Combine(_tool.Home, "interrupts");
        var script = await ScriptAsync($$"""
            n=0
            trap 'n=$((n+1)); echo "INT$n" >> {{log}}' INT
            echo READY
            i=0
            while [ "$i" -lt 30 ]; do sleep 0.1; i=$((i+1)); done
            echo DONE
            exit 4
            """);
        await using var terminal = await TmuxTerminal.StartAsync($"aws-session exec -t 123456 -- bash {script}", _tool.Environment);
        await terminal.WaitForTextAsync("READY");

        await terminal.SendKeysAsync("C-c");

        var exit = await terminal.WaitForExitAsync();
        var screen = await terminal.ScreenAsync();
        screen.ShouldContain("DONE", Case.Sensitive, "aws-session did not die of the ^C; the child finished its work");
        exit.ShouldBe(4, screen);
        (await File.ReadAllTextAsync(log)).Trim().ShouldBe("INT1", "the child got the ^C exactly once (not forwarded a second time)");
    }

    private async Task<string> ScriptAsync(string body)
    {
        var path = Path.Combine(_tool.Home, $"child-{Guid.NewGuid():N}.sh");
        await File.WriteAllTextAsync(path, body + "\n");
        return path;
    }

    public void Dispose() => _tool.Dispose();
}
