using AwsSession.Prompts;
using Spectre.Console.Testing;

namespace AwsSession.Tests.Unit.Prompts;

/// <summary>The MFA prompt on the stderr console: Ctrl-D cancels, an empty Enter says what is wanted.</summary>
public sealed class TerminalMfaPromptTests
{
    private readonly TestConsole _console = new TestConsole().Interactive();

    private SpectreInteraction Prompt => new(() => _console, canPrompt: true);

    [Fact]
    public void Ctrl_D_cancels_the_prompt()
    {
        _console.Input.PushText("12");
        _console.Input.PushKey(new ConsoleKeyInfo('\x04', ConsoleKey.D, false, false, true));

        Should.Throw<OperationCanceledException>(() => Prompt.AskMfaCode("arn:aws:iam::1:mfa/alice", 1));
    }

    [Fact]
    public void An_empty_enter_says_why_it_asks_again()
    {
        _console.Input.PushKey(ConsoleKey.Enter);
        _console.Input.PushTextWithEnter("123456");

        Prompt.AskMfaCode("arn:aws:iam::1:mfa/alice", 1).ShouldBe("123456");
        _console.Output.ShouldContain(MfaCodes.EmptyAnswer);
        _console.Output.Split("MFA code for").Length.ShouldBe(3);
    }

    [Fact]
    public void Backspace_takes_back_a_typed_digit()
    {
        _console.Input.PushText("1234567");
        _console.Input.PushKey(ConsoleKey.Backspace);
        _console.Input.PushKey(ConsoleKey.Enter);

        Prompt.AskMfaCode("dev", 2).ShouldBe("123456");
        _console.Output.ShouldContain("(try 2)");
    }
}
