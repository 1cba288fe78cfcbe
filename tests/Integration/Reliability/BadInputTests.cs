using AwsSession.Tests.Integration.Fixtures;

namespace AwsSession.Tests.Integration.Reliability;

/// <summary>
/// Every argument and option, given something wrong: the documented exit code, an empty stdout (so eval does
/// nothing), exactly one clear line on stderr, no stack trace, and for usage errors no AWS call at all.
/// </summary>
public sealed class BadInputTests(OrgMoto org) : ProxiedToolTests(org.Moto), IClassFixture<OrgMoto>
{
    public static TheoryData<string, string[], string> UsageErrors => new()
    {
        { "unknown command", ["frobnicate"], "frobnicate" },
        { "unknown option", ["--frobnicate"], "frobnicate" },
        { "malformed duration", ["-d", "1x"], "not a duration" },
        { "duration too short", ["-d", "14m"], "out of range" },
        { "duration too long", ["-d", "37h"], "out of range" },
        { "role duration too long", ["pose", "123456789012", "-d", "13h"], "out of range" },
        { "malformed min-ttl", ["--min-ttl", "soon"], "not a duration" },
        { "unknown shell", ["--shell", "tcsh"], "tcsh" },
        { "device that is not an ARN", ["mfa", "alice-phone"], "not an MFA device ARN" },
        { "MFA code too short", ["-t", "12345"], "6 digits" },
        { "session name too short", ["pose", "123456789012", "--session-name", "x"], "session name" },
        { "session name with a space", ["pose", "123456789012", "--session-name", "my name"], "session name" },
        { "external id too short", ["pose", "123456789012", "--external-id", "x"], "--external-id" },
        { "external id with a quote", ["pose", "123456789012", "--external-id", "abc'def"], "--external-id" },
        { "role that is not a role", ["pose", "123456789012", "bad role!"], "not a role" },
        { "missing profile", ["--profile", "nope"], "profile 'nope' not found" },
        { "exec with -- and no command", ["exec", "--"], "nothing to run" },
        { "exec pose with -- and no command", ["exec", "pose", "123456789012", "--"], "nothing to run" },
        { "empty region", ["--region", ""], "--region: '' is not an AWS region" },
        { "region with a blank", ["--region", "us east"], "not an AWS region" },
        { "region with a trailing newline", ["--region", "us-east-1\n"], "not an AWS region" },
        { "MFA code with a trailing newline", ["-t", "123456\n"], "6 digits" },
        { "device ARN with a trailing newline", ["mfa", "arn:aws:iam::123456789012:mfa/alice\n", "-t", "123456"], "not an MFA device ARN" },
        { "session name with a trailing newline", ["pose", "123456789012", "--session-name", "my-session\n"], "session name" },
        { "external id with a trailing newline", ["pose", "123456789012", "--external-id", "external-id\n"], "--external-id" },
        { "role with a trailing newline", ["pose", "123456789012", "Admin\n", "-t", "123456"], "not a role" },
        { "an option the command does not take", ["-t", "123456", "devices"], "devices does not take -t" },
        { "MFA code of letters", ["-t", "abcdef"], "6 digits" },
        { "MFA code too long", ["--mfa-token", "1234567"], "6 digits" },
        { "duration in seconds too short", ["-d", "899"], "899s is out of range" },
        { "device ARN with a short account id", ["mfa", "arn:aws:iam::12345:mfa/alice"], "not an MFA device ARN" },
        { "unknown option after ROLE", ["pose", "prod", "--bogus"], "unknown option '--bogus' for pose" },
        { "unknown option where ACCOUNT goes", ["pose", "--bogus"], "unknown option '--bogus' for pose" },
        { "unknown option of exec", ["exec", "--bogus", "--", "true"], "unknown option '--bogus' for exec" },
        { "unknown option of whoami pose", ["whoami", "pose", "prod", "--bogus"], "unknown option '--bogus' for pose" },
        { "unknown option of credential-process pose", ["credential-process", "pose", "prod", "--bogus"], "unknown option '--bogus' for pose" },
        { "unknown option of accounts", ["accounts", "--bogus"], "unknown option '--bogus' for accounts" },
        { "--version with more", ["--version", "extra"], "--version" },
        { "an option as another's value", ["--profile", "--debug"], "--profile needs a value" },
        { "exec's command without --", ["exec", "pose", "prod", "make"], "is 'make' the role or the command?" },
        { "min-ttl as long as the session", ["pose", "prod", "--min-ttl", "1h"], "--min-ttl 1h is not shorter than the session" },
        { "misspelt command", ["pos", "prod"], "did you mean 'pose'?" },
    };

    [Theory]
    [InlineData("AWS_REGION", "us east", null)]
    [InlineData("AWS_REGION", "us-east-1\n", null)]
    [InlineData("AWS_DEFAULT_REGION", "eu west 1", null)]
    [InlineData(null, null, "us east")]
    public async Task A_bad_region_from_the_environment_or_the_profile_is_a_usage_error_before_any_call(string? variable, string? value, string? profileRegion)
    {
        Tool.Unset("AWS_REGION", "AWS_DEFAULT_REGION");
        if (variable is not null)
            Tool.Set(variable, value!);
        if (profileRegion is not null)
            Tool.WriteAwsFiles($"[default]\nregion = {profileRegion}\n");

        var r = await Tool.RunAsync(["pose", Moto.Seed.Accounts[0].Id, "-t", "123456"], stdin: "");

        AssertOneLineFailure(r, 2, variable is null ? "profile 'default': region: 'us east' is not an AWS region" : $"{variable}: '", "bad region");
        Proxy.TotalCalls.ShouldBe(0, string.Join(",", Proxy.Log));
    }

