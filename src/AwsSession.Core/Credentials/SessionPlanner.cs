using AwsSession.Accounts;
using AwsSession.Aws;
using AwsSession.Cache;
using AwsSession.Config;
using AwsSession.Domain;
using AwsSession.Prompts;

namespace AwsSession.Credentials;

/// <summary>
/// The one place that knows how sources compose, e.g. Cached(AssumedRole(Cached(MfaSession(Static)))).
/// Everything here is decided from config and cache keys alone, so a cache hit needs no gateway at all.
/// </summary>
public sealed class SessionPlanner(
    IAwsGateways aws,
    SessionCache? cache,
    AccountDirectory? accounts,
    IInteraction interaction,
    IStatus status,
    EnvironmentVariables env)
{
    public async Task<Plan> PlanAsync(Invocation invocation, ResolvedConfig config, CancellationToken ct)
    {
        var o = invocation.Options;
        var chain = Chain(invocation, config);
        if (invocation.Mode is not PoseMode pose)
            return new Plan(chain.Source, config.Region, config.ProfileName, chain.LastRole);

        // Checked again here (the CLI checks first) so no path reaches ListAccounts with a bad duration.
        var duration = o.Duration is { } pd ? Durations.InRange(pd, Durations.RoleMin, Durations.RoleMax) : Durations.RoleDefault;
        var directory = accounts ?? throw new InvalidOperationException("pose needs an account directory");
        var listing = chain.Source;
        Account account;
        string roleArn;
        if (RoleArns.IsArn(pose.Account) || RoleArns.IsArn(pose.Role))
        {
            // With a role ARN, its account wins over the ACCOUNT argument.
            var parsed = RoleArns.Parse(RoleArns.IsArn(pose.Role) ? pose.Role! : pose.Account!);
            roleArn = parsed.Arn;
            account = await directory.ResolveAsync(parsed.AccountId, () => listing.GetAsync(ct), chain.AccountsOwner, ct);
        }
        else
        {
            account = await directory.ResolveAsync(pose.Account, () => listing.GetAsync(ct), chain.AccountsOwner, ct);
            roleArn = RoleArns.Build(account.Id, pose.Role, RoleArns.PartitionOf(config.MfaSerial));
        }

        var target = new RoleTarget(roleArn, pose.SessionName, pose.ExternalId, duration, account.Name);
        var (source, _) = Role(chain.Source, chain.Key, target, config.ProfileName, o);
        return new Plan(source, config.Region, config.ProfileName, target, account);
    }

    /// <summary>
    /// The session every mode starts from, with the profile's role hops applied: what pose assumes from, and
    /// what `accounts` lists with. AccountsOwner keys the accounts cache (see <see cref="SourceSession"/>).
    /// </summary>
    public SourceChain Chain(Invocation invocation, ResolvedConfig config)
    {
        var o = invocation.Options;
        var (source, sourceKey, owner) = SourceSession(invocation, config);
        RoleTarget? lastRole = null;
        foreach (var hop in config.ProfileRoles)
        {
            // duration_seconds is checked like -d, so a typo in the profile fails before any call, not at STS.
            var duration = invocation.Mode is MfaMode && o.Duration is { } d ? Durations.InRange(d, Durations.RoleMin, Durations.RoleMax)
                : hop.Duration is { } hd ? Durations.InRange(hd, Durations.RoleMin, Durations.RoleMax, $"profile '{hop.Profile}': duration_seconds")
                : Durations.RoleDefault;
            lastRole = new RoleTarget(hop.RoleArn, hop.SessionName, hop.ExternalId, duration);
            (source, sourceKey) = Role(source, sourceKey, lastRole, config.ProfileName, o);
            owner = "role:" + hop.RoleArn;
        }
        return new SourceChain(source, sourceKey, owner, lastRole);
    }

    /// <summary>
    /// The session every mode starts from: one already in the environment, else an MFA session. The third
    /// value names the identity behind it, stably across sessions (the accounts cache must survive a new MFA
    /// session): the MFA device or aws-session's identity marker when known, else the session's own key.
    /// </summary>
    private (ICredentialSource Source, string Key, string Owner) SourceSession(Invocation invocation, ResolvedConfig config)
    {
        var o = invocation.Options;
        var baseSource = new StaticSource(config.Base, config.EnvironmentIdentity);
        if (config.BaseIsSession)
        {
            if (invocation.Mode is MfaMode && config.ProfileRoles.Count == 0)
                throw new AwsSessionException("the environment already holds a session (AWS_SESSION_TOKEN is set); GetSessionToken needs long-lived keys",
                    hint: "use `aws-session pose ...` to assume a role from it, or unset AWS_SESSION_TOKEN and the keys / pass --profile");
            var envKey = CacheKeys.EnvironmentSession(config.Base.Credentials.AccessKeyId);
            return (baseSource, envKey, config.EnvironmentIdentity ?? envKey);
        }

        var device = invocation.Mode is MfaMode { DeviceArn: { } arn } ? arn : config.MfaSerial;
        var mfaDuration = invocation.Mode is MfaMode && config.ProfileRoles.Count == 0 && o.Duration is { } d
            ? Durations.InRange(d, Durations.MfaMin, Durations.MfaMax)
            : Durations.MfaDefault;
        var mfa = new MfaSessionSource(baseSource,
            new DeviceResolver(device, aws.Iam, aws.Sts, interaction, status),
            CodeSource(o, config), aws.Sts, mfaDuration, status);
        var key = CacheKeys.MfaSession(config.Base.Credentials.AccessKeyId, config.Base.ProfileName, device);
        var what = $"the MFA session of profile {config.Base.ProfileName}" + (device is null ? "" : $" ({device})");
        return (Cached(mfa, key, config.ProfileName, o, what), key, device is null ? key : "mfa:" + device);
    }

    private (ICredentialSource, string) Role(ICredentialSource inner, string innerKey, RoleTarget target, string profile, SessionOptions o)
    {
        var key = CacheKeys.RoleSession(innerKey, target.RoleArn, target.ExternalId, target.SessionName);
        return (Cached(new AssumedRoleSource(inner, target, aws.Sts, status), key, profile, o, $"the session of {target.RoleArn}"), key);
    }

    private ICredentialSource Cached(ICredentialSource inner, string key, string profile, SessionOptions o, string what) =>
        cache is null || o.NoCache ? inner : new CachedSource(inner, cache, key, profile, o.MinTtl, status, what);

    private IMfaCodeSource CodeSource(SessionOptions o, ResolvedConfig config) =>
        o.MfaToken is { } token ? new FixedCode(token)
        : config.MfaProcess is { } process ? new ProcessCode(process, env)
        : new PromptedCode(interaction);
}
