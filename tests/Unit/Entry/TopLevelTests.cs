using AwsSession.Domain;
using AwsSession.Entry;

namespace AwsSession.Tests.Unit.Entry;

public sealed class TopLevelTests
{
    private readonly StringWriter _error = new() { NewLine = "\n" };

    [Fact]
    public async Task An_expected_failure_is_one_line_on_the_given_writer_and_its_exit_code()
    {
        var code = await TopLevel.RunAsync(() => throw new UsageException("no such profile"), debug: false, _error);

        code.ShouldBe(ExitCodes.Usage);
        _error.ToString().ShouldBe("aws-session: no such profile\n");
    }

    [Fact]
    public async Task An_unexpected_failure_says_so_without_a_trace_unless_debugging()
    {
        var code = await TopLevel.RunAsync(() => throw new InvalidOperationException("boom"), debug: false, _error);

        code.ShouldBe(ExitCodes.Failure);
        _error.ToString().ShouldStartWith("aws-session: unexpected error: ");
        _error.ToString().ShouldEndWith("(run with --debug for details)\n");
        _error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(1);
    }

    [Fact]
    public async Task A_run_that_succeeds_writes_nothing()
    {
        (await TopLevel.RunAsync(() => Task.FromResult(0), debug: false, _error)).ShouldBe(0);
        _error.ToString().ShouldBeEmpty();
    }
}
