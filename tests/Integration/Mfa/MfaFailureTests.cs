using AwsSession.Tests.Integration.Fixtures;

namespace AwsSession.Tests.Integration.Mfa;

/// <summary>Failures leave stdout empty (eval does nothing) and say one clear line; usage errors make no AWS call.</summary>
[Collection(MotoCollection.Name)]
public sealed class MfaFailureTests(MotoServer moto) : ProxiedToolTests(moto)
{
    [Theory]
    [InlineData("TERM")]
    [InlineData("HUP")]
    public async Task A_signal_that_ends_aws_session_also_ends_everything_its_mfa_process_started(string signal)
    {
        // The code command leaves a grandchild (sleep) and never answers; aws-session is stopped while it waits (not in
        // the first instants after starting it, before its guard is in place: hence the pause before the pid is written).
        var started = Path.Combine(Tool.Home, "grandchild.pid");
        var r = await Tool.ShellAsync($$"""
            aws-session --no-cache --mfa-process 'sh -c "sleep 1000 & sleep 0.5; echo \$! > {{started}}; wait"' >/dev/null 2>&1 &
            tool=$!
            for _ in $(seq 200); do [ -s {{started}} ] && break; sleep 0.1; done
            [ -s {{started}} ] || { echo "mfa_process never started"; exit 9; }
            kill -{{signal}} $tool; wait $tool; echo "rc=$?"
            for _ in $(seq 100); do kill -0 "$(cat {{started}})" 2>/dev/null || break; sleep 0.1; done
            kill -0 "$(cat {{started}})" 2>/dev/null && { echo "grandchild alive"; kill "$(cat {{started}})"; }
            exit 0
            """, timeout: TimeSpan.FromSeconds(60));

        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stdout.ShouldNotContain("grandchild alive", Case.Sensitive, r.ToString());
        r.Stdout.ShouldNotContain("rc=0", Case.Sensitive, r.ToString());
        Proxy.Calls("GetSessionToken").ShouldBe(0);
    }

    [Fact]
    public async Task No_credentials_anywhere_fails_with_one_line_and_empty_stdout()
    {
        Tool.Unset("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY");

        var r = await Tool.RunAsync("-t", "123456");

        r.ExitCode.ShouldBe(1, r.ToString());
        r.Stdout.ShouldBeEmpty();
        r.StderrLines.ShouldHaveSingleItem().ShouldContain("no AWS credentials found");
        Proxy.TotalCalls.ShouldBe(0);
    }

    [Fact]
    public async Task A_session_already_in_the_environment_cannot_make_an_MFA_session()
    {
        Tool.Set("AWS_SESSION_TOKEN", "FwoGZXIvYXdzEXAMPLE");

        var r = await Tool.RunAsync("-t", "123456");

        r.ExitCode.ShouldBe(1, r.ToString());
        r.Stdout.ShouldBeEmpty();
        r.StderrLines.ShouldHaveSingleItem().ShouldContain("already holds a session");
        r.Stderr.ShouldNotContain("FwoGZXIvYXdzEXAMPLE");
    }

    [Fact]
    public async Task A_wrong_code_from_the_flag_is_final_and_not_asked_again()
    {
        Proxy.AcceptOnlyMfaCode("999999");

        var r = await Tool.RunAsync("-t", "111111", "--no-cache");

        r.ExitCode.ShouldBe(1, r.ToString());
        r.Stdout.ShouldBeEmpty();
        r.StderrLines.ShouldHaveSingleItem().ShouldContain("MFA code was rejected");
        Proxy.Calls("GetSessionToken").ShouldBe(1);
    }

    [Fact]
    public async Task No_terminal_and_no_code_names_the_flag()
    {
        var r = await Tool.RunAsync(["--no-cache"], stdin: "");

        r.ExitCode.ShouldBe(1, r.ToString());
        r.Stdout.ShouldBeEmpty();
        r.StderrLines.ShouldHaveSingleItem().ShouldContain("--mfa-token");
        Proxy.Calls("GetSessionToken").ShouldBe(0);
    }

    [Trait("Category", "Smoke")]
    [Fact]
    public async Task Throttling_is_retried_and_then_succeeds()
    {
        Proxy.Inject("GetSessionToken", Fault.Throttle(times: 2));

        var r = await Tool.RunAsync("-t", "123456", "--no-cache");

        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stdout.ShouldContain("AWS_SESSION_TOKEN");
        Proxy.Calls("GetSessionToken").ShouldBe(3);
    }

    [Fact]
    public async Task A_5xx_from_IAM_is_retried_and_then_succeeds()
    {
        Proxy.Inject("ListMFADevices", Fault.ServerError(times: 1, status: 503));

        var r = await Tool.RunAsync("-t", "123456", "--no-cache");

        r.ExitCode.ShouldBe(0, r.ToString());
        Proxy.Calls("ListMFADevices").ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task Persistent_throttling_gives_up_after_bounded_attempts_and_says_so()
    {
        Proxy.Inject("GetSessionToken", Fault.Throttle(times: Fault.Forever));

        var r = await Tool.RunAsync("-t", "123456", "--no-cache");

        r.ExitCode.ShouldBe(1, r.ToString());
        r.Stdout.ShouldBeEmpty();
        r.StderrLines.ShouldHaveSingleItem().ShouldContain("throttled");
        Proxy.Calls("GetSessionToken").ShouldBeInRange(2, 6);
        r.Duration.ShouldBeLessThan(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task The_device_comes_from_IAM_when_none_is_configured_and_from_the_argument_otherwise()
    {
        var listed = await Tool.RunAsync("-t", "123456", "--no-cache", "--debug");
        listed.ExitCode.ShouldBe(0, listed.ToString());
        Proxy.Calls("ListMFADevices").ShouldBeGreaterThanOrEqualTo(1);

        Proxy.Reset();
        var given = await Tool.RunAsync("mfa", "arn:aws:iam::123456789012:mfa/alice", "-t", "123456", "--no-cache");
        given.ExitCode.ShouldBe(0, given.ToString());
        Proxy.Calls("ListMFADevices").ShouldBe(0);
        Proxy.Calls("GetSessionToken").ShouldBe(1);
    }

    [Fact]
    public async Task Debug_output_never_shows_a_secret()
    {
        var r = await Tool.RunAsync("-t", "123456", "--no-cache", "--debug");

        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stderr.ShouldNotContain(Tool.Environment["AWS_SECRET_ACCESS_KEY"]);
        r.Stderr.ShouldNotContain(Tool.Environment["AWS_ACCESS_KEY_ID"]);
        var token = r.Stdout.Split('\n').Single(l => l.StartsWith("export AWS_SESSION_TOKEN=", StringComparison.Ordinal))["export AWS_SESSION_TOKEN=".Length..].Trim('\'');
        r.Stderr.ShouldNotContain(token);
    }
}
