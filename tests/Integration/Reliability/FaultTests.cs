using System.Diagnostics;
using AwsSession.Tests.Integration.Fixtures;

namespace AwsSession.Tests.Integration.Reliability;

/// <summary>Every fault gets a bounded, clear answer: retried when transient, given up on in time otherwise.</summary>
[Collection(MotoCollection.Name)]
public sealed class FaultTests(MotoServer moto) : ProxiedToolTests(moto)
{
    private string Account => Moto.Seed.Accounts[0].Id;

    [Theory]
    [InlineData("GetSessionToken", "throttle", 3)]
    [InlineData("GetSessionToken", "5xx", 3)]
    [InlineData("AssumeRole", "throttle", 3)]
    [InlineData("AssumeRole", "5xx", 3)]
    // moto then refuses the call without UserName once, and the tool asks again with it: 2 faults + 2 calls.
    [InlineData("ListMFADevices", "throttle", 4)]
    [InlineData("ListAccounts", "throttle", 3)]
    [InlineData("ListAccounts", "5xx", 3)]
    public async Task Transient_faults_are_retried_and_then_succeed(string action, string kind, int calls)
    {
        Proxy.Inject(action, kind == "throttle" ? Fault.Throttle(2) : Fault.ServerError(2, 503));

        var r = await Tool.RunAsync(["pose", action == "ListAccounts" ? Moto.Seed.Accounts[0].Name : Account, "-t", "123456"], stdin: "");

        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stdout.ShouldContain("AWS_SESSION_TOKEN");
        Proxy.Calls(action).ShouldBe(calls);
    }