    [Trait("Category", "Smoke")]
    [Theory]
    [MemberData(nameof(UsageErrors))]
    public async Task Usage_errors_exit_2_before_any_AWS_call(string name, string[] args, string mentions)
    {
        var r = await Tool.RunAsync(args, stdin: "");

        AssertOneLineFailure(r, 2, mentions, name);
        Proxy.TotalCalls.ShouldBe(0, name + ": " + string.Join(",", Proxy.Log));
    }

    [Theory]
    [InlineData("not found", "nosuchaccount", "no account named 'nosuchaccount'")]
    [InlineData("an id too long", "1234567890123", "'1234567890123'")]
    [InlineData("ambiguous", "team-", "matches 3 accounts")]
    [InlineData("not found, with the closest named", "stagin9", "closest: staging")]
    public async Task A_bad_account_exits_1_without_assuming_a_role(string name, string account, string mentions)
    {
        var r = await Tool.RunAsync(["pose", account, "-t", "123456"], stdin: "");

        AssertOneLineFailure(r, 1, mentions, name);
        Proxy.Calls("AssumeRole").ShouldBe(0);
    }

    [Fact]
    public async Task Help_shows_exec_in_the_order_it_is_typed_and_only_the_options_a_command_takes()
    {
        var exec = await Tool.RunAsync(["exec", "pose", "--help"], stdin: "");
        var devices = await Tool.RunAsync(["devices", "--help"], stdin: "");

        exec.ExitCode.ShouldBe(0, exec.ToString());
        exec.Stdout.ShouldContain("Usage:\n  aws-session exec [--server] pose [<ACCOUNT> [<ROLE>]] [options] -- <COMMAND> [<ARGS>...]\n");
        devices.Stdout.ShouldContain("--profile <NAME>");
        devices.Stdout.ShouldNotContain("--mfa-token");
        devices.Stdout.ShouldNotContain("--shell");
        Proxy.TotalCalls.ShouldBe(0);
    }

    [Theory]
    [InlineData("config")]
    [InlineData("credentials")]
    public async Task A_FIFO_in_place_of_an_AWS_file_is_refused_instead_of_blocking(string file)
    {
        var path = Path.Combine(Tool.Home, ".aws", file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Delete(path);
        (await Tool.ShellAsync($"mkfifo '{path}'")).ExitCode.ShouldBe(0);

        var r = await Tool.RunAsync(["-t", "123456"], stdin: "", timeout: TimeSpan.FromSeconds(20));

        AssertOneLineFailure(r, 1, $"{path} is a FIFO, not a regular file", "FIFO config");
        Proxy.TotalCalls.ShouldBe(0);
    }

    [Fact]
    public async Task A_malformed_config_file_is_named_in_one_line()
    {
        Tool.Unset("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY");
        Tool.WriteAwsFiles("[default]\nregion = us-east-1\n[profile broken\nthis is not ini\n");

        var r = await Tool.RunAsync(["-t", "123456"], stdin: "");

        AssertOneLineFailure(r, 1, "malformed AWS config", "malformed config");
        Proxy.TotalCalls.ShouldBe(0);
    }

    [Fact]
    public async Task A_duration_out_of_range_is_a_usage_error_even_before_credentials_are_looked_for()
    {
        Tool.Unset("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY");

        var r = await Tool.RunAsync(["-d", "40h"], stdin: "");

        AssertOneLineFailure(r, 2, "out of range", "duration before credentials");
    }

    [Fact]
    public async Task No_credentials_anywhere_says_where_they_are_looked_for()
    {
        Tool.Unset("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY");

        var r = await Tool.RunAsync(["-t", "123456"], stdin: "");

        AssertOneLineFailure(r, 1, "no AWS credentials found", "no credentials");
    }

    [Fact]
    public async Task An_unwritable_cache_directory_works_without_the_cache_and_warns_once()
    {
        var blocker = Path.Combine(Tool.Home, "not-a-dir");
        File.WriteAllText(blocker, "");
        Tool.Set("XDG_CACHE_HOME", blocker);

        var r = await Tool.RunAsync(["pose", Moto.Seed.Accounts[0].Id, "-t", "123456"], stdin: "");

        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stdout.ShouldContain("AWS_SESSION_TOKEN");
        r.StderrLines.Count(l => l.Contains("warning")).ShouldBe(1, r.ToString());
        r.Stderr.ShouldContain("working without the cache");
    }

    [Fact]
    public async Task An_enormous_environment_reaches_the_child_intact()
    {
        // About 1.5 MB over 1,500 variables: well past typical shells, still below the kernel's ARG_MAX.
        for (var i = 0; i < 1500; i++)
            Tool.Set($"BIG_{i:0000}", new string((char)('a' + (i % 26)), 1000));

        var r = await Tool.RunAsync(["exec", "-t", "123456", "--", "sh", "-c", "echo ${#BIG_1499} $(env | grep -c '^BIG_')"], stdin: "");

        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stdout.Trim().ShouldBe("1000 1500");
    }

    private void AssertOneLineFailure(ProcessResult r, int exit, string mentions, string name)
    {
        r.ExitCode.ShouldBe(exit, name + "\n" + r);
        r.Stdout.ShouldBeEmpty(name);
        r.StderrLines.Count.ShouldBe(1, name + "\n" + r);
        r.Stderr.ShouldStartWith("aws-session: ", Case.Sensitive, name);
        r.Stderr.ShouldContain(mentions, Case.Insensitive, name + "\n" + r);
        r.Stderr.ShouldNotContain("   at ", Case.Sensitive, name);
        r.Stderr.ShouldNotContain(Moto.Seed.SecretAccessKey, Case.Sensitive, name);
    }
}
