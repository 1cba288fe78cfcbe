using AwsSession.Tests.Integration.Fixtures;

namespace AwsSession.Tests.Integration.Tools;

/// <summary>
/// sandbox/run.sh for real: its own moto on a free port with its own state directory (two accounts, so seeding is
/// quick), stopped again when the test ends. The tool is the Release build the tests run, so no build is expected.
/// </summary>
public sealed class SandboxTests : IAsyncLifetime
{
    private static readonly string Script = Path.Combine(Repo.Root, "sandbox", "run.sh");
    private readonly List<Sandbox> _started = [];

    private sealed record Sandbox(int Port, string? State, Dictionary<string, string> Env)
    {
        /// <summary>Where run.sh keeps this sandbox's pids: the given directory, else its per-port default.</summary>
        public string StateDir => State ?? Path.Combine(Repo.Root, "sandbox", ".state", Port.ToString());

        public int? MotoPid => File.Exists(Path.Combine(StateDir, "moto.pid")) ? int.Parse(File.ReadAllText(Path.Combine(StateDir, "moto.pid")).Trim()) : null;
    }

    private Sandbox NewSandbox(bool ownState = true)
    {
        var port = Ports.Free();
        var state = ownState ? Path.Combine(Path.GetTempPath(), "aws-session-sandbox-" + Guid.NewGuid().ToString("N")[..12]) : null;
        var env = ProcessRunner.CleanEnvironment();
        env["AWS_SESSION_SANDBOX_PORT"] = port.ToString();
        env["AWS_SESSION_SANDBOX_ACCOUNTS"] = "2";
        if (state is not null)
            env["AWS_SESSION_SANDBOX_STATE"] = state;
        var s = new Sandbox(port, state, env);
        _started.Add(s);
        return s;
    }

    private static Task<ProcessResult> RunAsync(Sandbox s, params string[] args) =>
        ProcessRunner.RunAsync(Script, args, s.Env, timeout: TimeSpan.FromMinutes(3));

    private static Task<ProcessResult> BashAsync(Sandbox s, string script) =>
        ProcessRunner.RunAsync("bash", ["--norc", "--noprofile", "-c", script], s.Env, timeout: TimeSpan.FromMinutes(3));

    private static bool Alive(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        // A zombie still has its /proc entry; the state is the field after the parenthesised name.
        return File.Exists(stat) && File.ReadAllText(stat).Split(')')[^1].Trim()[0] != 'Z';
    }

    [Fact]
    public async Task A_ctrl_c_at_the_prompt_of_the_shell_that_started_moto_leaves_it_running()
    {
        var s = NewSandbox();
        var env = new Dictionary<string, string>(s.Env) { ["PS1"] = "$ " };
        // The interactive shell's own process group is the terminal's foreground group at its prompt: that is what a
        // ^C reaches, and where a moto started from `eval "$(sandbox/run.sh env)"` would sit without its own session.
        await using var terminal = await TmuxTerminal.StartAsync("bash --norc --noprofile -i", env, workingDirectory: Repo.Root);
        await terminal.TypeAsync("eval \"$(sandbox/run.sh env)\"; echo \"loaded $AWS_ACCESS_KEY_ID\"");
        await terminal.SendKeysAsync("Enter");
        var screen = await terminal.WaitForTextAsync("loaded AKIA", TimeSpan.FromMinutes(2));
        var pid = s.MotoPid ?? throw new InvalidOperationException("no moto.pid in " + s.StateDir + "\n" + screen);

        await terminal.SendKeysAsync("C-c");
        await terminal.TypeAsync("echo after-interrupt");
        await terminal.SendKeysAsync("Enter");
        await terminal.WaitForTextAsync("after-interrupt", 2);
        await Task.Delay(500);

        Alive(pid).ShouldBeTrue("moto died of the ^C");
        var again = await RunAsync(s, "env");
        again.ExitCode.ShouldBe(0, again.ToString());
        again.Stderr.ShouldNotContain("starting moto", Case.Sensitive, again.ToString());
        again.Stderr.ShouldNotContain("seeding", Case.Sensitive, again.ToString());
    }

    [Fact]
    public async Task Stop_waits_for_moto_to_exit_and_a_second_stop_says_nothing_was_running()
    {
        var s = NewSandbox();
        (await RunAsync(s, "env")).ExitCode.ShouldBe(0);
        var pid = s.MotoPid!.Value;

        var first = await RunAsync(s, "stop");
        Alive(pid).ShouldBeFalse("moto is still alive after stop returned");
        first.ExitCode.ShouldBe(0, first.ToString());
        first.Stderr.Trim().ShouldBe($"sandbox: stopped (port {s.Port})");
        Directory.Exists(s.StateDir).ShouldBeFalse();

        var second = await RunAsync(s, "stop");
        second.ExitCode.ShouldBe(0, second.ToString());
        second.Stderr.Trim().ShouldBe($"sandbox: nothing was running on port {s.Port}");
    }

