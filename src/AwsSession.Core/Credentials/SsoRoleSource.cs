using AwsSession.Config;
using AwsSession.Domain;
using AwsSession.Sso;

namespace AwsSession.Credentials;

/// <summary>
/// Role credentials from the Identity Center portal (GetRoleCredentials) with the sign-in's access token. A token
/// the portal refuses (revoked, or expired early) leads to one new sign-in and one more try, never a loop.
/// </summary>
public sealed class SsoRoleSource(SsoTokenProvider tokens, SsoSessionConfig session, string accountId, string roleName, ISsoPortal portal)
    : ICredentialSource
{
    public async ValueTask<Session> GetAsync(CancellationToken ct)
    {
        var credentials = await SsoCall.WithTokenAsync(tokens, session, token => portal.GetRoleCredentialsAsync(token, accountId, roleName, ct), ct);
        return new Session(credentials, SessionKind.Role, Identity(accountId, roleName));
    }

    /// <summary>The identity marker of an SSO role session: "sso:ACCOUNT/ROLE".</summary>
    public static SessionIdentity Identity(string accountId, string roleName) => SessionIdentity.Sso($"{accountId}/{roleName}");

    public override string ToString() => $"SsoRole({accountId}/{roleName})";
}
