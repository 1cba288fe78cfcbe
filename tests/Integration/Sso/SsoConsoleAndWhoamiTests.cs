using System.Text.Json;
using System.Web;
using AwsSession.Tests.Integration.Fixtures;
using AwsSession.Tests.Integration.Tools;

namespace AwsSession.Tests.Integration.Sso;

/// <summary>
/// `console` and `whoami` with IAM Identity Center role credentials: the fake Identity Center signs in and issues
/// the role credentials, the fake federation endpoint takes them for a console sign-in token, and moto answers
/// sts:GetCallerIdentity.
/// </summary>
[Collection(MotoCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SsoConsoleAndWhoamiTests(MotoServer moto) : IAsyncLifetime
{
    private FakeIdentityCenter _fake = null!;
    private readonly FakeFederation _federation = new();
    private AwsSessionProcess _p = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeIdentityCenter.StartAsync();
        _p = SsoWorld.Create(_fake, moto.Url);
        _p.Set("AWS_SESSION_FEDERATION_URL", _federation.Url);
    }

    public async Task DisposeAsync()
    {
        _p.Dispose();
        await _federation.DisposeAsync();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task Console_print_on_an_sso_profile_federates_the_sso_role_credentials()
    {
        var process = await _p.RunAsync("credential-process", "--profile", "dev");
        process.ExitCode.ShouldBe(0, process.ToString());
        var role = JsonDocument.Parse(process.Stdout).RootElement;
        _p.Unset("AWS_REGION", "AWS_DEFAULT_REGION"); // the console opens in the profile's region

        var r = await _p.RunAsync("console", "--print", "--profile", "dev");

        r.ExitCode.ShouldBe(0, r.ToString());
        var query = HttpUtility.ParseQueryString(new Uri(r.Stdout.Trim()).Query);
        query["SigninToken"].ShouldBe(FakeFederation.Token);
        query["Destination"].ShouldBe("https://console.aws.amazon.com/console/home?region=eu-west-1");
        using var session = JsonDocument.Parse(_federation.Requests.ShouldHaveSingleItem()["Session"]!);
        session.RootElement.GetProperty("sessionId").GetString().ShouldBe(role.GetProperty("AccessKeyId").GetString());
        session.RootElement.GetProperty("sessionKey").GetString().ShouldBe(role.GetProperty("SecretAccessKey").GetString());
        session.RootElement.GetProperty("sessionToken").GetString().ShouldBe(role.GetProperty("SessionToken").GetString());
        r.Stderr.ShouldNotContain(role.GetProperty("SessionToken").GetString()!);
        (await _fake.StatAsync("credentials")).ShouldBe(1);
        SsoWorld.BrowserTabs(_p).ShouldBe(1);
    }

    [Fact]
    public async Task Console_pose_on_an_sso_base_picks_the_account_and_role_from_the_portal()
    {
        var r = await _p.RunAsync("console", "pose", "prod", "ReadOnly", "--profile", "corp", "--print");

        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stdout.Trim().ShouldContain("SigninToken=" + FakeFederation.Token);
        using var session = JsonDocument.Parse(_federation.Requests.ShouldHaveSingleItem()["Session"]!);
        session.RootElement.GetProperty("sessionId").GetString()!.ShouldStartWith("ASIA");
        r.Stderr.ShouldContain("prod (111111111111)");
        (await _fake.StatAsync("credentials")).ShouldBe(1);
    }

    [Fact]
    public async Task Whoami_on_an_sso_profile_asks_sts_with_the_sso_role_session()
    {
        var r = await _p.RunAsync("whoami", "--profile", "dev", "--json");

        r.ExitCode.ShouldBe(0, r.ToString());
        var who = JsonDocument.Parse(r.Stdout).RootElement;
        who.GetProperty("session").GetString().ShouldBe("role");
        who.GetProperty("arn").GetString().ShouldNotBeNullOrEmpty();
        who.GetProperty("expiration").GetString().ShouldNotBeNullOrEmpty();
        (await _fake.StatAsync("credentials")).ShouldBe(1);
        SsoWorld.BrowserTabs(_p).ShouldBe(1);
    }

    [Fact]
    public async Task Whoami_pose_on_an_sso_base_reuses_the_role_session_pose_cached()
    {
        (await _p.RunAsync("pose", "prod", "ReadOnly", "--profile", "corp")).ExitCode.ShouldBe(0);

        var r = await _p.RunAsync("whoami", "pose", "prod", "ReadOnly", "--profile", "corp", "--json");

        r.ExitCode.ShouldBe(0, r.ToString());
        JsonDocument.Parse(r.Stdout).RootElement.GetProperty("session").GetString().ShouldBe("role");
        (await _fake.StatAsync("credentials")).ShouldBe(1);
    }
}
