using AwsSession.Config;
using AwsSession.Domain;
using AwsSession.Prompts;
using AwsSession.Sso;

namespace AwsSession.Credentials;

/// <summary>
/// Role credentials from the Identity Center portal (GetRoleCredentials) with the sign-in's access token. A token
/// the portal refuses (revoked, or expired early) leads to one new sign-in and one more try, never a loop.
/// </summary>
public sealed class SsoRoleSource(SsoTokenProvider tokens, SsoSessionConfig session, string accountId, string roleName, ISsoPortal portal, IStatus status)
    : ICredentialSource
{
    public async ValueTask<Session> GetAsync(CancellationToken ct)
    {
        var token = await tokens.GetAsync(session, null, ct);
        AwsCredentials credentials;
        try
        {
            credentials = await portal.GetRoleCredentialsAsync(token.AccessToken, accountId, roleName, ct);
        }
        catch (SsoTokenRejectedException)
        {
            status.Note($"IAM Identity Center refused the cached sign-in of {session.Label}; signing in again");
            token = await tokens.GetAsync(session, token.AccessToken, ct);
            credentials = await portal.GetRoleCredentialsAsync(token.AccessToken, accountId, roleName, ct);
        }
        return new Session(credentials, SessionKind.Role, Identity(accountId, roleName));
    }

    /// <summary>The identity marker of an SSO role session: "sso:ACCOUNT/ROLE".</summary>
    public static string Identity(string accountId, string roleName) => $"sso:{accountId}/{roleName}";
}
