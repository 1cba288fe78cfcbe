using System.CommandLine;
using AwsSession.Entry;
using AwsSession.Application;
using AwsSession.Cache;
using AwsSession.Config;
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
                Output.Digits.Iso(e.Expiration), e.Expiration > now ? Left(e.Expiration - now) : "expired",
            }).ToList();
            // IAM Identity Center sign-ins in the AWS CLI's token cache: the token masked like a key id, never whole.
            rows.AddRange(context.SsoTokens.List().Select(t => new[]
            {
                "", "sso-token", t.StartUrl, Masking.AccessKeyId(t.AccessToken),
                Output.Digits.Iso(t.ExpiresAt), t.ExpiresAt > now ? Left(t.ExpiresAt - now) : "expired",
            }));
            await Tables.WriteAsync(context, r.GetValue(Json), ["profile", "kind", "identity", "access_key_id", "expiration", "left"], rows,
                "no cached sessions", ct);
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
            `aws-session logout` ends them. A --profile that is neither configured nor cached is refused (exit 2).
            """) { CommonOptions.Profile };
        cmd.SetAction(r =>
        {
            var context = contexts(r.GetValue(CommonOptions.Debug));
            var profile = r.GetValue(CommonOptions.Profile);
            var removed = new SessionCache(context.CacheStore, context.Time, context.Status).Clear(profile);
            // After the clearing: a profile deleted from the config may still have sessions, and those go. A name that
            // is neither a profile nor in the cache is a typo, refused like an unknown --profile anywhere (exit 2).
            if (profile is not null && removed == 0 && context.Profiles().Find(profile) is null)
                throw new UsageException($"profile '{ErrorText.Printable(profile)}' not found in the AWS config or credentials file, and no cached session belongs to it",
                    "check the name with: aws configure list-profiles, or see the cached ones with: aws-session sessions");
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

    private static string Left(TimeSpan t) => Describe.Left(t);
}
