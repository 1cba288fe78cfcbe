using AwsSession.Prompts;

namespace AwsSession.Tests.Unit.Prompts;

public sealed class BoundedResultTests
{
    [Theory]
    [InlineData("WARNING: PC/SC not available. Smart card protocols will not function.\nError: No YubiKey detected!\n", "Error: No YubiKey detected!")]
    [InlineData("Traceback (most recent call last):\n  File \"x.py\", line 1, in <module>\nValueError: bad device\n", "ValueError: bad device")]
    [InlineData("error: unknown option --x\nusage: tool [--y]\n", "error: unknown option --x")]
    [InlineData("warning: cache is old\nno token for alice\nsee the log\n", "no token for alice")]
    [InlineData("\n  cannot reach the vault  \n", "cannot reach the vault")]
    [InlineData("warning: only a warning\n", "warning: only a warning")]
    public void The_reason_is_the_last_line_naming_an_error_else_the_first_that_is_not_a_warning(string stderr, string expected) =>
        new BoundedResult(1, "", stderr).StderrReason.ShouldBe(expected);

    [Fact]
    public void Without_stderr_there_is_no_reason() => new BoundedResult(1, "", "\n \n").StderrReason.ShouldBeNull();

    [Fact]
    public void The_reason_is_outside_text_made_printable() =>
        new BoundedResult(1, "", "Error: \e[31mred\e[0m\n").StderrReason!.ShouldNotContain("\e");
}
