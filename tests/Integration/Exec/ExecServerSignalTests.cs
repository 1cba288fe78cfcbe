using AwsSession.Tests.Integration.Fixtures;

namespace AwsSession.Tests.Integration.Exec;

/// <summary>
/// `exec --server` keeps aws-session as the waiting parent, so a signal whose default would kill it must not leave
/// the child orphaned: the ones people send are forwarded, SIGXCPU/SIGXFSZ (about aws-session's own limits) ignored.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class ExecServerSignalTests(MotoServer moto) : IDisposable
{
    private readonly AwsSessionProcess _tool = new(moto.Url, moto.Seed);

    [Theory]
    [InlineData("USR1")]
    [InlineData("USR2")]
    [InlineData("ALRM")]
    [InlineData("VTALRM")]
    [InlineData("PROF")]
    [InlineData("PWR")]
    [InlineData("IO")]
    public async Task A_signal_that_would_kill_aws_session_reaches_the_child_and_aws_session_waits(string signal)
    {
        var r = await RunAsync($"kill -{signal} $pid", childTraps: signal, childExit: 42);

        r.Stdout.ShouldContain("status=42", Case.Sensitive, r.ToString());
        (await File.ReadAllTextAsync(Path.Combine(_tool.Home, "seen"))).Trim().ShouldBe(signal);
    }

    [Theory]
    [InlineData("XCPU")]
    [InlineData("XFSZ")]
    public async Task A_resource_limit_signal_is_ignored_and_aws_session_stays_with_its_child(string signal)
    {
        var r = await RunAsync($"kill -{signal} $pid; sleep 0.5; kill -0 $pid && echo alive; kill -TERM $pid", childTraps: "TERM", childExit: 43);

        r.Stdout.ShouldContain("alive", Case.Sensitive, r.ToString());
        r.Stdout.ShouldContain("status=43", Case.Sensitive, r.ToString());
    }

    private Task<ProcessResult> RunAsync(string send, string childTraps, int childExit)
    {
        var seen = Path.Combine(_tool.Home, "seen");
        var ready = Path.Combine(_tool.Home, "ready");
        var child = $"trap 'echo {childTraps} > {seen}; exit {childExit}' {childTraps}; touch {ready}; while :; do sleep 0.1; done";
        return _tool.ShellAsync($"""
            aws-session exec --server -t 123456 -- bash -c "{child}" &
            pid=$!
            for i in $(seq 1 300); do [ -e {ready} ] && break; sleep 0.1; done
            {send}
            wait $pid
            echo "status=$?"
            """);
    }

    public void Dispose() => _tool.Dispose();
}
