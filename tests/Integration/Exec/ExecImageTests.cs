using AwsSession.Tests.Integration.Fixtures;

namespace AwsSession.Tests.Integration.Exec;

/// <summary>
/// Plain `exec` becomes the command (execve): same pid, argv[0] as typed, and the signal state and descriptors
/// it would have had if the shell had started it. Each case compares with the command run directly.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class ExecImageTests(MotoServer moto) : IDisposable
{
    private readonly AwsSessionProcess _tool = new(moto.Url, moto.Seed);

    [Trait("Category", "Smoke")]
    [Fact]
    public async Task The_command_keeps_aws_sessions_pid()
    {
        var r = await _tool.ShellAsync("""
            aws-session exec -t 123456 -- sh -c 'echo "child=$$"' &
            echo "started=$!"
            wait
            """);

        var lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        var started = lines.Single(l => l.StartsWith("started=", StringComparison.Ordinal))["started=".Length..];
        lines.ShouldContain($"child={started}", r.ToString());
    }

    [Fact]
    public async Task A_signal_sent_to_that_pid_is_the_commands_own()
    {
        var ready = Path.Combine(_tool.Home, "ready");
        var r = await _tool.ShellAsync($"""
            aws-session exec -t 123456 -- sh -c "trap 'exit 42' USR1; touch {ready}; while :; do sleep 0.1; done" &
            pid=$!
            for i in $(seq 1 300); do [ -e {ready} ] && break; sleep 0.1; done
            kill -USR1 $pid
            wait $pid
            echo "status=$?"
            """);

        r.Stdout.ShouldContain("status=42", Case.Sensitive, r.ToString());
    }

    [Trait("Category", "Smoke")]
    [Fact]
    public async Task The_command_sees_the_word_typed_as_argv0()
    {
        var r = await _tool.RunAsync("exec", "-t", "123456", "--", "sh", "-c", "echo $0");

        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stdout.ShouldBe("sh\n");
    }

    [Fact]
    public async Task An_executable_script_without_a_shebang_runs_under_bin_sh()
    {
        var script = Path.Combine(_tool.Home, "plain-script");
        await File.WriteAllTextAsync(script, "echo \"ran with [$1]\"\nexit 6\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserExecute);

        var r = await _tool.RunAsync("exec", "-t", "123456", "--", script, "an arg");

        r.ExitCode.ShouldBe(6, r.ToString());
        r.Stdout.ShouldBe("ran with [an arg]\n");
        r.StderrLines.ShouldHaveSingleItem().ShouldContain("MFA session for"); // aws-session's one note, nothing else
    }

    [Fact]
    public async Task A_dangling_symlink_is_not_found_by_path_and_by_name()
    {
        var link = Path.Combine(_tool.BinDir, "dangling-tool");
        File.CreateSymbolicLink(link, Path.Combine(_tool.Home, "gone"));

        var byPath = await _tool.RunAsync("exec", "--", link);
        var byName = await _tool.RunAsync("exec", "--", "dangling-tool");

        byPath.ExitCode.ShouldBe(127, byPath.ToString());
        byPath.StderrLines.ShouldBe([$"aws-session: command not found: {link}"]);
        byName.ExitCode.ShouldBe(127, byName.ToString());
        byName.StderrLines.ShouldBe(["aws-session: command not found: dangling-tool"]);
    }

    /// <summary>SIGPIPE aside: the runtime ignores it before Main, so the command always gets it default, like a shell's.</summary>
    [Trait("Category", "Smoke")]
    [Theory]
    [InlineData("--default-signal")]
    [InlineData("--default-signal --ignore-signal=HUP --ignore-signal=INT --block-signal=USR2")]
    public async Task The_command_gets_the_signal_dispositions_and_mask_aws_session_was_given(string setup)
    {
        const string Show = "grep -E '^Sig(Ign|Blk)' /proc/self/status";

        var r = await _tool.ShellAsync($"""
            env {setup} {Show}
            echo ---
            env {setup} aws-session exec -t 123456 -- {Show}
            """);

        var parts = r.Stdout.Split("---\n");
        parts.Length.ShouldBe(2, r.ToString());
        parts[1].ShouldBe(parts[0], r.ToString());
    }

    [Fact]
    public async Task The_command_gets_the_descriptors_aws_session_was_given_and_no_others()
    {
        var data = Path.Combine(_tool.Home, "fd3");
        await File.WriteAllTextAsync(data, "from fd 3\n");

        var r = await _tool.ShellAsync($"""
            ls /proc/self/fd 3<{data} | sort -n | tr '\n' ' '
            echo
            aws-session exec -t 123456 -- sh -c 'ls /proc/self/fd | sort -n | tr "\n" " "; echo; cat <&3' 3<{data}
            """);

        var lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        lines.Count.ShouldBe(3, r.ToString());
        lines[1].ShouldBe(lines[0], "the runtime's own descriptors are closed at exec, inherited ones kept");
        lines[2].ShouldBe("from fd 3");
    }

    public void Dispose() => _tool.Dispose();
}
