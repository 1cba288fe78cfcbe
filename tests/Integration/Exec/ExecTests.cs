using AwsSession.Tests.Integration.Fixtures;

namespace AwsSession.Tests.Integration.Exec;

/// <summary>`aws-session exec ... -- CMD`: the child runs as if started directly, with the session in its environment.</summary>
[Collection(MotoCollection.Name)]
public sealed class ExecTests(MotoServer moto) : IDisposable
{
    private readonly AwsSessionProcess _tool = new(moto.Url, moto.Seed);

    [Fact]
    public async Task The_aws_cli_as_the_child_uses_the_session()
    {
        var r = await _tool.RunAsync("exec", "-t", "123456", "--", "aws", "sts", "get-caller-identity", "--output", "text", "--query", "Arn");

        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stdout.ShouldStartWith("arn:aws:");
    }

    [Fact]
    public async Task A_role_session_reaches_the_aws_cli()
    {
        var account = moto.Seed.Accounts[0];

        var r = await _tool.RunAsync("exec", "pose", account.Id, "-t", "123456", "--", "aws", "sts", "get-caller-identity", "--output", "text", "--query", "Arn");

        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stdout.ShouldContain($"{account.Id}:assumed-role/OrganizationAccountAccessRole/");
    }

    [Trait("Category", "Smoke")]
    [Theory]
    [InlineData("exit 0", 0)]
    [InlineData("exit 7", 7)]
    [InlineData("kill -9 $$", 137)]
    [InlineData("kill -TERM $$", 143)]
    public async Task The_exit_status_is_the_childs_and_128_plus_N_for_signal_N(string script, int expected)
    {
        var r = await _tool.RunAsync("exec", "-t", "123456", "--", "sh", "-c", script);

        r.ExitCode.ShouldBe(expected, r.ToString());
        r.StderrLines.ShouldHaveSingleItem().ShouldContain("MFA session for"); // aws-session's one note, nothing else
    }

    [Fact]
    public async Task A_command_that_is_not_found_is_127_with_one_line_and_no_aws_call()
    {
        var r = await _tool.RunAsync("exec", "--", "no-such-command-4711", "arg");

        r.ExitCode.ShouldBe(127, r.ToString());
        r.StderrLines.ShouldBe(["aws-session: command not found: no-such-command-4711"]);
        Directory.EnumerateFileSystemEntries(_tool.CacheHome).ShouldBeEmpty("no session was made (no MFA prompt) for a typo");
    }

    [Fact]
    public async Task A_file_that_is_not_executable_is_126()
    {
        var file = Path.Combine(_tool.Home, "notes.txt");
        await File.WriteAllTextAsync(file, "echo hi\n");

        var r = await _tool.RunAsync("exec", "-t", "123456", "--", file);

        r.ExitCode.ShouldBe(126, r.ToString());
        r.StderrLines.ShouldHaveSingleItem().ShouldStartWith("aws-session: cannot execute");
    }

    [Fact]
    public async Task A_directory_is_126()
    {
        var r = await _tool.RunAsync("exec", "-t", "123456", "--", _tool.Home);

        r.ExitCode.ShouldBe(126, r.ToString());
        r.StderrLines.ShouldHaveSingleItem().ShouldContain("is a directory");
    }

