using AwsSession.Tests.Integration.Fixtures;

namespace AwsSession.Tests.Integration.Reliability;

/// <summary>A closed or unwritable stderr never aborts the tool; a closed or full stdout is exit 1 with one line.</summary>
[Collection(MotoCollection.Name)]
public sealed class OutputStreamTests(MotoServer moto) : ProxiedToolTests(moto)
{
    private string Account => Moto.Seed.Accounts[0].Id;

    [Fact]
    public async Task With_stderr_closed_the_exports_still_reach_stdout_and_the_exit_code_is_zero()
    {
        var r = await Tool.ShellAsync($"aws-session pose {Account} -t 123456 --shell json 2>&-");

        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stdout.ShouldContain("AWS_SESSION_TOKEN");
    }

    [Fact]
    public async Task With_stderr_closed_a_failure_keeps_its_exit_code()
    {
        var r = await Tool.ShellAsync("aws-session pose --bogus 2>&-; echo \"status $?\"");

        r.Stdout.ShouldBe("status 2\n", r.ToString());
    }

    [Fact]
    public async Task With_stderr_on_a_full_device_exec_still_runs_the_child()
    {
        var r = await Tool.ShellAsync($"aws-session exec pose {Account} -t 123456 -- sh -c 'echo child ran; exit 5' 2>/dev/full");

        r.ExitCode.ShouldBe(5, r.ToString());
        r.Stdout.ShouldBe("child ran\n");
    }

    [Theory]
    [InlineData(">/dev/full", "No space left on device")]
    [InlineData(">&-", "cannot write to stdout")]
    public async Task A_closed_or_full_stdout_is_exit_1_with_one_line(string redirect, string reason)
    {
        var r = await Tool.ShellAsync($"aws-session -t 123456 --no-cache {redirect}");

        r.ExitCode.ShouldBe(1, r.ToString());
        r.StderrLines.ShouldHaveSingleItem().ShouldStartWith("aws-session: cannot write to stdout");
        r.Stderr.ShouldContain(reason);
    }
}
