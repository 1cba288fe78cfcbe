using AwsSession.Logging;
using System.Web;
using AwsSession.Config;
using AwsSession.Domain;
using AwsSession.Prompts;

namespace AwsSession.Sso;

/// <summary>How a sign-in may go: the device code even with a browser, and how long to wait for the person.</summary>
public sealed record SignInSettings(bool UseDeviceCode = false, TimeSpan? Timeout = null)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(10);

    public TimeSpan Wait => Timeout ?? DefaultTimeout;

    /// <summary>AWS_SESSION_SSO_TIMEOUT (seconds or 90s/5m) bounds the wait for the person; default 10 minutes.</summary>
    public static SignInSettings From(EnvironmentVariables env, bool useDeviceCode) =>
        new(useDeviceCode, env.Get("AWS_SESSION_SSO_TIMEOUT") is { } t ? Durations.Parse(t, "AWS_SESSION_SSO_TIMEOUT") : null);
}

/// <summary>
/// One interactive sign-in to IAM Identity Center: authorization code with PKCE and a loopback redirect when a
/// browser can be opened, else (or with --use-device-code, or for a legacy profile) the device code. The URL and
/// the code always go to stderr too. The client registration is reused from the cache until it expires.
/// </summary>
public sealed class SsoSignIn(IOidcClient oidc, SsoTokenCache cache, IBrowserLauncher browser, IStatus status, TimeProvider time, SignInSettings settings)
{
    public const string DeviceGrant = "urn:ietf:params:oauth:grant-type:device_code";
    private static readonly string[] GrantTypes = ["authorization_code", DeviceGrant, "refresh_token"];

    public async Task<SsoToken> SignInAsync(SsoSessionConfig session, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(settings.Wait);
        var pkce = !settings.UseDeviceCode && !session.IsLegacy && browser.CanOpen;
        try
        {
            var registration = await RegistrationAsync(session, pkce ? "authorization_code" : DeviceGrant, timeout.Token);
            var token = pkce ? await PkceAsync(session, registration, timeout.Token) : await DeviceCodeAsync(session, registration, timeout.Token);
            var now = time.GetUtcNow();
            return new SsoToken(session.StartUrl, session.Region, token.AccessToken, now + token.ExpiresIn,
                registration.ClientId, registration.ClientSecret, registration.ExpiresAt, token.RefreshToken);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            throw new AwsSessionException($"gave up waiting for the IAM Identity Center sign-in of {session.Label} after {Durations.Format(settings.Wait)}",
                hint: "run it again and confirm the sign-in in the browser" + (pkce ? ", or use --use-device-code" : ""));
        }
    }

    private async Task<SsoRegistration> RegistrationAsync(SsoSessionConfig session, string grant, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (cache.ReadRegistration(session) is { } cached && cached.ExpiresAt - now > SsoToken.RefreshWindow
            && (cached.GrantTypes.Count == 0 ? grant == DeviceGrant : cached.GrantTypes.Contains(grant)))
            return cached;
        status.Debug($"sso: registering a client with {oidc.Endpoint.GetLeftPart(UriPartial.Authority)}");
        var registration = session.IsLegacy
            ? await oidc.RegisterAsync("aws-session", [], [DeviceGrant], null, null, ct)
            : await oidc.RegisterAsync("aws-session", session.Scopes, GrantTypes, [LoopbackRedirect.RegisteredUri], session.StartUrl, ct);
        cache.WriteRegistration(session, registration);
        return registration;
    }

    private async Task<OidcToken> PkceAsync(SsoSessionConfig session, SsoRegistration registration, CancellationToken ct)
    {
        var pkce = Pkce.Create();
        var state = Pkce.Base64Url(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        using var loopback = new LoopbackRedirect();
        var query = HttpUtility.ParseQueryString("");
        query["response_type"] = "code";
        query["client_id"] = registration.ClientId;
        query["redirect_uri"] = loopback.RedirectUri;
        query["state"] = state;
        query["code_challenge_method"] = "S256";
        query["scopes"] = string.Join(' ', session.Scopes);
        query["code_challenge"] = pkce.Challenge;
        var url = new UriBuilder(new Uri(oidc.Endpoint, "authorize")) { Query = query.ToString() }.Uri;

        status.Note($"Signing in to IAM Identity Center ({session.Label}). If no browser opens, visit: {url.AbsoluteUri}");
        if (!browser.TryOpen(url))
            status.Warn("could not open a browser; open the URL above, or run with --use-device-code");
        var answer = await loopback.WaitAsync(state, ct);
        if (answer.Error is { } error)
            throw Refused(session, error, answer.ErrorDescription);
        try
        {
            return await oidc.CreateTokenAsync(registration, new AuthorizationCodeGrant(answer.Code!, loopback.RedirectUri, pkce.Verifier), ct);
        }
        catch (OidcException e) when (e.Error is "access_denied")
        {
            throw Refused(session, e.Error, null);
        }
    }

    private async Task<OidcToken> DeviceCodeAsync(SsoSessionConfig session, SsoRegistration registration, CancellationToken ct)
    {
        var device = await oidc.StartDeviceAuthorizationAsync(registration, session.StartUrl, ct);
        var page = device.VerificationUriComplete ?? device.VerificationUri;
        status.Note($"Signing in to IAM Identity Center ({session.Label}): open {device.VerificationUri.AbsoluteUri} and confirm the code {device.UserCode}");
        if (browser.CanOpen && !browser.TryOpen(page))
            status.Warn("could not open a browser; open the URL above");

        var deadline = time.GetUtcNow() + device.ExpiresIn;
        var interval = device.Interval;
        while (true)
        {
            await Task.Delay(interval, time, ct);
            try
            {
                return await oidc.CreateTokenAsync(registration, new DeviceCodeGrant(device.DeviceCode), ct);
            }
            catch (OidcException e) when (e.Error == "authorization_pending" && time.GetUtcNow() < deadline)
            {
            }
            catch (OidcException e) when (e.Error == "slow_down")
            {
                // RFC 8628: each slow_down adds 5 seconds to the interval.
                interval += TimeSpan.FromSeconds(5);
            }
            catch (Exception e) when (e is OidcException { Error: "expired_token" or "authorization_pending" } or Aws.ExpiredTokenException)
            {
                throw new AwsSessionException($"the sign-in code {device.UserCode} for {session.Label} expired before it was confirmed",
                    hint: "run it again and confirm the code in the browser in time");
            }
            catch (OidcException e) when (e.Error == "access_denied")
            {
                throw Refused(session, e.Error, null);
            }
        }
    }

    private static AwsSessionException Refused(SsoSessionConfig session, string error, string? description) =>
        new($"the IAM Identity Center sign-in of {session.Label} was not allowed ({ErrorText.Printable(error)}{(description is null ? "" : ": " + ErrorText.Printable(description))})",
            hint: "sign in again and approve the request");
}
