using AwsSession.Accounts;
using AwsSession.Cache;
using AwsSession.Config;
using AwsSession.Domain;
using AwsSession.Logging;
using AwsSession.Prompts;
using AwsSession.Sso;

namespace AwsSession.Credentials;

/// <summary>
/// Plans chains that start at an IAM Identity Center sign-in: Cached(SsoRole(token)) for a profile's account and
/// role, and for pose the account from the portal's directory (same matcher and picker as the organization's) and
/// the role named, the only one, or picked. The account list is cached under the sign-in's name.
/// </summary>
public sealed class SsoPlanner(
    Func<SsoSessionConfig, SsoTokenProvider> tokens,
    Func<string, ISsoPortal> portals,
    SessionCache? cache,
    AccountsCache? accountsCache,
    IInteraction interaction,
    IStatus status)
{
    public static string Owner(SsoSessionConfig s) => "sso:" + s.Label;

    /// <summary>The profile's own account and role (sso_account_id, sso_role_name), the base of every non-pose mode.</summary>
    public Plan ProfileRole(ResolvedConfig config, SsoProfile sso, SessionOptions o)
    {
        if (sso.AccountId is null || sso.RoleName is null)
            throw new UsageException($"profile '{config.ProfileName}' names an IAM Identity Center sign-in but no sso_account_id and sso_role_name",
                "pick the account and role: aws-session pose [ACCOUNT [ROLE]] (or add both keys to the profile)");
        var (source, key) = Role(sso.Session, sso.AccountId, sso.RoleName, config.ProfileName, o);
        return new Plan(source, key, Owner(sso.Session), config.Region, config.Reach);
    }

    /// <summary>The portal's account directory: where pose and `accounts` look accounts up for a sign-in.</summary>
    public AccountDirectory Directory(SsoSessionConfig s, TimeSpan ttl) =>
        new(new SsoPortalLister(tokens(s), s, portals(s.Region)), accountsCache, interaction, status, ttl);

    /// <summary>The account and role pose names, from the portal: the role named, the only one, or picked.</summary>
    public async Task<(Account Account, string Role)> LookupAsync(PoseMode pose, SsoProfile sso, AccountDirectory directory, CancellationToken ct)
    {
        if (RoleArns.IsArn(pose.Account) || RoleArns.IsArn(pose.Role))
            throw new UsageException("with an IAM Identity Center profile, pose takes an account and a role name, not a role ARN",
                "e.g. aws-session pose prod ReadOnly");
        if (pose.ExternalId is not null || pose.SessionName is not null)
            throw new UsageException("--external-id and --session-name do not apply to IAM Identity Center roles");
        var s = sso.Session;
        var account = await directory.ResolveAsync(pose.Account, NoSession, Owner(s), ct);
        var role = await SsoRoleChoice.ResolveAsync(tokens(s), s, portals(s.Region), account, pose.Role, interaction, ct);
        return (account, role);
    }

    /// <summary>Pure: the chain for an account and role already looked up.</summary>
    public Plan Pose(ResolvedConfig config, SsoProfile sso, Account account, string role, SessionOptions o)
    {
        var (source, key) = Role(sso.Session, account.Id, role, config.ProfileName, o);
        // The portal's partition: its role sessions sign in to that partition's console.
        var target = new RoleTarget(RoleArns.Build(account.Id, role, Endpoints.ArnPartition(sso.Session.Region)), null, null, Durations.RoleDefault);
        return new Plan(source, key, Owner(sso.Session), config.Region, config.Reach, target, account);
    }

    private (ICredentialSource, string) Role(SsoSessionConfig s, string accountId, string role, string profile, SessionOptions o)
    {
        var key = CacheKeys.SsoRole(s.Label, accountId, role);
        ICredentialSource source = new SsoRoleSource(tokens(s), s, accountId, role, portals(s.Region));
        return (cache is null || o.NoCache ? source : new CachedSource(source, cache, key, profile, o.MinTtl, status), key);
    }

    /// <summary>The portal lists with the sign-in's token, not with a session.</summary>
    public static ValueTask<Session> NoSession() => throw new InvalidOperationException("the SSO directory needs no session");
}
