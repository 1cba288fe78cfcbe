using System.CommandLine;
using AwsSession.Application;
using AwsSession.Config;
using AwsSession.Output;

namespace AwsSession.Cli.Commands;

/// <summary>`aws-session whoami [mfa ...|pose ...]`: sts:GetCallerIdentity of the session the same arguments would export.</summary>
public static class WhoamiCommand
{
    private static readonly Option<bool> Json = new("--json") { Description = "JSON output (default when stdout is not a terminal)", Recursive = true };

    public static Command Create(Func<bool, ToolContext> contexts)
    {
        ModeCommands.ModeAction action = (invocation, r, ct) => RunAsync(contexts, invocation, r, ct);
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
        }.With(CommonOptions.Making);
        // Plain `whoami` in a shell that already holds a session describes that session.
        cmd.SetAction((r, ct) => RunAsync(contexts, ModeCommands.Read(new MfaMode(KeepEnvironmentSession: true), r), r, ct));
        return cmd;
    }

    private static async Task<int> RunAsync(Func<bool, ToolContext> contexts, Invocation invocation, ParseResult r, CancellationToken ct)
    {
        var context = contexts(invocation.Options.Debug);
        var (session, identity) = await new SessionService(context).WhoAsync(invocation, ct);
        await Tables.WriteRecordAsync(context, r.GetValue(Json),
        [
            ("account", identity.Account), ("arn", identity.Arn), ("user_id", identity.UserId),
            ("session", session.Kind.ToString().ToLowerInvariant()),
            ("expiration", session.Expiration is { } e ? Output.Digits.Iso(e) : ""),
        ], ct);
        return 0;
    }
}
