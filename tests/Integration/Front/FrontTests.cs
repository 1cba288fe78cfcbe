using System.Text.RegularExpressions;
using AwsSession.Tests.Integration.Fixtures;

namespace AwsSession.Tests.Integration.Front;

/// <summary>
/// The installed `aws-session` is a small front: it serves cache hits of the hot command lines itself and hands every
/// other run to aws-session-full, which must then look exactly as if it had been started directly.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class FrontTests : IDisposable
{
    private readonly MotoServer _moto;
    private readonly FrontLayout _layout = new();
    private readonly AwsSessionProcess _front;
    private readonly AwsSessionProcess _complete;

    public FrontTests(MotoServer moto)
    {
        _moto = moto;
        _front = new AwsSessionProcess(moto.Url, moto.Seed, binary: _layout.Front);
        // The same user, HOME and cache, run with the complete tool directly.
        _complete = new AwsSessionProcess(moto.Url, moto.Seed, binary: Repo.FrontAndCompleteTool().CompleteTool);
        foreach (var name in new[] { "HOME", "XDG_CACHE_HOME" })
            _complete.Set(name, _front.Environment[name]);
    }

    public void Dispose()
    {
        _front.Dispose();
        _complete.Dispose();
        _layout.Dispose();
    }

    [Trait("Category", "Smoke")]
    [Fact]
    public async Task A_cache_hit_is_served_without_the_complete_tool_and_reads_the_same()
    {
        (await _front.RunAsync("mfa", "-t", "123456")).ExitCode.ShouldBe(0);
        _layout.HandOffs.ShouldBe(["mfa -t 123456"]);

        var served = await _front.RunAsync("mfa");
        var direct = await _complete.RunAsync("mfa");

        served.ExitCode.ShouldBe(0, served.ToString());
        _layout.HandOffs.Count.ShouldBe(1, "the hit was handed off");
        served.Stdout.ShouldBe(direct.Stdout);
        Minutes(served.Stderr).ShouldBe(Minutes(direct.Stderr));
        served.Stderr.ShouldStartWith("aws-session: Using cached MFA session");
    }

    [Trait("Category", "Smoke")]
    [Fact]
    public async Task A_run_handed_off_part_way_shows_only_what_the_complete_tool_writes()
    {
        // The MFA session is cached, the role is not: the front reads the first, then hands the whole run on.
        (await _front.RunAsync("mfa", "-t", "123456")).ExitCode.ShouldBe(0);
        var account = _moto.Seed.Accounts[0].Id;

        var r = await _front.RunAsync("pose", account);

        r.ExitCode.ShouldBe(0, r.ToString());
        _layout.HandOffs.ShouldBe(["mfa -t 123456", $"pose {account}"]);
        r.StderrLines.Count(l => l.Contains("session", StringComparison.Ordinal)).ShouldBe(1, r.ToString());
        r.StderrLines.ShouldHaveSingleItem().ShouldStartWith("aws-session: Assumed OrganizationAccountAccessRole in ");
        r.Stdout.ShouldContain($"arn:aws:iam::{account}:role/OrganizationAccountAccessRole");
    }

    [Trait("Category", "Smoke")]
    [Fact]
    public async Task An_identity_center_role_once_cached_is_served_too()
    {
        await using var fake = await FakeIdentityCenter.StartAsync();
        using var p = Sso.SsoWorld.Create(fake, _moto.Url, binary: _layout.Front).Set("AWS_PROFILE", "dev");

        var first = await p.RunAsync();
        var again = await p.RunAsync();

        first.ExitCode.ShouldBe(0, first.ToString());
        again.ExitCode.ShouldBe(0, again.ToString());
        again.Stdout.ShouldContain("AWS_SESSION_TOKEN");
        _layout.HandOffs.ShouldBe([""], "only the first run, which signs in, needs the complete tool");
        (await fake.StatAsync("credentials")).ShouldBe(1);
    }

    [Trait("Category", "Smoke")]
    [Fact]
    public async Task Exec_keeps_one_pid_whether_served_or_handed_off()
    {
        // First run: a miss, handed off, then the command; second: a hit, straight to the command.
        _front.WriteAwsFiles("[default]\nmfa_process = echo 123456\n");
        var r = await _front.ShellAsync("""
            for run in 1 2; do
              aws-session exec -- sh -c 'echo "child=$$"' &
              echo "started=$!"
              wait
            done
            """);

        var lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var started = lines.Where(l => l.StartsWith("started=", StringComparison.Ordinal)).Select(l => l["started=".Length..]).ToList();
        var children = lines.Where(l => l.StartsWith("child=", StringComparison.Ordinal)).Select(l => l["child=".Length..]).ToList();
        started.Count.ShouldBe(2, r.ToString());
        children.ShouldBe(started, r.ToString());
        _layout.HandOffs.Count.ShouldBe(1, r.ToString());
        // What the served run held for stderr went out before it became the command.
        r.Stderr.ShouldContain("aws-session: Using cached MFA session", Case.Sensitive, r.ToString());
    }

    [Fact]
    public async Task A_hand_off_passes_on_the_signal_state_the_front_was_given()
    {
        // SIGINT ignored by the shell (as for a background job) stays ignored in the command, through both executables;
        // SIGPIPE, which each runtime ignores, is back to default.
        var r = await _front.ShellAsync("trap '' INT; aws-session exec -t 123456 -- grep SigIgn /proc/self/status");

        r.ExitCode.ShouldBe(0, r.ToString());
        _layout.HandOffs.Count.ShouldBe(1);
        var ignored = Convert.ToUInt64(r.Stdout.Split(':')[1].Trim(), 16);
        (ignored & (1UL << (2 - 1))).ShouldNotBe(0UL, "SIGINT should stay ignored");
        (ignored & (1UL << (13 - 1))).ShouldBe(0UL, "SIGPIPE should be default");
    }

    [Trait("Category", "Smoke")]
    [Fact]
    public async Task Lines_the_front_does_not_read_go_to_the_complete_tool_unchanged()
    {
        var help = await _front.RunAsync("--help");
        var usage = await _front.RunAsync("pose", "--no-such-option");

        help.ExitCode.ShouldBe(0, help.ToString());
        // Started directly, the complete tool names itself after its own file; handed a run, after the front's name.
        help.Stdout.ShouldBe((await _complete.RunAsync("--help")).Stdout.Replace("aws-session-full", "aws-session", StringComparison.Ordinal));
        usage.ExitCode.ShouldBe(2, usage.ToString());
        usage.Stderr.ShouldBe((await _complete.RunAsync("pose", "--no-such-option")).Stderr);
        _layout.HandOffs.ShouldBe(["--help", "pose --no-such-option"]);
    }

    [Trait("Category", "Smoke")]
    [Fact]
    public async Task The_version_is_the_complete_tools()
    {
        var r = await _front.RunAsync("--version");

        r.ExitCode.ShouldBe(0);
        r.Stdout.ShouldBe((await _complete.RunAsync("--version")).Stdout);
        _layout.HandOffs.ShouldBeEmpty();
    }

    [Trait("Category", "Smoke")]
    [Fact]
    public async Task Without_the_complete_tool_a_hit_still_works_and_anything_else_says_what_is_missing()
    {
        (await _complete.RunAsync("mfa", "-t", "123456")).ExitCode.ShouldBe(0);
        using var alone = new FrontLayout(withCompleteTool: false);
        using var front = new AwsSessionProcess(_moto.Url, _moto.Seed, binary: alone.Front);
        foreach (var name in new[] { "HOME", "XDG_CACHE_HOME" })
            front.Set(name, _front.Environment[name]);

        var hit = await front.RunAsync("mfa");
        var miss = await front.RunAsync("pose", _moto.Seed.Accounts[0].Id);

        hit.ExitCode.ShouldBe(0, hit.ToString());
        miss.ExitCode.ShouldBe(1, miss.ToString());
        miss.Stdout.ShouldBeEmpty();
        miss.StderrLines.ShouldHaveSingleItem().ShouldMatch(@"^aws-session: cannot run the complete tool, .*/aws-session-full \(command not found: aws-session\); reinstall aws-session: its two executables, aws-session and aws-session-full, belong together$");
    }

    /// <summary>Two runs a minute apart may differ in the minutes left; nothing else.</summary>
    private static string Minutes(string stderr) => Regex.Replace(stderr, @"(\d+h)?\d+m left", "_ left");
}
