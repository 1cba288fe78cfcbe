namespace AwsSession.Sso;

/// <summary>
/// An Identity Center access token as the AWS CLI caches it, with the client registration that can refresh it.
/// ToString never shows a token or the client secret.
/// </summary>
public sealed record SsoToken(
    string StartUrl,
    string Region,
    string AccessToken,
    DateTimeOffset ExpiresAt,
    string? ClientId = null,
    string? ClientSecret = null,
    DateTimeOffset? RegistrationExpiresAt = null,
    string? RefreshToken = null)
{
    /// <summary>The AWS CLI and the SDKs refresh when fewer than 15 minutes remain.</summary>
    public static readonly TimeSpan RefreshWindow = TimeSpan.FromMinutes(15);

    public bool IsExpired(DateTimeOffset now) => ExpiresAt <= now;

    public bool NeedsRefresh(DateTimeOffset now) => ExpiresAt - now < RefreshWindow;

    /// <summary>A refresh is possible with a refresh token and a registration that has not expired.</summary>
    public bool CanRefresh(DateTimeOffset now) =>
        RefreshToken is not null && ClientId is not null && ClientSecret is not null && RegistrationExpiresAt is { } r && r > now;

    public override string ToString() => $"SsoToken {{ {StartUrl}, {Region}, expires {ExpiresAt:u}, refreshable {RefreshToken is not null} }}";
}

/// <summary>A client registration (RegisterClient), cached so that sign-ins reuse it until it expires.</summary>
public sealed record SsoRegistration(string ClientId, string ClientSecret, DateTimeOffset ExpiresAt, IReadOnlyList<string> GrantTypes)
{
    public override string ToString() => $"SsoRegistration {{ expires {ExpiresAt:u} }}";
}
