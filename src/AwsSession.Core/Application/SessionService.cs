using AwsSession.Accounts;
using AwsSession.Aws;
using AwsSession.Cache;
using AwsSession.Config;
using AwsSession.Credentials;
using AwsSession.Domain;

namespace AwsSession.Application;

/// <summary>From an invocation to a session: resolve config, plan the chain, run it. Shared by every mode command.</summary>
public sealed class SessionService(ToolContext context)
{
    /// <summary>Flags, environment and config files, read once: a caller that needs the config passes it on.</summary>
    public ResolvedConfig Resolve(SessionOptions options) => new ConfigResolver(context.Env, context.Profiles()).Resolve(options);

    public Task<(Session Session, Plan Plan)> GetAsync(Invocation invocation, CancellationToken ct) =>
        GetAsync(invocation, Resolve(invocation.Options), ct);

    public async Task<(Session Session, Plan Plan)> GetAsync(Invocation invocation, ResolvedConfig config, CancellationToken ct)
    {
        Prompts.ProcessCode.GuardRecursion(context.Env);
        context.Status.Debug($"base credentials from {config.Base.Origin} ({Masking.AccessKeyId(config.Base.Credentials.AccessKeyId)}), profile {config.ProfileName}, region {config.Region ?? "(none)"}");
        var plan = await Planner(invocation, config).PlanAsync(invocation, config, ct);
        var session = await plan.Source.GetAsync(ct);
        return (session, plan);
    }

    /// <summary>The organization's accounts for `aws-session accounts`, listed with the session pose would assume from.</summary>
    public async Task<IReadOnlyList<Account>> ListAccountsAsync(Invocation invocation, bool refresh, CancellationToken ct)
    {
        Prompts.ProcessCode.GuardRecursion(context.Env);
        var config = Resolve(invocation.Options);
        var (planner, directory) = Build(invocation, config);
        var chain = planner.Chain(invocation, config);
        return await directory.ListAsync(() => chain.Source.GetAsync(ct), chain.AccountsOwner, refresh, ct);
    }

    public SessionPlanner Planner(Invocation invocation, ResolvedConfig config) => Build(invocation, config).Planner;

    private (SessionPlanner Planner, AccountDirectory Accounts) Build(Invocation invocation, ResolvedConfig config)
    {
        var o = invocation.Options;
        var gateways = new LazyGateways(() => context.Gateways(config.StsRegion));
        var interaction = context.InteractionFor(o.Prompts);
        var cache = o.NoCache ? null : new SessionCache(context.CacheStore, context.Time, context.Status);
        var accountsCache = o.NoCache ? null : new AccountsCache(context.CacheStore, context.Time, context.Status);
        var accounts = new AccountDirectory(gateways.Organizations, accountsCache, interaction, context.Status, o.AccountsTtl);
        return (new SessionPlanner(gateways, cache, accounts, interaction, context.Status, context.Env), accounts);
    }
}
