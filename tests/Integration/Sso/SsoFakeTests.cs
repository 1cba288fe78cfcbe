using AwsSession.Tests.Integration.Fixtures;

namespace AwsSession.Tests.Integration.Sso;

/// <summary>The fake Identity Center speaks the real protocol: boto3's own sso-oidc and sso clients drive every operation.</summary>
public sealed class SsoFakeTests
{
    [Fact]
    public async Task Boto3_completes_device_code_PKCE_refresh_portal_and_logout_against_the_fake()
    {
        await using var fake = await FakeIdentityCenter.StartAsync("--filler-accounts", "25");
        var script = Path.Combine(Repo.Root, "tests", "Integration", "Fixtures", "check_fake_with_boto3.py");

        var r = await ProcessRunner.RunAsync("python3", [script, fake.Url], ProcessRunner.CleanEnvironment(), timeout: TimeSpan.FromSeconds(90));

        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stdout.Trim().ShouldBe("OK");
    }
}
