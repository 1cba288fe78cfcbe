using System.Text.Json;
using AwsSession.Tests.Integration.Exec;
using AwsSession.Tests.Integration.Fixtures;

namespace AwsSession.Tests.Integration.Sso;

/// <summary>
/// SSO profiles and bases in every mode, against the fake Identity Center (portal, OIDC) and moto (STS for the
/// consumers and for role chaining), and interop with botocore's own SSO code both ways.
/// </summary>
[Collection(MotoCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SsoModesTests(MotoServer moto) : IAsyncLifetime
{
    private FakeIdentityCenter _fake = null!;
    private AwsSessionProcess _p = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeIdentityCenter.StartAsync("--filler-accounts", "25");
        _p = SsoWorld.Create(_fake, moto.Url);
    }

    public async Task DisposeAsync()
    {
        _p.Dispose();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task A_new_user_with_only_an_sso_session_poses_by_name_after_one_sign_in()
    {
        _p.Set("AWS_PROFILE", "corp");

        var r = await _p.ShellAsync("""eval "$(aws-session pose prod ReadOnly)" && aws sts get-caller-identity --output text --query Account && echo "$AWS_SESSION_IDENTITY" """);

        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stdout.ShouldContain("sso:111111111111/ReadOnly");
        r.Stderr.ShouldContain("Assumed ReadOnly in prod (111111111111)");
        SsoWorld.BrowserTabs(_p).ShouldBe(1);
        (await _fake.StatAsync("credentials")).ShouldBe(1);
    }

    [Fact]
    public async Task The_only_role_of_an_account_is_taken_and_the_session_is_cached()
    {
        (await _p.RunAsync("pose", "stag", "--profile", "corp")).ExitCode.ShouldBe(0);
        var again = await _p.RunAsync("pose", "staging", "--profile", "corp");

        again.ExitCode.ShouldBe(0, again.ToString());
        again.Stdout.ShouldContain("AWS_SESSION_TOKEN");
        (await _fake.StatAsync("credentials")).ShouldBe(1);
        (await _fake.StatAsync("accounts")).ShouldBe(2); // 28 accounts: two pages, once
    }

    [Fact]
    public async Task Several_roles_and_no_terminal_is_a_usage_error_naming_them()
    {
        var r = await _p.RunAsync("pose", "dev", "--profile", "corp");

        r.ExitCode.ShouldBe(2, r.ToString());
        r.StderrLines.Last().ShouldContain("has 3 roles for you (AdministratorAccess, Developer, ReadOnly)");
    }

    [Fact]
    public async Task An_sso_profile_gives_exports_exec_and_credential_process_from_one_sign_in()
    {
        (await _p.RunAsync("--profile", "dev")).ExitCode.ShouldBe(0);
        var exec = await _p.RunAsync("exec", "--profile", "dev", "--", "aws", "sts", "get-caller-identity");
        var process = await _p.RunAsync("credential-process", "--profile", "dev");

        exec.ExitCode.ShouldBe(0, exec.ToString());
        process.ExitCode.ShouldBe(0, process.ToString());
        JsonDocument.Parse(process.Stdout).RootElement.GetProperty("AccessKeyId").GetString()!.ShouldStartWith("ASIA");
        SsoWorld.BrowserTabs(_p).ShouldBe(1);
        (await _fake.StatAsync("credentials")).ShouldBe(1);
    }

    [Theory]
    [InlineData("pose prod ReadOnly --profile corp --use-device-code")]
    [InlineData("exec --use-device-code --profile dev -- true")]
    [InlineData("credential-process --profile dev --use-device-code")]
    [InlineData("accounts --use-device-code --profile corp --json")]
    public async Task Use_device_code_also_applies_to_the_sign_in_a_command_makes_first(string command)
    {
        var r = await _p.RunAsync(command.Split(' '));

        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stderr.ShouldMatch(@"confirm the code [0-9A-F]{4}-[0-9A-F]{4}");
        (await _fake.StatAsync("token_device")).ShouldBe(1);
        (await _fake.StatAsync("authorize")).ShouldBe(0);
        File.Exists(SsoWorld.TokenFile(_p)).ShouldBeTrue();
    }

    [Fact]
    public async Task Exec_server_serves_sso_role_credentials_to_the_child()
    {
        var r = await _p.RunAsync("exec", "--server", "--profile", "dev", "--", "aws", "sts", "get-caller-identity");

        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stdout.ShouldContain("Arn");
    }

    [Fact]
    public async Task Parallel_cold_starts_make_one_sign_in_and_one_role_call()
    {
        var runs = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => _p.RunAsync("exec", "--profile", "dev", "--", "true")));

        foreach (var r in runs)
            r.ExitCode.ShouldBe(0, r.ToString());
        SsoWorld.BrowserTabs(_p).ShouldBe(1);
        (await _fake.StatAsync("register")).ShouldBe(1);
        (await _fake.StatAsync("credentials")).ShouldBe(1);
    }

    [Fact]
    public async Task A_token_under_15_minutes_is_refreshed_without_a_browser()
    {
        (await _p.RunAsync("login", "--profile", "dev")).ExitCode.ShouldBe(0);
        ShortenToken(TimeSpan.FromMinutes(10));

        var r = await _p.RunAsync("--profile", "dev");

        r.ExitCode.ShouldBe(0, r.ToString());
        SsoWorld.BrowserTabs(_p).ShouldBe(1);
        (await _fake.StatAsync("token_refresh")).ShouldBe(1);
    }

    [Fact]
    public async Task A_revoked_token_leads_to_one_new_sign_in()
    {
        (await _p.RunAsync("login", "--profile", "dev")).ExitCode.ShouldBe(0);
        await _fake.RevokeAsync();

        var r = await _p.RunAsync("--profile", "dev");

        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stderr.ShouldContain("refused the cached sign-in of corp; signing in again");
        SsoWorld.BrowserTabs(_p).ShouldBe(2);
        (await _fake.StatAsync("unauthorized")).ShouldBe(1);
    }

    [Fact]
    public async Task An_expired_token_needing_a_sign_in_fails_clearly_without_a_browser()
    {
        (await _p.RunAsync("login", "--profile", "dev")).ExitCode.ShouldBe(0);
        ShortenToken(TimeSpan.FromMinutes(-1), dropRefresh: true);
        _p.Unset("BROWSER").Set("AWS_SESSION_SSO_TIMEOUT", "2s");

        var r = await _p.RunAsync("--profile", "dev");

        r.ExitCode.ShouldBe(1, r.ToString());
        r.Stderr.ShouldContain("confirm the code");
        r.StderrLines.Last().ShouldContain("gave up waiting for the IAM Identity Center sign-in of corp after 2s");
    }

    [Fact]
    public async Task A_role_profile_chains_from_the_sso_role_with_the_one_hour_cap()
    {
        File.AppendAllText(Path.Combine(_p.Home, ".aws", "config"), """

            [profile chained]
            role_arn = arn:aws:iam::111111111111:role/Chained
            source_profile = dev
            duration_seconds = 7200
            """);

        var r = await _p.RunAsync("--profile", "chained");

        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stderr.ShouldContain("role chaining: the duration is capped at 1h");
        (await _fake.StatAsync("credentials")).ShouldBe(1);
    }

    [Fact]
    public async Task Accounts_lists_the_portal_accounts_over_every_page()
    {
        var r = await _p.RunAsync("accounts", "--profile", "corp", "--json");

        r.ExitCode.ShouldBe(0, r.ToString());
        var names = JsonDocument.Parse(r.Stdout).RootElement.EnumerateArray().Select(a => a.GetProperty("name").GetString()).ToList();
        names.Count.ShouldBe(28);
        names.ShouldContain("prod");
    }

    [Fact]
    public async Task Sessions_lists_the_sign_in_with_the_token_masked()
    {
        (await _p.RunAsync("--profile", "dev")).ExitCode.ShouldBe(0);
        var token = JsonDocument.Parse(File.ReadAllText(SsoWorld.TokenFile(_p))).RootElement.GetProperty("accessToken").GetString()!;

        var r = await _p.RunAsync("sessions", "--json");

        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stdout.ShouldContain("sso-token");
        r.Stdout.ShouldContain(FakeIdentityCenter.StartUrl);
        r.Stdout.ShouldContain("sso:111111111111/ReadOnly");
        r.Stdout.ShouldNotContain(token);
    }

    [Fact]
    public async Task Clear_forgets_the_sso_role_session_but_keeps_the_sign_in_and_says_logout_ends_it()
    {
        (await _p.RunAsync("--profile", "dev")).ExitCode.ShouldBe(0);

        var clear = await _p.RunAsync("clear");

        clear.ExitCode.ShouldBe(0, clear.ToString());
        clear.Stdout.ShouldBeEmpty();
        clear.Stderr.ShouldContain("removed 1 cached entry");
        clear.Stderr.ShouldContain("kept 1 IAM Identity Center sign-in");
        clear.Stderr.ShouldContain("`aws-session logout` ends it");
        File.Exists(SsoWorld.TokenFile(_p)).ShouldBeTrue();
        var again = await _p.RunAsync("--profile", "dev");
        again.ExitCode.ShouldBe(0, again.ToString());
        (await _fake.StatAsync("credentials")).ShouldBe(2);
        SsoWorld.BrowserTabs(_p).ShouldBe(1);
    }

    [Fact]
    public async Task A_token_written_by_aws_session_serves_botocore_and_the_aws_CLI()
    {
        (await _p.RunAsync("login", "--profile", "dev")).ExitCode.ShouldBe(0);
        var env = new Dictionary<string, string>(_p.Environment) { ["AWS_ENDPOINT_URL_STS"] = moto.Url };

        var boto = await ProcessRunner.RunAsync("python3", [Script, "creds", "dev"], env, workingDirectory: _p.Home);
        var cli = await ProcessRunner.RunAsync("aws", ["sts", "get-caller-identity", "--profile", "dev"], env, workingDirectory: _p.Home);

        boto.ExitCode.ShouldBe(0, boto.ToString());
        boto.Stdout.Trim().ShouldStartWith("ASIA");
        cli.ExitCode.ShouldBe(0, cli.ToString());
        (await _fake.StatAsync("credentials")).ShouldBe(2);
        SsoWorld.BrowserTabs(_p).ShouldBe(1);
    }

    [Fact]
    public async Task Botocore_refreshes_a_token_written_by_aws_session_with_its_registration()
    {
        (await _p.RunAsync("login", "--profile", "dev")).ExitCode.ShouldBe(0);
        ShortenToken(TimeSpan.FromMinutes(5));

        var boto = await ProcessRunner.RunAsync("python3", [Script, "creds", "dev"], _p.Environment, workingDirectory: _p.Home);

        boto.ExitCode.ShouldBe(0, boto.ToString());
        (await _fake.StatAsync("token_refresh")).ShouldBe(1);
    }

    [Fact]
    public async Task A_token_written_by_botocore_serves_aws_session_without_a_browser()
    {
        var dir = Path.Combine(_p.Home, ".aws", "sso", "cache");
        var write = await ProcessRunner.RunAsync("python3", [Script, "write", _fake.Url, dir, "corp"], _p.Environment, workingDirectory: _p.Home);
        write.ExitCode.ShouldBe(0, write.ToString());
        _p.Unset("BROWSER").Set("AWS_SESSION_SSO_TIMEOUT", "2s");

        var r = await _p.RunAsync("pose", "prod", "ReadOnly", "--profile", "corp");

        r.ExitCode.ShouldBe(0, r.ToString());
        SsoWorld.BrowserTabs(_p).ShouldBe(0);
        (await _fake.StatAsync("credentials")).ShouldBe(1);
    }

    [Fact]
    public async Task A_token_written_by_aws_session_serves_the_JavaScript_SDK_v3_without_a_browser()
    {
        File.Exists(JsConsumer.CredentialProviders).ShouldBeTrue($"{JsConsumer.CredentialProviders} is missing: run `npm ci` in {JsConsumer.Folder}");
        (await _p.RunAsync("login", "--profile", "dev")).ExitCode.ShouldBe(0);
        _p.Unset("BROWSER");

        var js = await ProcessRunner.RunAsync("node", [JsConsumer.SsoScript, "dev"], _p.Environment, workingDirectory: _p.Home);

        js.ExitCode.ShouldBe(0, js.ToString());
        js.Stdout.Trim().ShouldStartWith("ASIA");
        (await _fake.StatAsync("credentials")).ShouldBe(1);
        (await _fake.StatAsync("token_refresh")).ShouldBe(0);
        SsoWorld.BrowserTabs(_p).ShouldBe(1);
    }

    [Fact]
    public async Task The_JavaScript_SDK_refreshes_a_token_from_aws_session_and_aws_session_reads_what_it_wrote()
    {
        File.Exists(JsConsumer.CredentialProviders).ShouldBeTrue($"{JsConsumer.CredentialProviders} is missing: run `npm ci` in {JsConsumer.Folder}");
        (await _p.RunAsync("login", "--profile", "dev")).ExitCode.ShouldBe(0);
        ShortenToken(TimeSpan.FromMinutes(3)); // inside the JS SDK's 5-minute refresh window
        _p.Unset("BROWSER");

        var js = await ProcessRunner.RunAsync("node", [JsConsumer.SsoScript, "dev"], _p.Environment, workingDirectory: _p.Home);

        js.ExitCode.ShouldBe(0, js.ToString());
        (await _fake.StatAsync("token_refresh")).ShouldBe(1);
        // The JS SDK writes expiresAt with milliseconds; aws-session takes that token as it is.
        JsonDocument.Parse(File.ReadAllText(SsoWorld.TokenFile(_p))).RootElement.GetProperty("expiresAt").GetString()!.ShouldMatch(@"\.\d{3}Z$");
        var r = await _p.RunAsync("--profile", "dev");
        r.ExitCode.ShouldBe(0, r.ToString());
        (await _fake.StatAsync("token_refresh")).ShouldBe(1);
        SsoWorld.BrowserTabs(_p).ShouldBe(1);
    }

    private static string Script => Path.Combine(Repo.Root, "tests", "Integration", "Sso", "boto_token_interop.py");

    /// <summary>Moves the cached token's expiry (as if time passed), optionally dropping its refresh token.</summary>
    private void ShortenToken(TimeSpan left, bool dropRefresh = false)
    {
        var file = SsoWorld.TokenFile(_p);
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(file))!.AsObject();
        json["expiresAt"] = DateTimeOffset.UtcNow.Add(left).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");
        if (dropRefresh)
            json.Remove("refreshToken");
        File.WriteAllText(file, json.ToJsonString());
    }
}
