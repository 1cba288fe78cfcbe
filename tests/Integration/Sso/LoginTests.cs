using System.Text.Json;
using AwsSession.Tests.Integration.Fixtures;

namespace AwsSession.Tests.Integration.Sso;

/// <summary>
/// `aws-session login` and `logout` against the fake Identity Center, with the test browser in BROWSER: PKCE with
/// a loopback redirect, the device code (asked for, or chosen when no browser can open), denial, expiry, a timeout,
/// parallel sign-ins, and the AWS CLI's token cache format.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class LoginTests
{
    [Fact]
    public async Task Login_with_a_browser_uses_PKCE_and_writes_the_token_where_the_AWS_CLI_reads_it()
    {
        await using var fake = await FakeIdentityCenter.StartAsync();
        using var p = SsoWorld.Create(fake);

        var r = await p.RunAsync("login", "--sso-session", "corp");

        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stdout.ShouldBeEmpty();
        r.Stderr.ShouldContain("/authorize?");
        (await fake.StatAsync("token_authorization_code")).ShouldBe(1);
        (await fake.StatAsync("device_authorization")).ShouldBe(0);
        var file = SsoWorld.TokenFile(p);
        File.GetUnixFileMode(file).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        using var doc = JsonDocument.Parse(File.ReadAllText(file));
        var t = doc.RootElement;
        t.GetProperty("startUrl").GetString().ShouldBe(FakeIdentityCenter.StartUrl);
        t.GetProperty("region").GetString().ShouldBe("us-east-1");
        t.GetProperty("accessToken").GetString().ShouldStartWith("atok-");
        t.GetProperty("refreshToken").GetString().ShouldStartWith("rtok-");
        t.GetProperty("clientId").GetString().ShouldStartWith("cid-");
        t.GetProperty("clientSecret").GetString().ShouldNotBeNullOrEmpty();
        t.GetProperty("expiresAt").GetString()!.ShouldMatch(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$");
        t.GetProperty("registrationExpiresAt").GetString()!.ShouldMatch(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$");
        r.Stderr.ShouldNotContain(t.GetProperty("accessToken").GetString()!);
    }

    [Fact]
    public async Task A_second_login_reuses_the_cached_client_registration()
    {
        await using var fake = await FakeIdentityCenter.StartAsync();
        using var p = SsoWorld.Create(fake);

        (await p.RunAsync("login", "--profile", "dev")).ExitCode.ShouldBe(0);
        (await p.RunAsync("login", "--profile", "dev", "--use-device-code")).ExitCode.ShouldBe(0);

        (await fake.StatAsync("register")).ShouldBe(1);
        (await fake.StatAsync("token_device")).ShouldBe(1);
    }

    [Fact]
    public async Task Use_device_code_confirms_the_code_in_the_browser_and_prints_it()
    {
        await using var fake = await FakeIdentityCenter.StartAsync();
        using var p = SsoWorld.Create(fake);

        var r = await p.RunAsync("login", "--profile", "dev", "--use-device-code");

        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stderr.ShouldMatch(@"confirm the code [0-9A-F]{4}-[0-9A-F]{4}");
        (await fake.StatAsync("token_device")).ShouldBe(1);
        (await fake.StatAsync("authorize")).ShouldBe(0);
    }

    [Fact]
    public async Task Without_a_browser_the_device_code_is_chosen_and_an_unconfirmed_code_expires_with_a_clear_message()
    {
        await using var fake = await FakeIdentityCenter.StartAsync("--device-ttl", "3");
        using var p = SsoWorld.Create(fake);
        p.Unset("BROWSER");

        var r = await p.RunAsync("login", "--profile", "dev");

        r.ExitCode.ShouldBe(1, r.ToString());
        r.Stderr.ShouldContain("/device and confirm the code");
        r.StderrLines.Last().ShouldMatch("aws-session: the sign-in code .* for corp expired before it was confirmed");
        (await fake.StatAsync("authorize")).ShouldBe(0);
        File.Exists(SsoWorld.TokenFile(p)).ShouldBeFalse();
    }

    [Fact]
    public async Task A_denied_sign_in_fails_with_one_clear_line_and_writes_no_token()
    {
        await using var fake = await FakeIdentityCenter.StartAsync("--deny");
        using var p = SsoWorld.Create(fake);

        var r = await p.RunAsync("login", "--sso-session", "corp");

        r.ExitCode.ShouldBe(1, r.ToString());
        r.StderrLines.Last().ShouldContain("sign-in of corp was not allowed (access_denied");
        File.Exists(SsoWorld.TokenFile(p)).ShouldBeFalse();
    }

    [Fact]
    public async Task A_denied_device_code_fails_with_one_clear_line()
    {
        await using var fake = await FakeIdentityCenter.StartAsync("--deny");
        using var p = SsoWorld.Create(fake);

        var r = await p.RunAsync("login", "--sso-session", "corp", "--use-device-code");

        r.ExitCode.ShouldBe(1, r.ToString());
        r.StderrLines.Last().ShouldContain("was not allowed (access_denied)");
    }

    [Fact]
    public async Task A_person_who_never_answers_meets_the_timeout_with_a_clear_message()
    {
        await using var fake = await FakeIdentityCenter.StartAsync();
        using var p = SsoWorld.Create(fake);
        p.Set("TEST_BROWSER_MODE", "ignore").Set("AWS_SESSION_SSO_TIMEOUT", "3s");

        var r = await p.RunAsync("login", "--sso-session", "corp");

        r.ExitCode.ShouldBe(1, r.ToString());
        r.StderrLines.Last().ShouldContain("gave up waiting for the IAM Identity Center sign-in of corp after 3s");
        SsoWorld.BrowserTabs(p).ShouldBe(1);
    }

    [Fact]
    public async Task Slow_down_adds_to_the_polling_interval_and_the_sign_in_still_completes()
    {
        await using var fake = await FakeIdentityCenter.StartAsync("--slow-down");
        using var p = SsoWorld.Create(fake);

        var r = await p.RunAsync("login", "--sso-session", "corp", "--use-device-code");

        r.ExitCode.ShouldBe(0, r.ToString());
        (await fake.StatAsync("slow_down")).ShouldBe(1);
        (await fake.StatAsync("token_device")).ShouldBe(1);
    }

    [Fact]
    public async Task Parallel_logins_open_one_browser_tab()
    {
        await using var fake = await FakeIdentityCenter.StartAsync();
        using var p = SsoWorld.Create(fake);

        var runs = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => p.RunAsync("login", "--sso-session", "corp")));

        foreach (var r in runs)
            r.ExitCode.ShouldBe(0, r.ToString());
        SsoWorld.BrowserTabs(p).ShouldBe(1);
        (await fake.StatAsync("token_authorization_code")).ShouldBe(1);
    }

    [Fact]
    public async Task The_only_sso_session_of_the_config_is_used_without_options()
    {
        await using var fake = await FakeIdentityCenter.StartAsync();
        using var p = SsoWorld.Create(fake, config: $"""
            [sso-session only]
            sso_start_url = {FakeIdentityCenter.StartUrl}
            sso_region = us-east-1
            """);

        var r = await p.RunAsync("login");

        r.ExitCode.ShouldBe(0, r.ToString());
        File.Exists(SsoWorld.TokenFile(p, "only")).ShouldBeTrue();
    }

    [Fact]
    public async Task Login_on_a_profile_without_sso_is_a_usage_error()
    {
        await using var fake = await FakeIdentityCenter.StartAsync();
        using var p = SsoWorld.Create(fake, config: "[profile keys]\nregion = us-east-1\n");

        var r = await p.RunAsync("login", "--profile", "keys");

        r.ExitCode.ShouldBe(2, r.ToString());
        r.StderrLines.ShouldHaveSingleItem().ShouldContain("profile 'keys' does not sign in with IAM Identity Center");
    }

    [Fact]
    public async Task Logout_ends_the_token_at_AWS_and_deletes_it()
    {
        await using var fake = await FakeIdentityCenter.StartAsync();
        using var p = SsoWorld.Create(fake);
        (await p.RunAsync("login", "--sso-session", "corp")).ExitCode.ShouldBe(0);

        var r = await p.RunAsync("logout");

        r.ExitCode.ShouldBe(0, r.ToString());
        (await fake.StatAsync("logout")).ShouldBe(1);
        File.Exists(SsoWorld.TokenFile(p)).ShouldBeFalse();
        r.Stderr.ShouldContain("signed out of 1 IAM Identity Center sign-in");
    }
}
