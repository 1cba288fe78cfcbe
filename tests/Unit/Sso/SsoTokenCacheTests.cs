using AwsSession.Config;
using AwsSession.Sso;
using AwsSession.Tests.Unit.Cache;
using AwsSession.Tests.Unit.Fakes;

namespace AwsSession.Tests.Unit.Sso;

/// <summary>The AWS CLI's token cache, both ways: its names, its two time forms, its fields, and 0600 files.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SsoTokenCacheTests : IDisposable
{
    private const string Url = "https://d-fake.awsapps.com/start";
    private static readonly SsoSessionConfig Corp = new("corp", Url, "us-east-1", [SsoSessionConfig.DefaultScope]);
    private readonly TempDir _dir = new();
    private readonly SsoTokenCache _cache;

    public SsoTokenCacheTests() => _cache = new SsoTokenCache(_dir.Sub("sso"), new RecordingStatus());

    [Fact]
    public void The_token_file_is_named_by_the_sha1_of_the_session_name_or_for_a_legacy_profile_of_the_start_url()
    {
        // Values from Python's hashlib.sha1, as botocore computes them.
        SsoTokenCache.TokenFileName(Corp).ShouldBe("ee0bfd2552fbd840c02cc48b6e823320543c450f.json");
        SsoTokenCache.TokenFileName(new SsoSessionConfig(null, Url, "us-east-1", [])).ShouldBe("80fb269b5458209dd7f9465bee942fae8e88ce9c.json");
    }

    [Fact]
    public void The_registration_file_is_named_by_the_sha1_of_the_CLI_v2_json_with_sorted_keys_and_python_separators()
    {
        // hashlib.sha1(json.dumps({"tool": "botocore", "startUrl": ..., "region": ..., "scopes": [...], "session_name": ...}, sort_keys=True))
        SsoTokenCache.RegistrationFileName(Corp).ShouldBe("2620a51bb32be5e7defbc38050c834bfbfe09f48.json");
        SsoTokenCache.RegistrationFileName(new SsoSessionConfig("çorp", Url, "us-east-1", ["sso:account:access", "x:é"]))
            .ShouldBe("437bcef549a3c4ddfc9c179155980e8a2b8e3982.json");
    }

    [Theory]
    [InlineData("""{"startUrl":"https://d-fake.awsapps.com/start","region":"us-east-1","accessToken":"a","expiresAt":"2026-12-02T18:00:48Z"}""")]
    [InlineData("""{"startUrl":"https://d-fake.awsapps.com/start","region":"us-east-1","accessToken":"a","expiresAt":"2026-12-02T18:00:48UTC"}""")]
    [InlineData("""{"startUrl":"https://d-fake.awsapps.com/start","region":"us-east-1","accessToken":"a","expiresAt":"2026-12-02T18:00:48.000Z"}""")]
    [InlineData("""{"startUrl":"https://d-fake.awsapps.com/start","region":"us-east-1","accessToken":"a","expiresAt":"2026-12-02T18:00:48+00:00"}""")]
    public void Reads_the_expiry_in_every_form_the_CLI_and_SDKs_write(string json)
    {
        Write(SsoTokenCache.TokenFileName(Corp), json);

        var t = _cache.ReadToken(Corp).ShouldNotBeNull();

        t.ExpiresAt.ShouldBe(new DateTimeOffset(2026, 12, 2, 18, 0, 48, TimeSpan.Zero));
        t.AccessToken.ShouldBe("a");
        t.CanRefresh(t.ExpiresAt.AddHours(-1)).ShouldBeFalse();
    }

    [Fact]
    public void A_token_written_here_has_the_CLI_fields_mode_0600_and_reads_back_whole()
    {
        var token = new SsoToken(Url, "us-east-1", "atok", new DateTimeOffset(2026, 12, 2, 18, 0, 48, 685, TimeSpan.Zero), "cid", "csecret",
            new DateTimeOffset(2027, 3, 1, 0, 0, 0, TimeSpan.Zero), "rtok");

        _cache.WriteToken(Corp, token).ShouldBeTrue();

        var path = Path.Combine(_dir.Sub("sso"), SsoTokenCache.TokenFileName(Corp));
        File.GetUnixFileMode(path).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.ReadAllText(path).ShouldBe("""{"startUrl":"https://d-fake.awsapps.com/start","region":"us-east-1","accessToken":"atok","expiresAt":"2026-12-02T18:00:48Z","clientId":"cid","clientSecret":"csecret","registrationExpiresAt":"2027-03-01T00:00:00Z","refreshToken":"rtok"}""");
        _cache.ReadToken(Corp).ShouldBe(token with { ExpiresAt = new DateTimeOffset(2026, 12, 2, 18, 0, 48, TimeSpan.Zero) });
    }

    [Fact]
    public void A_token_for_another_start_url_is_not_used()
    {
        Write(SsoTokenCache.TokenFileName(Corp), """{"startUrl":"https://other.awsapps.com/start","region":"us-east-1","accessToken":"a","expiresAt":"2026-12-02T18:00:48Z"}""");

        _cache.ReadToken(Corp).ShouldBeNull();
    }

    [Fact]
    public void A_corrupt_file_is_no_token()
    {
        Write(SsoTokenCache.TokenFileName(Corp), "{not json");

        _cache.ReadToken(Corp).ShouldBeNull();
    }

    [Fact]
    public void ToString_never_shows_a_token_or_secret()
    {
        var token = new SsoToken(Url, "us-east-1", "atok-secret", DateTimeOffset.UnixEpoch, "cid", "csecret", null, "rtok-secret");

        token.ToString().ShouldNotContain("secret");
        new SsoRegistration("cid", "csecret", DateTimeOffset.UnixEpoch, []).ToString().ShouldNotContain("csecret");
    }

    [Fact]
    public void The_PKCE_challenge_is_the_unpadded_base64url_sha256_of_the_verifier()
    {
        // RFC 7636, appendix B.
        Pkce.ChallengeOf("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk").ShouldBe("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
        var p = Pkce.Create();
        p.Verifier.Length.ShouldBeInRange(43, 128);
        p.Challenge.ShouldBe(Pkce.ChallengeOf(p.Verifier));
    }

    private void Write(string name, string json)
    {
        Directory.CreateDirectory(_dir.Sub("sso"));
        var path = Path.Combine(_dir.Sub("sso"), name);
        File.WriteAllText(path, json);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    public void Dispose() => _dir.Dispose();
}
