using AwsSession.Logging;
using AwsSession.Cache;
using AwsSession.Config;
using AwsSession.Domain;
using AwsSession.Prompts;

namespace AwsSession.Sso;

/// <summary>
/// A usable access token for a sign-in: the cached one while it has more than 15 minutes (or cannot be refreshed
/// and still works), else a silent refresh, else one interactive sign-in. Refresh and sign-in run under the same
/// inter-process lock as sessions, so any number of parallel processes cause one browser tab or one device code.
/// </summary>
public sealed class SsoTokenProvider(
    SsoTokenCache tokens,
    CacheStore locks,
    Func<IOidcClient> oidc,
    Func<SsoSignIn>? signIn,
    TimeProvider time,
    IStatus status,
    SignInGate? gate = null)
{
    /// <summary>
    /// The token to use. <paramref name="rejected"/> is an access token the portal just refused (401): it is never
    /// returned again, and it leads to a sign-in, not a refresh, unless another process replaced it meanwhile.
    /// </summary>
    public async Task<SsoToken> GetAsync(SsoSessionConfig session, string? rejected, CancellationToken ct)
    {
        if (rejected is null && Usable(tokens.ReadToken(session)) is { } quick)
            return quick;
        if (rejected is not null)
            status.Note($"IAM Identity Center refused the cached sign-in of {session.Label}; signing in again");

        using var held = await CacheLock.AcquireAsync(locks, LockKey(session), $"the IAM Identity Center sign-in {session.Label}", time, status, ct);
        var cached = tokens.ReadToken(session);
        if (cached is not null && cached.AccessToken == rejected)
            cached = null;
        if (Usable(cached) is { } madeMeanwhile)
            return madeMeanwhile;

        var now = time.GetUtcNow();
        if (cached is not null && cached.CanRefresh(now) && await RefreshAsync(session, cached, ct) is { } refreshed)
            return refreshed;
        if (cached is not null && !cached.IsExpired(now))
            return cached;
        return await SignInAsync(session, ct);
    }

    /// <summary>
    /// Signs in whatever the cache holds (`login`), under the lock; a process that waited while another one signed
    /// in takes that token, so parallel logins open one browser tab.
    /// </summary>
    public async Task<SsoToken> SignInAgainAsync(SsoSessionConfig session, CancellationToken ct)
    {
        var before = tokens.ReadToken(session)?.AccessToken;
        using var held = await CacheLock.AcquireAsync(locks, LockKey(session), $"the IAM Identity Center sign-in {session.Label}", time, status, ct);
        if (tokens.ReadToken(session) is { } now && now.AccessToken != before && !now.IsExpired(time.GetUtcNow()))
        {
            status.Note($"signed in to IAM Identity Center ({session.Label}) by another aws-session meanwhile");
            return now;
        }
        return await SignInAsync(session, ct);
    }

    public static string LockKey(SsoSessionConfig session) => "sso-" + CacheKeys.Hash("sso", session.Label);

    private SsoToken? Usable(SsoToken? t)
    {
        var now = time.GetUtcNow();
        return t is not null && !t.IsExpired(now) && (!t.NeedsRefresh(now) || !t.CanRefresh(now)) ? t : null;
    }

    private async Task<SsoToken?> RefreshAsync(SsoSessionConfig session, SsoToken cached, CancellationToken ct)
    {
        status.Debug($"sso: refreshing the token of {session.Label} (expires {cached.ExpiresAt:u})");
        try
        {
            var fresh = await oidc().CreateTokenAsync(new SsoRegistration(cached.ClientId!, cached.ClientSecret!, cached.RegistrationExpiresAt!.Value, []),
                new RefreshTokenGrant(cached.RefreshToken!), ct);
            var token = cached with
            {
                AccessToken = fresh.AccessToken,
                ExpiresAt = time.GetUtcNow() + fresh.ExpiresIn,
                RefreshToken = fresh.RefreshToken ?? cached.RefreshToken,
            };
            tokens.WriteToken(session, token);
            return token;
        }
        catch (OidcException e)
        {
            // invalid_grant (revoked), invalid_client (registration gone): a sign-in is what remains.
            status.Debug($"sso: refresh refused ({e.Type})");
            return null;
        }
    }

    private async Task<SsoToken> SignInAsync(SsoSessionConfig session, CancellationToken ct)
    {
        if (signIn is null || gate is { IsOpen: false })
            throw new AwsSessionException($"the IAM Identity Center sign-in of {session.Label} has expired, and a sign-in cannot open a browser here",
                hint: $"run: aws-session login {(session.IsLegacy ? "--profile PROFILE" : "--sso-session " + session.Name)}");
        var token = await signIn().SignInAsync(session, ct);
        tokens.WriteToken(session, token);
        status.Note($"signed in to IAM Identity Center ({session.Label}) until {token.ExpiresAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC");
        return token;
    }
}
