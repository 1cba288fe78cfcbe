using AwsSession.Domain;
using AwsSession.Prompts;

namespace AwsSession.Tests.Unit.Prompts;

public sealed class TtyInteractionTests
{
    private readonly StringWriter _screen = new();

    private TtyInteraction Typing(string keys) => new(() => new TtyStreams(new StringReader(keys), _screen));

    [Fact]
    public void Asks_again_on_a_malformed_code_and_returns_the_valid_one()
    {
        var code = Typing("12\nabcdef\n 123456 \n").AskMfaCode("arn:aws:iam::1:mfa/alice", 1);

        code.ShouldBe("123456");
        _screen.ToString().Split("MFA code for arn:aws:iam::1:mfa/alice").Length.ShouldBe(4);
        _screen.ToString().ShouldContain("6 digits");
    }

    [Fact]
    public void A_retry_says_which_try_it_is()
    {
        Typing("654321\n").AskMfaCode("dev", 2);

        _screen.ToString().ShouldContain("(try 2)");
    }

    [Fact]
    public void Ctrl_D_at_the_prompt_cancels()
    {
        // In the terminal's canonical mode, Ctrl-D on an empty line is the end of input: ReadLine's null.
        Should.Throw<OperationCanceledException>(() => Typing("").AskMfaCode("dev", 1));
    }

    [Fact]
    public void An_empty_line_says_why_it_asks_again()
    {
        Typing("\n123456\n").AskMfaCode("dev", 1).ShouldBe("123456");

        _screen.ToString().ShouldContain(MfaCodes.EmptyAnswer);
    }

    [Theory]
    [InlineData("\n", "a")]
    [InlineData("2\n", "b")]
    [InlineData("9\nx\n3\n", "c")]
    public void Pick_is_a_numbered_list_with_the_first_as_default(string keys, string expected)
    {
        Typing(keys).Pick("Which?", ["a", "b", "c"], s => [s]).ShouldBe(expected);

        _screen.ToString().ShouldContain("  3) c");
    }

    [Fact]
    public void Without_a_terminal_it_cannot_prompt_and_says_so()
    {
        var opened = 0;
        var none = new TtyInteraction(() => { opened++; return null; });

        none.CanPrompt.ShouldBeFalse();
        none.CanPrompt.ShouldBeFalse();
        opened.ShouldBe(1);
        Should.Throw<AwsSessionException>(() => none.AskMfaCode("dev", 1)).Message.ShouldContain("no terminal");
    }

    [Fact]
    public void Opening_is_deferred_until_a_prompt_is_needed()
    {
        var opened = false;
        _ = new TtyInteraction(() => { opened = true; return null; });

        opened.ShouldBeFalse();
    }

    [Fact]
    public async Task Progress_runs_the_work_silently()
    {
        (await Typing("").WithProgressAsync("Listing", p => { p.Report(3); return Task.FromResult(7); })).ShouldBe(7);
        _screen.ToString().ShouldBeEmpty();
    }
}
