using AwsSession.Cache;
using AwsSession.Config;
using AwsSession.Domain;
using AwsSession.Sso;
using AwsSession.Tests.Unit.Cache;
using AwsSession.Tests.Unit.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace AwsSession.Tests.Unit.Sso;

/// <summary>When the cached token is used, refreshed, or replaced by a sign-in; and that a refused token never loops.</summary>
public sealed class SsoTokenProviderTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly SsoSessionConfig Corp = new("corp", "https://d-fake.awsapps.com/start", "us-east-1", [SsoSessionConfig.DefaultScope]);
    private readonly TempDir _dir = new();
    private readonly RecordingStatus _status = new();
    private readonly FakeTimeProvider _time = new(Now);
    private readonly FakeOidc _oidc = new();
    private readonly SsoTokenCache _tokens;

    public SsoTokenProviderTests() => _tokens = new SsoTokenCache(_dir.Sub("sso"), _status);

    private SsoTokenProvider Provider(bool canSignIn = true) =>
        new(_tokens, new CacheStore(_dir.Sub("locks"), _status), () => _oidc, canSignIn ? () => new SsoSignIn(_oidc, _tokens, new NoBrowser(), _status, _time, new SignInSettings(true)) : null, _time, _status);

    private SsoToken Cached(TimeSpan left, bool refreshable = true) =>
        new(Corp.StartUrl, Corp.Region, "cached", Now + left, "cid", "csecret", Now.AddDays(30), refreshable ? "rtok" : null);

    [Fact]
    public async Task A_token_with_more_than_15_minutes_left_is_used_without_any_call()
    {
        _tokens.WriteToken(Corp, Cached(TimeSpan.FromHours(2)));

        (await Provider().GetAsync(Corp, null, default)).AccessToken.ShouldBe("cached");

        _oidc.Calls.ShouldBeEmpty();
    }

    [Fact]
    public async Task Under_15_minutes_it_is_refreshed_silently_and_the_cache_updated()
    {
        _tokens.WriteToken(Corp, Cached(TimeSpan.FromMinutes(10)));

        var t = await Provider(canSignIn: false).GetAsync(Corp, null, default);

        t.AccessToken.ShouldBe("refreshed");
        _oidc.Calls.ShouldBe(["token:refresh_token"]);
        _tokens.ReadToken(Corp)!.AccessToken.ShouldBe("refreshed");
        _tokens.ReadToken(Corp)!.ExpiresAt.ShouldBe(Now.AddHours(8));
    }

    [Fact]
    public async Task A_valid_token_that_cannot_be_refreshed_is_still_used()
    {
        _tokens.WriteToken(Corp, Cached(TimeSpan.FromMinutes(10), refreshable: false));

        (await Provider(canSignIn: false).GetAsync(Corp, null, default)).AccessToken.ShouldBe("cached");
    }

    [Fact]
    public async Task An_expired_token_whose_refresh_is_refused_needs_a_sign_in_and_says_how_when_none_may_open()
    {
        _tokens.WriteToken(Corp, Cached(TimeSpan.FromMinutes(-5)));
        _oidc.RefuseRefresh = true;

        var e = await Should.ThrowAsync<AwsSessionException>(() => Provider(canSignIn: false).GetAsync(Corp, null, default));

        e.Message.ShouldContain("sign-in of corp has expired");
        e.Hint.ShouldBe("run: aws-session login --sso-session corp");
    }

    [Fact]
    public async Task A_token_the_portal_refused_leads_to_a_sign_in_not_a_refresh()
    {
        _tokens.WriteToken(Corp, Cached(TimeSpan.FromHours(2)));

        var t = await Provider().GetAsync(Corp, rejected: "cached", default);

        t.AccessToken.ShouldBe("device-token");
        _oidc.Calls.ShouldBe(["register", "device_authorization", "token:device_code"]);
    }

    [Fact]
    public async Task A_refused_token_already_replaced_by_another_process_is_not_signed_in_again()
    {
        _tokens.WriteToken(Corp, Cached(TimeSpan.FromHours(2)) with { AccessToken = "replaced" });

        (await Provider().GetAsync(Corp, rejected: "cached", default)).AccessToken.ShouldBe("replaced");
        _oidc.Calls.ShouldBeEmpty();
    }

    public void Dispose() => _dir.Dispose();

    private sealed class NoBrowser : IBrowserLauncher
    {
        public bool CanOpen => false;

        public bool TryOpen(Uri url) => false;
    }

    private sealed class FakeOidc : IOidcClient
    {
        public List<string> Calls { get; } = [];

        public bool RefuseRefresh { get; set; }

        public Uri Endpoint => new("http://127.0.0.1:9/");

        public Task<SsoRegistration> RegisterAsync(string clientName, IReadOnlyList<string> scopes, IReadOnlyList<string> grantTypes, IReadOnlyList<string>? redirectUris, string? issuerUrl, CancellationToken ct)
        {
            Calls.Add("register");
            return Task.FromResult(new SsoRegistration("cid", "csecret", Now.AddDays(90), grantTypes));
        }

        public Task<DeviceAuthorization> StartDeviceAuthorizationAsync(SsoRegistration registration, string startUrl, CancellationToken ct)
        {
            Calls.Add("device_authorization");
            return Task.FromResult(new DeviceAuthorization("dc", "ABCD-EFGH", new Uri("http://127.0.0.1:9/device"), null, TimeSpan.FromMinutes(5), TimeSpan.Zero));
        }

        public Task<OidcToken> CreateTokenAsync(SsoRegistration registration, TokenGrant grant, CancellationToken ct)
        {
            Calls.Add("token:" + (grant is DeviceCodeGrant ? "device_code" : grant.GrantType));
            if (grant is RefreshTokenGrant && RefuseRefresh)
                throw new OidcException("invalid_grant", "InvalidGrantException", "Invalid refresh token provided");
            return Task.FromResult(new OidcToken(grant is RefreshTokenGrant ? "refreshed" : "device-token", TimeSpan.FromHours(8), "rtok2"));
        }
    }
}
