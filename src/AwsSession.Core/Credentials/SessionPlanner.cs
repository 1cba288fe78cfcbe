using AwsSession.Accounts;
using AwsSession.Aws;
using AwsSession.Cache;
using AwsSession.Config;
using AwsSession.Domain;
using AwsSession.Logging;
using AwsSession.Prompts;

namespace AwsSession.Credentials;

/// <summary>
/// The one place that knows how sources compose, e.g. Cached(AssumedRole(Cached(MfaSession(Static)))).
/// Pure: Invocation + ResolvedConfig (+ the account pose named, looked up before) → Plan. It builds sources and
/// calls none of them, so planning never touches the network or a prompt, and a cache hit needs no gateway at all.
/// </summary>
/// <param name="codes">Chooses the MFA code source (<see cref="MfaCodeSources.For"/>, from the context).</param>
public sealed class SessionPlanner(IAwsGateways aws, SessionCache? cache, IInteraction interaction, IStatus status, EnvironmentVariables env,
    MfaCodeSources.Choose codes, SsoPlanner? sso = null)
{
    /// <summary>The chain for the invocation. Pose needs its account, from <see cref="PoseTarget.AccountQuery"/>.</summary>
    public Plan Plan(Invocation invocation, ResolvedConfig config, Account? account = null, string? ssoRole = null)
    {
        if (invocation.Mode is PoseMode && config is { Sso: { } ssoBase, ProfileRoles.Count: 0 })
            return Sso.Pose(config, ssoBase, account ?? throw new InvalidOperationException("pose is planned after its account is looked up"),
                ssoRole ?? throw new InvalidOperationException("an IAM Identity Center pose is planned after its role is looked up"), invocation.Options);
        var origin = Origin(invocation, config);
        if (invocation.Mode is not PoseMode pose)
            return origin;
        var found = account ?? throw new InvalidOperationException("pose is planned after its account is looked up");
        var target = new RoleTarget(PoseTarget.RoleArn(pose, found, config.MfaSerial, config.Region), pose.SessionName, pose.ExternalId, config.RoleDuration);
        return Role(origin, target, invocation.Options, config) with { Account = found };
    }

    /// <summary>
    /// The session every mode starts from, with the profile's role hops applied: what pose assumes from, and what
    /// `accounts` lists with.
    /// </summary>
    public Plan Origin(Invocation invocation, ResolvedConfig config)
    {
        var plan = Base(invocation, config);
        // On the hit path: indexed, not an interface's enumerator (docs/architecture.md, the front).
        for (var i = 0; i < config.ProfileRoles.Count; i++)
        {
            var hop = config.ProfileRoles[i];
            plan = Role(plan, new RoleTarget(hop.RoleArn, hop.SessionName, hop.ExternalId, hop.Duration) { Attributes = hop.Attributes }, invocation.Options, config);
        }
        return plan;
    }

    /// <summary>Where a chain starts. A new kind of base source (an SSO role, keys from a secret store) is one case here.</summary>
    private Plan Base(Invocation invocation, ResolvedConfig config) => config switch
    {
        { Sso: { } ssoBase } => Sso.ProfileRole(config, ssoBase, invocation.Options),
        { BaseIsSession: true } => EnvironmentSession(invocation, config),
        _ => MfaSession(invocation, config),
    };

    /// <summary>
    /// A session already in the environment passes through. Its accounts are filed under aws-session's identity
    /// marker when there is one, else under the session's own key.
    /// </summary>
    private static Plan EnvironmentSession(Invocation invocation, ResolvedConfig config)
    {
        if (invocation.Mode is MfaMode { KeepEnvironmentSession: false } && config.ProfileRoles.Count == 0)
            throw new AwsSessionException("the environment already holds a session (AWS_SESSION_TOKEN is set); GetSessionToken needs long-lived keys",
                hint: "use `aws-session pose ...` to assume a role from it, or unset AWS_SESSION_TOKEN and the keys / pass --profile");
        var key = CacheKeys.EnvironmentSession(config.Keys.Credentials.AccessKeyId);
        return new Plan(new StaticSource(config.Keys, config.EnvironmentIdentity), key, config.EnvironmentIdentity?.ToString() ?? key, config.Region, config.Reach);
    }

    /// <summary>An MFA session over the base keys. Its accounts are filed under the device, so they outlive the session.</summary>
    private Plan MfaSession(Invocation invocation, ResolvedConfig config)
    {
        var o = invocation.Options;
        var device = config.MfaSerial;
        var key = CacheKeys.MfaSession(config.Keys.Credentials.AccessKeyId, config.Keys.ProfileName, device);
        var mfa = new MfaSessionSource(new StaticSource(config.Keys),
            new DeviceResolver(device, aws.Iam, aws.Sts, interaction, status),
            CodeSource(o, config, key), aws.Sts, config.MfaDuration, status);
        var what = $"the MFA session of profile {config.Keys.ProfileName}" + (device is null ? "" : $" ({device})");
        return new Plan(Cached(mfa, key, config.ProfileName, o, what), key, device is null ? key : SessionIdentity.Mfa(device).ToString(), config.Region, config.Reach);
    }

    private SsoPlanner Sso => sso ?? throw new InvalidOperationException("an IAM Identity Center base needs the SSO planner");

    private Plan Role(Plan inner, RoleTarget target, SessionOptions o, ResolvedConfig config)
    {
        var key = CacheKeys.RoleSession(inner.Key, target.RoleArn, target.ExternalId, target.SessionName, target.Attributes);
        var source = Cached(new AssumedRoleSource(inner.Source, target, aws.Sts, status), key, config.ProfileName, o, $"the session of {target.RoleArn}");
        return inner with { Source = source, Key = key, AccountsOwner = SessionIdentity.Role(target.RoleArn).ToString(), Role = target };
    }

    private ICredentialSource Cached(ICredentialSource inner, string key, string profile, SessionOptions o, string what)
    {
        if (cache is not null && !o.NoCache)
            return new CachedSource(inner, cache, key, profile, o.MinTtl, status, what);
        _uncached ??= [];
        if (!_uncached.TryGetValue(key, out var once))
            _uncached[key] = once = new MadeOnce(inner);
        return once;
    }

    /// <summary>Without a cache, the sources this planner built, by key: planned again, a session is made once a run.</summary>
    private Dictionary<string, ICredentialSource>? _uncached;

    private IMfaCodeSource CodeSource(SessionOptions o, ResolvedConfig config, string key) =>
        codes(o, config, interaction, env, status, () => cache?.ExpirationOf(key));
}
