using AwsSession.Tests.Integration.Fixtures;

namespace AwsSession.Tests.Integration.Sso;

/// <summary>
/// An aws-session process set up for IAM Identity Center: ~/.aws/config with [sso-session corp] and SSO profiles,
/// the fake's URL in AWS_ENDPOINT_URL_SSO and AWS_ENDPOINT_URL_SSO_OIDC, and the test browser in BROWSER (logging
/// every URL it opens to <see cref="BrowserLog"/>). AWS_ENDPOINT_URL stays at moto (or nowhere) for STS.
/// </summary>
public static class SsoWorld
{
    public const string Config = $"""
        [profile dev]
        sso_session = corp
        sso_account_id = 111111111111
        sso_role_name = ReadOnly
        region = eu-west-1

        [profile corp]
        sso_session = corp

        [profile legacy]
        sso_start_url = {FakeIdentityCenter.StartUrl}
        sso_region = us-east-1
        sso_account_id = 222222222222
        sso_role_name = ReadOnly

        [sso-session corp]
        sso_start_url = {FakeIdentityCenter.StartUrl}
        sso_region = us-east-1
        sso_registration_scopes = sso:account:access

        """;

    public static AwsSessionProcess Create(FakeIdentityCenter fake, string? moto = null, string? config = Config, string? binary = null)
    {
        var p = new AwsSessionProcess(moto ?? "http://127.0.0.1:9", seed: null, binary: binary);
        p.WriteAwsFiles(config);
        p.Set("AWS_ENDPOINT_URL_SSO", fake.Url).Set("AWS_ENDPOINT_URL_SSO_OIDC", fake.Url);
        p.Set("BROWSER", FakeIdentityCenter.Browser).Set("TEST_BROWSER_LOG", BrowserLog(p));
        p.Unset("DISPLAY", "WAYLAND_DISPLAY", "SSH_CONNECTION");
        return p;
    }

    public static string BrowserLog(AwsSessionProcess p) => Path.Combine(p.Home, "browser.log");

    public static int BrowserTabs(AwsSessionProcess p) => File.Exists(BrowserLog(p)) ? File.ReadAllLines(BrowserLog(p)).Length : 0;

    public static string TokenFile(AwsSessionProcess p, string name = "corp") =>
        Path.Combine(p.Home, ".aws", "sso", "cache", Convert.ToHexStringLower(System.Security.Cryptography.SHA1.HashData(System.Text.Encoding.UTF8.GetBytes(name))) + ".json");
}
