using System.CommandLine;
using AwsSession.Application;
using AwsSession.Config;
using AwsSession.Credentials;
using AwsSession.Domain;
using AwsSession.Output;

namespace AwsSession.Cli.Commands;

/// <summary>`aws-session whoami [mfa ...|pose ...]`: sts:GetCallerIdentity of the session the same arguments would export.</summary>
public static class WhoamiCommand
{
    private static readonly Option<bool> Json = new("--json") { Description = "JSON output (default when stdout is not a terminal)", Recursive = true };

    public static Command Create(Func<bool, ToolContext> contexts)
    {
        ModeCommands.ModeAction action = (invocation, r, ct) => RunAsync(contexts, invocation, r, plain: false, ct);
        var cmd = new Command("whoami", """
            Show who AWS sees (sts:GetCallerIdentity) for the session the same arguments would give.

            Examples:
              aws-session whoami                     the MFA session (or the session already in this shell)
              aws-session whoami pose prod --json
            """)
        {
            Json,
            ModeCommands.Mfa("Who the MFA session is", action),
            ModeCommands.Pose("Who the role session is", action),
        };
        cmd.SetAction((r, ct) => RunAsync(contexts, ModeCommands.ReadMfaDefault(r), r, plain: true, ct));
        return cmd;
    }

    private static async Task<int> RunAsync(Func<bool, ToolContext> contexts, Invocation invocation, ParseResult r, bool plain, CancellationToken ct)
    {
        var context = contexts(invocation.Options.Debug);
        var (session, region) = await SessionFor(context, invocation, plain, ct);
        var identity = await context.Gateways(region ?? Endpoints.GlobalRegion).Sts.GetCallerIdentityAsync(session.Credentials, ct);
        await Tables.WriteRecordAsync(context, r.GetValue(Json),
        [
            ("account", identity.Account), ("arn", identity.Arn), ("user_id", identity.UserId),
            ("session", session.Kind.ToString().ToLowerInvariant()),
            ("expiration", session.Expiration is { } e ? SessionVariables.Iso(e) : ""),
        ], ct);
        return 0;
    }

    /// <summary>
    /// Plain `whoami` in a shell that already holds a session describes that session, rather than failing the way
    /// a new MFA session from session keys would.
    /// </summary>
    private static async Task<(Session, string?)> SessionFor(ToolContext context, Invocation invocation, bool plain, CancellationToken ct)
    {
        var service = new SessionService(context);
        var config = service.Resolve(invocation.Options);
        if (plain && config.BaseIsSession && config.ProfileRoles.Count == 0)
            return (await new StaticSource(config.Keys, config.EnvironmentIdentity).GetAsync(ct), config.Region);
        var (session, plan) = await service.GetAsync(invocation, config, ct);
        return (session, plan.Region);
    }
}