    [Fact]
    public async Task A_program_in_the_current_directory_is_not_taken_for_one_in_PATH()
    {
        var shadow = Path.Combine(_tool.Home, "true");
        await File.WriteAllTextAsync(shadow, "#!/bin/sh\necho SHADOW\nexit 9\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(shadow, UnixFileMode.UserRead | UnixFileMode.UserExecute);

        var r = await _tool.RunAsync("exec", "-t", "123456", "--", "true"); // runs with HOME as its working directory

        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stdout.ShouldNotContain("SHADOW");
    }

    [Fact]
    public async Task Everything_after_the_double_dash_reaches_the_child_untouched()
    {
        var r = await _tool.RunAsync("exec", "-t", "123456", "--", "printf", "[%s]", "-t", "--profile", "x", "--", "--debug", "pose", "", "a b");

        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stdout.ShouldBe("[-t][--profile][x][--][--debug][pose][][a b]");
    }

    [Fact]
    public async Task Words_after_the_double_dash_never_fill_pose_arguments()
    {
        var account = moto.Seed.Accounts[0];

        var r = await _tool.RunAsync("exec", "pose", account.Id, "-t", "123456", "--", "sh", "-c", "echo $AWS_SESSION_IDENTITY");

        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stdout.ShouldContain("role/OrganizationAccountAccessRole");
    }

    [Fact]
    public async Task Stdin_reaches_the_child()
    {
        var r = await _tool.RunAsync(["exec", "-t", "123456", "--", "sh", "-c", "read a; read b; echo \"<$a|$b>\""], stdin: "first line\nsecond\n");

        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stdout.ShouldBe("<first line|second>\n");
    }

    [Fact]
    public async Task A_pipe_in_the_child_ends_quietly_as_in_a_shell()
    {
        var r = await _tool.RunAsync("exec", "-t", "123456", "--", "sh", "-c", "yes | head -n 1");

        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stderr.ShouldNotContain("Broken pipe");
    }

    [Fact]
    public async Task Double_dash_with_nothing_after_it_is_a_usage_error()
    {
        var r = await _tool.RunAsync("exec", "-t", "123456", "--");

        r.ExitCode.ShouldBe(2, r.ToString());
        r.StderrLines.ShouldHaveSingleItem().ShouldContain("nothing to run after --");
    }

    [Fact]
    public async Task A_command_without_the_double_dash_is_a_usage_error()
    {
        var r = await _tool.RunAsync("exec", "-t", "123456", "mfa", "arn:aws:iam::123456789012:mfa/alice", "ls");

        r.ExitCode.ShouldBe(2, r.ToString());
    }

    [Fact]
    public async Task Without_a_command_it_runs_SHELL()
    {
        _tool.Set("SHELL", "/bin/sh");

        var r = await _tool.RunAsync(["exec", "-t", "123456"], stdin: "echo \"shell has ${AWS_SESSION_TOKEN:+a token}\"; exit 3\n");

        r.ExitCode.ShouldBe(3, r.ToString());
        r.Stdout.ShouldBe("shell has a token\n");
    }

    [Fact]
    public async Task The_environment_loses_stale_settings_and_gains_the_session()
    {
        _tool.WriteAwsFiles("[profile base]\nregion = eu-central-1\n", $"[base]\naws_access_key_id = {moto.Seed.AccessKeyId}\naws_secret_access_key = {moto.Seed.SecretAccessKey}\n");
        _tool.Unset("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_REGION")
            .Set("AWS_PROFILE", "base").Set("AWS_DEFAULT_PROFILE", "base").Set("AWS_SDK_LOAD_CONFIG", "1")
            .Set("AWS_CREDENTIAL_FILE", "/nonexistent").Set("AWS_CREDENTIAL_EXPIRATION", "2001-01-01T00:00:00Z").Set("MY_OWN_SETTING", "kept");

        var r = await _tool.RunAsync("exec", "-t", "123456", "--", "env");

        r.ExitCode.ShouldBe(0, r.ToString());
        var env = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        foreach (var name in new[] { "AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_SDK_LOAD_CONFIG", "AWS_CREDENTIAL_FILE", "AWS_SECURITY_TOKEN" })
            env.ShouldNotContainKey(name);
        env["AWS_ACCESS_KEY_ID"].ShouldNotBe(moto.Seed.AccessKeyId);
        env["AWS_SECRET_ACCESS_KEY"].ShouldNotBe(moto.Seed.SecretAccessKey);
        env["AWS_SESSION_TOKEN"].ShouldNotBeNullOrEmpty();
        env["AWS_CREDENTIAL_EXPIRATION"].ShouldMatch(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$");
        env["AWS_CREDENTIAL_EXPIRATION"].ShouldNotBe("2001-01-01T00:00:00Z");
        env["AWS_REGION"].ShouldBe("eu-central-1");
        env["AWS_DEFAULT_REGION"].ShouldBe("eu-central-1");
        env["AWS_SESSION_IDENTITY"].ShouldStartWith("mfa:arn:aws:iam::");
        env["MY_OWN_SETTING"].ShouldBe("kept");
    }

    [Trait("Category", "Smoke")]
    [Theory]
    [InlineData("TERM", 143)]
    [InlineData("HUP", 129)]
    public async Task A_signal_sent_to_aws_session_reaches_the_child_and_aws_session_waits_for_it(string signal, int expected)
    {
        var seen = Path.Combine(_tool.Home, "seen");
        var ready = Path.Combine(_tool.Home, "ready");
        var child = $"trap 'echo {signal} > {seen}; exit {expected}' {signal}; touch {ready}; while :; do sleep 0.1; done";

        var r = await _tool.ShellAsync($"""
            aws-session exec -t 123456 -- sh -c "{child}" &
            pid=$!
            for i in $(seq 1 300); do [ -e {ready} ] && break; sleep 0.1; done
            kill -{signal} $pid
            wait $pid
            echo "status=$?"
            """);

        r.Stdout.ShouldContain($"status={expected}", Case.Sensitive, r.ToString());
        (await File.ReadAllTextAsync(seen)).Trim().ShouldBe(signal);
    }

    [Fact]
    public async Task No_secret_appears_on_any_command_line_while_the_child_runs()
    {
        var dir = _tool.Home;
        var r = await _tool.RunAsync("exec", "-t", "123456", "--", "sh", "-c",
            $"printf '%s\\n%s\\n' \"$AWS_SECRET_ACCESS_KEY\" \"$AWS_SESSION_TOKEN\" > {dir}/secrets; " +
            $"for f in /proc/[0-9]*/cmdline; do tr '\\0' ' ' < $f 2>/dev/null; echo; done > {dir}/cmdlines");

        r.ExitCode.ShouldBe(0, r.ToString());
        var cmdlines = await File.ReadAllTextAsync(Path.Combine(dir, "cmdlines"));
        cmdlines.ShouldContain("sh -c printf", Case.Sensitive, "the scan saw the command (aws-session became it)");
        var secrets = (await File.ReadAllLinesAsync(Path.Combine(dir, "secrets"))).Where(s => s.Length > 0).Append(moto.Seed.SecretAccessKey).ToList();
        secrets.Count.ShouldBe(3);
        foreach (var secret in secrets)
            cmdlines.ShouldNotContain(secret);
    }

    public void Dispose() => _tool.Dispose();
}
