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
        Prompts.ProcessCode.GuardRecursion(context.Env);
        var config = Resolve(invocation);
        context.Status.Debug($"base credentials from {config.Base.Origin} ({Masking.AccessKeyId(config.Base.Credentials.AccessKeyId)}), profile {config.ProfileName}, region {config.Region ?? "(none)"}");
        var parts = Parts.For(context, invocation, config);
        var account = invocation.Mode is PoseMode pose ? await LookupAsync(parts, pose, parts.Planner.Origin(invocation, config), ct) : null;
        var plan = parts.Planner.Plan(invocation, config, account);
        context.Status.Debug($"plan: {plan.Source}");
        return (await plan.Source.GetAsync(ct), plan);
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
        return Parts.For(context, renewal, config).Planner.Plan(renewal, config, first.Account);
    }

    /// <summary>The organization's accounts for `aws-session accounts`, listed with the session pose would assume from.</summary>
    public async Task<IReadOnlyList<Account>> ListAccountsAsync(Invocation invocation, bool refresh, CancellationToken ct)
    {
        Prompts.ProcessCode.GuardRecursion(context.Env);
        var config = Resolve(invocation);
        var parts = Parts.For(context, invocation, config);
        var origin = parts.Planner.Origin(invocation, config);
        return await parts.Accounts.ListAsync(() => origin.Source.GetAsync(ct), origin.AccountsOwner, refresh, ct);
    }

    /// <summary>Who AWS sees (sts:GetCallerIdentity) for the session the invocation gives.</summary>
    public async Task<(Session Session, CallerIdentity Identity)> WhoAsync(Invocation invocation, CancellationToken ct)
    {
        var (session, plan) = await GetAsync(invocation, ct);
        var sts = context.Gateways(plan.Region ?? Endpoints.GlobalRegion).Sts;
        return (session, await sts.GetCallerIdentityAsync(session.Credentials, ct));
    }

    /// <summary>The MFA devices of the IAM user behind the base keys, and the one a session would use by default.</summary>
    public async Task<(IReadOnlyList<MfaDevice> Devices, string? Default)> DevicesAsync(Invocation invocation, CancellationToken ct)
    {
        var config = Resolve(invocation);
        var gateways = context.Gateways(config.StsRegion);
        var (listed, user) = await MfaDeviceList.ListAsync(gateways.Iam, gateways.Sts, config.Base.Credentials, context.Status, ct);
        // The user IAM named, never one read from a device's name; the caller's, when the listing needed it.
        var devices = listed.Select(d => d.UserName is null && user is not null ? d with { UserName = user } : d).ToList();
        if (config.MfaSerial is { } configured && devices.All(d => d.SerialNumber != configured))
            context.Status.Warn($"mfa_serial {configured} is not among this user's devices");
        return (devices, MfaDeviceList.Default(config.MfaSerial, devices));
    }

    /// <summary>The account pose names, from the accounts cache or the organization, listed with the origin session.</summary>
    private static Task<Account> LookupAsync(Parts parts, PoseMode pose, Plan origin, CancellationToken ct) =>
        parts.Accounts.ResolveAsync(PoseTarget.AccountQuery(pose), () => origin.Source.GetAsync(ct), origin.AccountsOwner, ct);

    /// <summary>The planner and the account directory over the same lazy gateways, caches and prompt channel.</summary>
    private sealed record Parts(SessionPlanner Planner, AccountDirectory Accounts)
    {
        public static Parts For(ToolContext context, Invocation invocation, ResolvedConfig config)
        {
            var o = invocation.Options;
            var gateways = context.Gateways(config.StsRegion);
            var interaction = context.InteractionFor(o.Prompts);
            var cache = o.NoCache ? null : new SessionCache(context.CacheStore, context.Time, context.Status);
            var accountsCache = o.NoCache ? null : new AccountsCache(context.CacheStore, context.Time, context.Status);
            return new Parts(
                new SessionPlanner(gateways, cache, interaction, context.Status, context.Env),
                new AccountDirectory(gateways.Organizations, accountsCache, interaction, context.Status, o.AccountsTtl));
        }
    }
}
