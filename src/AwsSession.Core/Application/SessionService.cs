using AwsSession.Accounts;
using AwsSession.Aws;
using AwsSession.Cache;
using AwsSession.Config;
using AwsSession.Credentials;
using AwsSession.Domain;

namespace AwsSession.Application;

/// <summary>
/// From an invocation to a session, each step once: resolve the config (pure), look up the account pose names
/// (the only I/O before the chain runs), plan the chain (pure), run it. Shared by every command that makes a session.
/// </summary>
public sealed class SessionService(ToolContext context)
{
    /// <summary>Flags, environment and config files, read once.</summary>
    public ResolvedConfig Resolve(Invocation invocation) => new ConfigResolver(context.Env, context.Profiles()).Resolve(invocation);

    public async Task<(Session Session, Plan Plan)> GetAsync(Invocation invocation, CancellationToken ct)
    {
        var plan = await PlanAsync(invocation, ct);
        return (await plan.Source.GetAsync(ct), plan);
    }

    private async Task<Plan> PlanAsync(Invocation invocation, CancellationToken ct)
    {
        // Resolve first: its credential-process nesting guard names the loop more precisely than the mfa_process one.
        var config = Resolve(invocation);
        Prompts.ProcessCode.GuardRecursion(context.Env);
        if (context.Status.Debugging)
            context.Status.Debug((config.Base is { } b ? $"base credentials from {b.Origin} ({Masking.AccessKeyId(b.Credentials.AccessKeyId)})" : $"IAM Identity Center sign-in {config.Sso?.Session.Label}")
            + $", profile {config.ProfileName}, region {config.Region ?? "(none)"}");
        var parts = Parts.For(context, invocation, config);
        var (account, ssoRole) = invocation.Mode is PoseMode pose ? await LookupAsync(parts, invocation, config, pose, ct) : (null, null);
        var plan = parts.Planner.Plan(invocation, config, account, ssoRole);
        if (context.Status.Debugging)
            context.Status.Debug($"plan: {plan.Source}");
        return plan;
    }

    /// <summary>
    /// The chain `exec --server` renews with, for the session <paramref name="first"/> made: the same sessions and
    /// cache entries, the role pinned by its ARN and its account (no lookup), and no prompt and no -t (its code is spent).
    /// </summary>
    public Plan RenewalPlan(Invocation invocation, Plan first)
    {
        var mode = invocation.Mode is PoseMode pose && first.Role is { } role ? pose with { Account = null, Role = role.RoleArn } : invocation.Mode;
        var renewal = new Invocation(mode, invocation.Options with { MfaToken = null, Prompts = PromptChannel.None });
        var config = Resolve(renewal);
        // An Identity Center role renews through its token provider alone: same account and role, no lookup, no prompt.
        if (config is { Sso: not null, ProfileRoles.Count: 0 } && invocation.Mode is PoseMode)
            return first;
        return Parts.For(context, renewal, config).Planner.Plan(renewal, config, first.Account);
    }

    /// <summary>The organization's accounts for `aws-session accounts`, listed with the session pose would assume from.</summary>
    public async Task<IReadOnlyList<Account>> ListAccountsAsync(Invocation invocation, bool refresh, CancellationToken ct)
    {
        Prompts.ProcessCode.GuardRecursion(context.Env);
        var config = Resolve(invocation);
        var parts = Parts.For(context, invocation, config);
        if (parts.SsoDirectory is { } sso)
            return await parts.Accounts.ListAsync(SsoPlanner.NoSession, SsoPlanner.Owner(sso.Session), refresh, ct);
        var origin = parts.Planner.Origin(invocation, config);
        return await StaleSessions.UseAsync(origin.Source, get => parts.Accounts.ListAsync(get, origin.AccountsOwner, refresh, ct), context.Status, ct);
    }