    [Fact]
    public async Task Env_clears_the_variables_of_an_earlier_session_so_the_sandbox_keys_work_in_that_shell()
    {
        var s = NewSandbox();
        var r = await BashAsync(s, """
            export AWS_SESSION_TOKEN=stale-token AWS_SESSION_IDENTITY=stale-identity AWS_CREDENTIAL_EXPIRATION=2000-01-01T00:00:00Z AWS_PROFILE=gone
            eval "$(sandbox/run.sh env)" || exit 9
            env | grep '^AWS_' | sort
            aws sts get-caller-identity --query Arn --output text
            """);

        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stdout.ShouldNotContain("stale");
        r.Stdout.ShouldNotContain("AWS_SESSION_TOKEN=");
        r.Stdout.ShouldNotContain("AWS_SESSION_IDENTITY=");
        r.Stdout.ShouldNotContain("AWS_CREDENTIAL_EXPIRATION=");
        r.Stdout.ShouldNotContain("AWS_PROFILE=");
        r.Stdout.ShouldContain($"AWS_ENDPOINT_URL=http://127.0.0.1:{s.Port}\n");
        r.Stdout.ShouldContain(":user/alice");
    }

    [Fact]
    public async Task Touching_obj_does_not_make_the_next_call_rebuild()
    {
        var s = NewSandbox();
        (await RunAsync(s, "env")).ExitCode.ShouldBe(0);
        // What any build leaves behind: generated .cs files under obj/ newer than the binary the sandbox runs.
        var generated = Path.Combine(Repo.Root, "src", "AwsSession", "obj", $"SandboxTests-{Guid.NewGuid():N}.cs");
        await File.WriteAllTextAsync(generated, "// written by SandboxTests\n");
        try
        {
            var r = await RunAsync(s, "--version");

            r.ExitCode.ShouldBe(0, r.ToString());
            r.Stderr.ShouldNotContain("building", Case.Sensitive, r.ToString());
            r.Stdout.ShouldNotBeEmpty();
        }
        finally
        {
            File.Delete(generated);
        }
    }

    [Fact]
    public async Task Two_ports_are_two_sandboxes_that_run_and_stop_independently()
    {
        var a = NewSandbox(ownState: false);
        var b = NewSandbox(ownState: false);
        var ra = await RunAsync(a, "env");
        var rb = await RunAsync(b, "env");
        ra.ExitCode.ShouldBe(0, ra.ToString());
        rb.ExitCode.ShouldBe(0, rb.ToString());
        ra.Stdout.ShouldContain($"127.0.0.1:{a.Port}");
        rb.Stdout.ShouldContain($"127.0.0.1:{b.Port}");
        var pidB = b.MotoPid!.Value;

        (await RunAsync(a, "stop")).Stderr.ShouldContain("stopped");

        Alive(pidB).ShouldBeTrue();
        var again = await RunAsync(b, "env");
        again.Stdout.ShouldBe(rb.Stdout, "the second sandbox was reseeded");
    }

    [Fact]
    public async Task A_port_another_program_listens_on_is_named_and_nothing_is_seeded_there()
    {
        var s = NewSandbox();
        using var other = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, s.Port);
        other.Start();

        var r = await RunAsync(s, "env");

        r.ExitCode.ShouldBe(1, r.ToString());
        r.Stdout.ShouldBeEmpty();
        r.Stderr.ShouldContain($"port {s.Port} is in use by another program");
        r.Stderr.ShouldNotContain("seeding");
    }

    [Fact]
    public async Task Console_print_signs_in_through_the_sandbox_federation_stub()
    {
        var s = NewSandbox();
        var prod = await RunAsync(s, "console", "pose", "prod", "--print", "-t", "123456");

        prod.ExitCode.ShouldBe(0, prod.ToString());
        var url = new Uri(prod.Stdout.Trim());
        url.Host.ShouldBe("127.0.0.1");
        url.Query.ShouldContain("SigninToken=sandbox-signin-token");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var s in _started)
        {
            var pids = new[] { "moto", "federation" }.Select(n => Path.Combine(s.StateDir, n + ".pid")).Where(File.Exists)
                .Select(p => int.Parse(File.ReadAllText(p).Trim())).ToList();
            await RunAsync(s, "stop");
            foreach (var pid in pids.Where(Alive))
                System.Diagnostics.Process.GetProcessById(pid).Kill();
        }
    }
}
