using AwsSession.Tests.Integration.Fixtures;

namespace AwsSession.Tests.Integration.Tools;

/// <summary>
/// `sandbox/run.sh sso ...` for real: its own moto and fake Identity Center on free ports with their own state
/// directory, the sign-in approved by the sandbox's browser script, stopped again with `sandbox/run.sh stop`.
/// </summary>
public sealed class SandboxSsoTests : IAsyncLifetime
{
    private static readonly string Script = Path.Combine(Repo.Root, "sandbox", "run.sh");
    private readonly string _state = Path.Combine(Path.GetTempPath(), "aws-session-sandbox-sso-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly Dictionary<string, string> _env = ProcessRunner.CleanEnvironment();

    public SandboxSsoTests()
    {
        _env["AWS_SESSION_SANDBOX_PORT"] = Ports.Free().ToString();
        _env["AWS_SESSION_SANDBOX_ACCOUNTS"] = "2";
        _env["AWS_SESSION_SANDBOX_STATE"] = _state;
    }

    private Task<ProcessResult> RunAsync(params string[] args) => ProcessRunner.RunAsync(Script, args, _env, timeout: TimeSpan.FromMinutes(3));

    private int? FakePid => File.Exists(Path.Combine(_state, "sso.pid")) ? int.Parse(File.ReadAllText(Path.Combine(_state, "sso.pid")).Trim()) : null;

    [Fact]
    public async Task Sso_signs_in_to_the_fake_once_then_poses_from_the_cached_sign_in_and_stop_ends_the_fake()
    {
        var first = await RunAsync("sso", "exec", "pose", "prod", "ReadOnly", "--", "aws", "sts", "get-caller-identity", "--query", "Account");

        first.ExitCode.ShouldBe(0, first.ToString());
        first.Stderr.ShouldContain("added [sso-session sandbox]");
        first.Stderr.ShouldContain("signed in to IAM Identity Center (sandbox)");
        first.Stderr.ShouldContain("Assumed ReadOnly in prod (111111111111)");
        first.Stdout.Trim().ShouldMatch(@"^""\d{12}""$");
        File.ReadAllText(Path.Combine(_state, "home", ".aws", "config")).ShouldContain("[sso-session sandbox]");

        var second = await RunAsync("sso", "--profile", "sandbox-dev");
        second.ExitCode.ShouldBe(0, second.ToString());
        second.Stdout.ShouldContain("AWS_SESSION_TOKEN");
        second.Stderr.ShouldNotContain("signed in");
        second.Stderr.ShouldNotContain("starting the fake");

        var pid = FakePid ?? throw new InvalidOperationException("no sso.pid in " + _state);
        (await RunAsync("stop")).ExitCode.ShouldBe(0);
        Alive(pid).ShouldBeFalse("the fake Identity Center outlived sandbox/run.sh stop");
    }

    [Fact]
    public async Task Sso_without_arguments_shows_the_examples_and_is_a_usage_error()
    {
        var r = await RunAsync("sso");

        r.ExitCode.ShouldBe(2, r.ToString());
        r.Stderr.ShouldContain("sandbox/run.sh sso exec pose prod ReadOnly");
    }

    /// <summary>A zombie still has its /proc entry; the state is the field after the parenthesised name.</summary>
    private static bool Alive(int pid) =>
        File.Exists($"/proc/{pid}/stat") && File.ReadAllText($"/proc/{pid}/stat").Split(')')[^1].Trim()[0] != 'Z';

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        var pid = FakePid;
        await RunAsync("stop");
        if (pid is { } p && Alive(p))
            System.Diagnostics.Process.GetProcessById(p).Kill();
    }
}
