using AwsSession.Tests.Integration.Fixtures;

namespace AwsSession.Tests.Integration.Cache;

/// <summary>One MFA prompt a day: later runs, parallel runs and other commands reuse the cached session.</summary>
[Collection(MotoCollection.Name)]
public sealed class SessionCacheTests(MotoServer moto) : ProxiedToolTests(moto)
{
    private const string CallerArn = "aws sts get-caller-identity --query Arn --output text";

    private string Device => Moto.Seed.Devices[0];

    [Fact]
    public async Task A_second_exec_without_code_or_terminal_runs_from_the_cache_with_no_STS_call()
    {
        var first = await Tool.RunAsync("exec", "mfa", Device, "-t", "123456", "--", "true");
        first.ExitCode.ShouldBe(0, first.ToString());
        var stsCallsAfterFirst = Proxy.Calls("GetSessionToken");

        var second = await Tool.RunAsync(["exec", "mfa", Device, "--", "sh", "-c", CallerArn], stdin: "");

        second.ExitCode.ShouldBe(0, second.ToString());
        second.Stdout.ShouldContain("arn:aws:");
        stsCallsAfterFirst.ShouldBe(1);
        Proxy.Calls("GetSessionToken").ShouldBe(1);
        Proxy.Calls("AssumeRole").ShouldBe(0);
    }

    [Fact]
    public async Task Twelve_parallel_cold_execs_make_one_GetSessionToken_call()
    {
        var runs = Enumerable.Range(0, 12)
            .Select(_ => Tool.RunAsync(["exec", "mfa", Device, "-t", "123456", "--", "sh", "-c", "test -n \"$AWS_SESSION_TOKEN\""], stdin: ""))
            .ToList();

        var results = await Task.WhenAll(runs);

        results.ShouldAllBe(r => r.ExitCode == 0, string.Join("\n", results.Select(r => r.ToString())));
        Proxy.Calls("GetSessionToken").ShouldBe(1);
    }

    [Fact]
    public async Task A_role_session_from_a_cached_MFA_session_needs_no_code()
    {
        (await Tool.RunAsync("mfa", "-t", "123456")).ExitCode.ShouldBe(0);
        var account = Moto.Seed.Accounts[0].Id;

        var posed = await Tool.RunAsync(["exec", "pose", account, "--", "sh", "-c", CallerArn], stdin: "");

        posed.ExitCode.ShouldBe(0, posed.ToString());
        posed.Stdout.ShouldContain($":{account}:assumed-role/OrganizationAccountAccessRole/");
        Proxy.Calls("GetSessionToken").ShouldBe(1);
        Proxy.Calls("AssumeRole").ShouldBe(1);
    }

    [Fact]
    public async Task No_cache_bypasses_the_cache_for_one_run()
    {
        (await Tool.RunAsync("mfa", Device, "-t", "123456")).ExitCode.ShouldBe(0);

        (await Tool.RunAsync("mfa", Device, "-t", "123456", "--no-cache")).ExitCode.ShouldBe(0);

        Proxy.Calls("GetSessionToken").ShouldBe(2);
        (await Tool.RunAsync("mfa", Device)).ExitCode.ShouldBe(0);
        Proxy.Calls("GetSessionToken").ShouldBe(2);
    }

    [Fact]
    public async Task A_session_inside_the_min_ttl_margin_is_remade()
    {
        (await Tool.RunAsync("mfa", Device, "-t", "123456", "-d", "1h")).ExitCode.ShouldBe(0);

        (await Tool.RunAsync("mfa", Device, "-t", "123456", "--min-ttl", "2h")).ExitCode.ShouldBe(0);

        Proxy.Calls("GetSessionToken").ShouldBe(2);
    }

    [Fact]
    public async Task New_base_keys_do_not_reuse_the_old_MFA_session()
    {
        (await Tool.RunAsync("mfa", Device, "-t", "123456")).ExitCode.ShouldBe(0);
        var other = await Tool.ShellAsync(
            $"aws --region us-east-1 iam create-access-key --user-name {Moto.Seed.User} --query 'AccessKey.[AccessKeyId,SecretAccessKey]' --output text");
        other.ExitCode.ShouldBe(0, other.ToString());
        var parts = other.Stdout.Split((char[])['\t', '\n', ' '], StringSplitOptions.RemoveEmptyEntries);
        Tool.Set("AWS_ACCESS_KEY_ID", parts[0]).Set("AWS_SECRET_ACCESS_KEY", parts[1]);

        var r = await Tool.RunAsync(["mfa", Device], stdin: "");

        r.ExitCode.ShouldBe(1, r.ToString());
        r.Stderr.ShouldContain("--mfa-token");
        Proxy.Calls("GetSessionToken").ShouldBe(1);
    }
}
