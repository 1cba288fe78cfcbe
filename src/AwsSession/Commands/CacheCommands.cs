using System.CommandLine;
using AwsSession.Application;
using AwsSession.Cache;
using AwsSession.Domain;

namespace AwsSession.Cli.Commands;

/// <summary>`sessions` lists the cache (never a secret); `clear` forgets it.</summary>
public static class CacheCommands
{
    private static readonly Option<bool> Json = new("--json") { Description = "JSON output (default when stdout is not a terminal)" };

    public static Command Sessions(Func<bool, ToolContext> contexts)
    {
        var cmd = new Command("sessions", "List the cached sessions and IAM Identity Center sign-ins: profile, kind, identity, expiry. Never shows a secret.") { Json };
        cmd.SetAction(async (r, ct) =>
        {
            var context = contexts(r.GetValue(CommonOptions.Debug));
            var entries = new SessionCache(context.CacheStore, context.Time, context.Status).List();
            var now = context.Time.GetUtcNow();
            var rows = entries.Select(e => new[]
            {
                e.Profile, e.Kind.ToString().ToLowerInvariant(), e.Identity, Masking.AccessKeyId(e.AccessKeyId),
                Output.SessionVariables.Iso(e.Expiration), e.Expiration > now ? Left(e.Expiration - now) : "expired",
            }).ToList();
            // IAM Identity Center sign-ins in the AWS CLI's token cache: the token masked like a key id, never whole.
            rows.AddRange(context.SsoTokens.List().Select(t => new[]
            {
                "", "sso-token", t.StartUrl, Masking.AccessKeyId(t.AccessToken),
                Output.SessionVariables.Iso(t.ExpiresAt), t.ExpiresAt > now ? Left(t.ExpiresAt - now) : "expired",
            }));
            await Tables.WriteAsync(context, r.GetValue(Json), ["profile", "kind", "identity", "access_key_id", "expiration", "left"], rows, ct);
            return 0;
        });
        return cmd;
    }

    public static Command Clear(Func<bool, ToolContext> contexts)
    {
        var cmd = new Command("clear", """
            Forget every cached session and account list (with --profile: only that profile's sessions), IAM
            Identity Center role sessions and portal account lists included. IAM Identity Center sign-ins are kept:
            their tokens live in the AWS CLI's cache (~/.aws/sso/cache), shared with the CLI and the SDKs;
            `aws-session logout` ends them.
            """) { CommonOptions.Profile };
        cmd.SetAction(r =>
        {
            var context = contexts(r.GetValue(CommonOptions.Debug));
            var removed = new SessionCache(context.CacheStore, context.Time, context.Status).Clear(r.GetValue(CommonOptions.Profile));
            context.Status.Note($"removed {removed} cached {(removed == 1 ? "entry" : "entries")} from {context.CacheStore.Directory}");
            // The tokens are the AWS CLI's as much as ours: deleting them here would sign the CLI out behind the
            // user's back, so `clear` only says where they are and which command ends them.
            var tokens = context.SsoTokens;
            if (tokens.List().Count is > 0 and var signIns)
                context.Status.Note($"kept {signIns} IAM Identity Center sign-in{(signIns == 1 ? "" : "s")} in {tokens.Directory} (shared with the AWS CLI); `aws-session logout` ends {(signIns == 1 ? "it" : "them")}");
            return 0;
        });
        return cmd;
    }

    private static string Left(TimeSpan t) => t.TotalHours >= 1 ? $"{(int)t.TotalHours}h{t.Minutes:00}m" : $"{(int)t.TotalMinutes}m";
}