    [Fact]
    public async Task Persistent_throttling_gives_up_after_a_few_attempts_and_says_so()
    {
        Proxy.Inject("GetSessionToken", Fault.Throttle(Fault.Forever));
        var clock = Stopwatch.StartNew();

        var r = await Tool.RunAsync(["-t", "123456"], stdin: "");

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30));
        r.ExitCode.ShouldBe(1, r.ToString());
        r.Stdout.ShouldBeEmpty();
        r.StderrLines.ShouldHaveSingleItem().ShouldContain("throttled");
        Proxy.Calls("GetSessionToken").ShouldBeInRange(2, 6);
    }

    [Fact]
    public async Task A_hung_endpoint_is_given_up_on_within_a_minute()
    {
        Proxy.Inject("GetSessionToken", Fault.Hang());
        var clock = Stopwatch.StartNew();

        var r = await Tool.RunAsync(["-t", "123456"], stdin: "", timeout: TimeSpan.FromSeconds(90));

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(60));
        r.ExitCode.ShouldBe(1, r.ToString());
        r.Stdout.ShouldBeEmpty();
        r.StderrLines.ShouldHaveSingleItem().ShouldContain("no answer");
    }

    [Fact]
    public async Task Connection_refused_is_a_clear_error()
    {
        Tool.Set("AWS_ENDPOINT_URL", $"http://127.0.0.1:{Ports.Free()}");

        var r = await Tool.RunAsync(["-t", "123456", "mfa", Moto.Seed.Devices[0]], stdin: "");

        r.ExitCode.ShouldBe(1, r.ToString());
        r.Stdout.ShouldBeEmpty();
        r.StderrLines.ShouldHaveSingleItem().ShouldContain("connection refused");
    }

    [Fact]
    public async Task An_expired_cached_session_is_dropped_and_made_again()
    {
        (await Tool.RunAsync("-t", "123456")).ExitCode.ShouldBe(0);
        Proxy.Inject("AssumeRole", Fault.ExpiredToken(1));

        var r = await Tool.RunAsync(["pose", Account, "-t", "123456"], stdin: "");

        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stdout.ShouldContain("AWS_SESSION_TOKEN");
        Proxy.Calls("GetSessionToken").ShouldBe(2);
        Proxy.Calls("AssumeRole").ShouldBe(2);
    }

    [Fact]
    public async Task A_revoked_cached_session_is_dropped_made_again_and_never_served_again()
    {
        (await Tool.RunAsync("-t", "123456")).ExitCode.ShouldBe(0);
        Proxy.Reset();
        Proxy.Inject("GetCallerIdentity", Fault.RevokedToken(1));

        var r = await Tool.RunAsync(["whoami", "-t", "123456", "--json"], stdin: "");
        var identityCalls = Proxy.Calls("GetCallerIdentity");
        var again = await Tool.RunAsync(["whoami", "--json"], stdin: "");

        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stdout.ShouldContain("\"account\"");
        r.StderrLines.ShouldContain("aws-session: AWS refused the cached MFA session (rejected); dropped it, making a new one", r.ToString());
        again.ExitCode.ShouldBe(0, again.ToString());
        again.Stderr.ShouldNotContain("refused");
        Proxy.Calls("GetSessionToken").ShouldBe(1);
        Proxy.Calls("GetCallerIdentity").ShouldBe(identityCalls + 1, "the second whoami uses the new cached session");
    }

    [Theory]
    [InlineData("AssumeRole")]
    [InlineData("ListAccounts")]
    public async Task A_cached_MFA_session_refused_by_a_later_call_is_renewed_once(string action)
    {
        (await Tool.RunAsync("-t", "123456")).ExitCode.ShouldBe(0);
        Proxy.Reset();
        Proxy.Inject(action, Fault.RevokedToken(1));

        var r = await Tool.RunAsync(action == "ListAccounts" ? ["accounts", "-t", "123456", "--json"] : ["pose", Account, "-t", "123456"], stdin: "");

        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stderr.ShouldContain("AWS refused the cached MFA session (rejected)");
        Proxy.Calls("GetSessionToken").ShouldBe(1);
        Proxy.Calls(action).ShouldBe(2);
    }

    [Fact]
    public async Task A_session_refused_right_after_it_was_made_is_not_made_again()
    {
        Proxy.Inject("GetCallerIdentity", Fault.RevokedToken(Fault.Forever));

        var r = await Tool.RunAsync(["whoami", "mfa", Moto.Seed.Devices[0], "-t", "123456"], stdin: "");

        r.ExitCode.ShouldBe(1, r.ToString());
        r.StderrLines.ShouldHaveSingleItem().ShouldContain("AWS rejected the credentials");
        Proxy.Calls("GetSessionToken").ShouldBe(1);
    }

    [Theory]
    [InlineData(2, "behind")]
    [InlineData(-2, "ahead of")]
    public async Task A_clock_far_from_AWSs_is_warned_about_once_and_expirations_follow_the_local_clock(int hours, string side)
    {
        Proxy.ShiftClock(TimeSpan.FromHours(hours));

        var r = await Tool.RunAsync(["pose", Account, "-t", "123456", "--shell", "json"], stdin: "");
        var again = await Tool.RunAsync(["pose", Account, "--shell", "json"], stdin: "");

        r.ExitCode.ShouldBe(0, r.ToString());
        r.StderrLines.Count(l => l.Contains("clock")).ShouldBe(1, r.ToString());
        r.Stderr.ShouldContain($"this computer's clock is 2h {side} AWS's");
        // The role session ends in an hour of real time, whatever AWS's clock says; on the local clock, so does its expiration.
        var expiration = System.Text.Json.JsonDocument.Parse(r.Stdout).RootElement.GetProperty("AWS_CREDENTIAL_EXPIRATION").GetDateTimeOffset();
        (expiration - DateTimeOffset.UtcNow).Duration().ShouldBeInRange(TimeSpan.FromMinutes(50), TimeSpan.FromMinutes(61), r.Stdout);
        again.ExitCode.ShouldBe(0, again.ToString());
        Proxy.Calls("AssumeRole").ShouldBe(1, "the cached role session is reused: its end is on the local clock");
    }

    [Fact]
    public async Task An_expired_session_in_the_environment_is_named_as_such()
    {
        Tool.Set("AWS_SESSION_TOKEN", "FwoGZXIvYXdzEXPIREDEXAMPLE");
        Proxy.Inject("AssumeRole", Fault.ExpiredToken(Fault.Forever));

        var r = await Tool.RunAsync(["pose", Account], stdin: "");

        r.ExitCode.ShouldBe(1, r.ToString());
        r.Stdout.ShouldBeEmpty();
        var line = r.StderrLines.ShouldHaveSingleItem();
        line.ShouldContain("expired");
        line.ShouldNotContain("FwoGZXIvYXdzEXPIREDEXAMPLE");
    }

    [Fact]
    public async Task Expired_base_credentials_are_named_as_such()
    {
        Proxy.Inject("GetSessionToken", Fault.ExpiredToken(Fault.Forever));

        var r = await Tool.RunAsync(["-t", "123456"], stdin: "");

        r.ExitCode.ShouldBe(1, r.ToString());
        r.StderrLines.ShouldHaveSingleItem().ShouldContain("expired");
    }
}
