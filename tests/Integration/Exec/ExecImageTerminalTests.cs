using AwsSession.Tests.Integration.Fixtures;

namespace AwsSession.Tests.Integration.Exec;

/// <summary>Plain exec in a real terminal (tmux), after the code prompt read keys: the command gets the terminal as it was.</summary>
[Collection(MotoCollection.Name)]
public sealed class ExecImageTerminalTests(MotoServer moto) : IDisposable
{
    private readonly AwsSessionProcess _tool = new(moto.Url, moto.Seed);

    [Fact]
    public async Task After_the_code_prompt_the_command_gets_the_terminal_settings_it_would_have_had()
    {
        var before = Path.Combine(_tool.Home, "before");
        var after = Path.Combine(_tool.Home, "after");
        var script = Path.Combine(_tool.Home, "run.sh");
        await File.WriteAllTextAsync(script, $"""
            stty -a > {before}
            aws-session exec -- sh -c 'stty -a > {after}; echo CHILD-DONE'
            """);
        await using var terminal = await TmuxTerminal.StartAsync($"bash --norc --noprofile {script}", _tool.Environment);

        await terminal.WaitForTextAsync("MFA code for");
        await terminal.TypeAsync("123456");
        await terminal.SendKeysAsync("Enter");
        await terminal.WaitForTextAsync("CHILD-DONE");

        (await terminal.WaitForExitAsync()).ShouldBe(0, await terminal.ScreenAsync());
        (await File.ReadAllTextAsync(after)).ShouldBe(await File.ReadAllTextAsync(before), "echo, canonical mode and the rest as before the prompt");
    }

    public void Dispose() => _tool.Dispose();
}