    /// <summary>Who AWS sees (sts:GetCallerIdentity) for the session the invocation gives.</summary>
    public async Task<(Session Session, CallerIdentity Identity)> WhoAsync(Invocation invocation, CancellationToken ct)
    {
        var plan = await PlanAsync(invocation, ct);
        var sts = context.Gateways(plan.Region ?? Endpoints.GlobalRegion, plan.Reach).Sts;
        return await StaleSessions.UseAsync(plan.Source, s => sts.GetCallerIdentityAsync(s.Credentials, ct), context.Status, ct);
    }

    /// <summary>The MFA devices of the IAM user behind the base keys, and the one a session would use by default.</summary>
    public async Task<(IReadOnlyList<MfaDevice> Devices, string? Default)> DevicesAsync(Invocation invocation, CancellationToken ct)
    {
        var config = Resolve(invocation);
        var gateways = context.Gateways(config.StsRegion, config.Reach);
        var (listed, user) = await MfaDeviceList.ListAsync(gateways.Iam, gateways.Sts, config.Keys.Credentials, context.Status, ct);
        // The user IAM named, never one read from a device's name; the caller's, when the listing needed it.
        var devices = listed.Select(d => d.UserName is null && user is not null ? d with { UserName = user } : d).ToList();
        if (config.MfaSerial is { } configured && devices.All(d => d.SerialNumber != configured))
            context.Status.Warn($"mfa_serial {configured} is not among this user's devices");
        return (devices, MfaDeviceList.Default(config.MfaSerial, devices));
    }

    /// <summary>
    /// The account pose names: from the IAM Identity Center portal (with its role) for an SSO sign-in, else from the
    /// accounts cache or the organization, listed with the origin session.
    /// </summary>
    private async Task<(Account?, string?)> LookupAsync(Parts parts, Invocation invocation, ResolvedConfig config, PoseMode pose, CancellationToken ct)
    {
        if (parts.SsoDirectory is { } sso)
        {
            var (account, role) = await parts.Sso.LookupAsync(pose, sso, parts.Accounts, ct);
            return (account, role);
        }
        var origin = parts.Planner.Origin(invocation, config);
        var found = await StaleSessions.UseAsync(origin.Source, get => parts.Accounts.ResolveAsync(PoseTarget.AccountQuery(pose), get, origin.AccountsOwner, ct), context.Status, ct);
        return (found, null);
    }

    /// <summary>
    /// The planner and the account directory over the same lazy gateways, caches and prompt channel. The directory is
    /// the IAM Identity Center portal's when the chain starts at a sign-in with no role hops (SsoDirectory set).
    /// </summary>
    private sealed record Parts(SessionPlanner Planner, AccountDirectory Accounts, SsoPlanner Sso, SsoProfile? SsoDirectory)
    {
        public static Parts For(ToolContext context, Invocation invocation, ResolvedConfig config)
        {
            var o = invocation.Options;
            var gateways = context.Gateways(config.StsRegion, config.Reach);
            var interaction = context.InteractionFor(o.Prompts);
            var cache = o.NoCache ? null : new SessionCache(context.CacheStore, context.Time, context.Status, context.CacheOnly);
            var accountsCache = o.NoCache ? null : new AccountsCache(context.CacheStore, context.Time, context.Status);
            var services = new Lazy<AwsSession.Sso.ISsoServices>(() => context.Sso(config.Reach));
            var sso = new SsoPlanner(s => context.SsoTokenProvider(s, config.Reach, AwsSession.Sso.SignInSettings.From(context.Env, o.UseDeviceCode)),
                region => services.Value.Portal(region), cache, accountsCache, interaction, context.Status);
            var ssoDirectory = config is { Sso: { } ssoBase, ProfileRoles.Count: 0 } ? ssoBase : null;
            return new Parts(
                new SessionPlanner(gateways, cache, interaction, context.Status, context.Env, context.CodeSources, sso),
                ssoDirectory is null
                    ? new AccountDirectory(gateways.Organizations, accountsCache, interaction, context.Status, o.AccountsTtl)
                    : sso.Directory(ssoDirectory.Session, o.AccountsTtl),
                sso, ssoDirectory);
        }
    }
}
