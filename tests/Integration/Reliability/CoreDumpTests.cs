using AwsSession.Tests.Integration.Fixtures;

namespace AwsSession.Tests.Integration.Reliability;

/// <summary>
/// aws-session holds long-lived keys in memory: killed by a signal that dumps core, even with `ulimit -c unlimited`,
/// it writes no core file. Its child gets the core limit back. (SIGTRAP makes the .NET runtime abort with SIGABRT; the
/// runtime swallows SIGABRT, SIGSEGV, SIGBUS and SIGILL sent by kill, so those cannot stand in for a crash here.) The kernel's core_pattern must name a plain file ("core"
/// on this kind of machine) for a core file to appear in the working directory at all; the test checks that first.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class CoreDumpTests(MotoServer moto) : IDisposable
{
    private readonly AwsSessionProcess _tool = new(moto.Url, moto.Seed);

    [Theory]
    [InlineData("TRAP")]
    [InlineData("SYS")]
    public async Task A_crash_writes_no_core_file_and_the_child_keeps_its_core_limit(string signal)
    {
        var pattern = (await File.ReadAllTextAsync("/proc/sys/kernel/core_pattern")).Trim();
        pattern.ShouldNotStartWith("|", customMessage: "core_pattern pipes cores to a handler: this test needs core files written to the working directory");
        var dir = Directory.CreateDirectory(Path.Combine(_tool.Home, "crash")).FullName;
        // The shell itself proves that the machine writes core files here, then runs aws-session the same way.
        var script = $$"""
            ulimit -c unlimited
            cd {{dir}}
            sh -c 'kill -{{signal}} $$'; ls core* >/dev/null 2>&1 && echo control=core; rm -f core*
            aws-session exec --server -t 123456 -- sh -c 'ulimit -c > child-limit; echo $$ > child; exec sleep 60' &
            pid=$!
            for i in $(seq 300); do [ -s child ] && break; sleep 0.1; done
            kill -{{signal}} $pid; wait $pid; echo "status=$?"
            kill "$(cat child)"
            ls core* 2>/dev/null | sed 's/^/file=/'
            echo "child-limit=$(cat child-limit)"
            """;

        var r = await _tool.ShellAsync(script, "bash", timeout: TimeSpan.FromSeconds(90));

        r.Stdout.ShouldContain("control=core", customMessage: "the machine wrote no core file for a plain shell: " + r);
        r.Stdout.ShouldNotContain("file=core", customMessage: r.ToString());
        r.Stdout.ShouldContain("child-limit=unlimited", customMessage: r.ToString());
        r.Stdout.ShouldNotContain("status=0", customMessage: r.ToString());
    }

    public void Dispose() => _tool.Dispose();
}
