using System.CommandLine;
using AwsSession.Application;
using AwsSession.Config;

namespace AwsSession.Cli.Commands;

/// <summary>
/// `aws-session accounts [--refresh] [--json]`: the organization's accounts as pose sees them (the accounts cache
/// while fresh), listed with the same session pose would assume from. Never shows a secret.
/// </summary>
public static class AccountsCommand
{
    private static readonly Option<bool> Json = new("--json") { Description = "JSON output (default when stdout is not a terminal)" };
    private static readonly Option<bool> Refresh = new("--refresh") { Description = "List the accounts from AWS now, ignoring and replacing the cached list" };

    public static Command Create(Func<bool, ToolContext> contexts)
    {
        var cmd = new Command("accounts", """
            List the organization's accounts: name, id, email, status (organizations:ListAccounts).

            The list is cached per identity for --accounts-ttl (default 24h); pose NAME and the picker use it.
            Examples:
              aws-session accounts
              aws-session accounts --refresh --json | jq -r '.[] | select(.status == "ACTIVE") | .id'
            """)
        { Json, Refresh, CommonOptions.AccountsTtl }.With(CommonOptions.Making);
        cmd.SetAction(async (r, ct) =>
        {
            // PoseMode: an environment session is a valid source here, exactly as for pose.
            var invocation = ModeCommands.Read(new PoseMode(), r);
            var context = contexts(invocation.Options.Debug);
            var accounts = await new SessionService(context).ListAccountsAsync(invocation, r.GetValue(Refresh), ct);
            var rows = accounts.OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase)
                .Select(a => new[] { a.Name, a.Id, a.Email, a.Status }).ToList();
            await Tables.WriteAsync(context, r.GetValue(Json), ["name", "id", "email", "status"], rows, "no accounts", ct);
            return 0;
        });
        return cmd;
    }
}
