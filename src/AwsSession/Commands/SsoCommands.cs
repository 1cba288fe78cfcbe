using System.CommandLine;
using AwsSession.Application;
using AwsSession.Cache;
using AwsSession.Config;
using AwsSession.Sso;

namespace AwsSession.Cli.Commands;

/// <summary>`login` and `logout`: IAM Identity Center sign-ins, kept in the AWS CLI's token cache (~/.aws/sso/cache).</summary>
public static class SsoCommands
{
    public static readonly Option<string?> SsoSession = new("--sso-session") { Description = "The [sso-session NAME] of ~/.aws/config to use (default: the profile's)", HelpName = "NAME" };

    public static Command Login(Func<bool, ToolContext> contexts)
    {
        var cmd = new Command("login", """
            Sign in to IAM Identity Center (SSO) and keep the token in the AWS CLI's cache, ~/.aws/sso/cache,
            where the AWS CLI and the SDKs use it too (and a token from `aws sso login` serves aws-session).
            Any command that needs a token and has none signs in first; this signs in ahead.

            A browser opens (BROWSER, else the desktop's opener) for authorization with PKCE and a redirect to
            127.0.0.1; without a browser (no display, SSH) a device code is shown instead. The URL and the code
            are printed on stderr either way. Parallel processes share one sign-in. AWS_SESSION_SSO_TIMEOUT
            (default 10m) bounds the wait.
            Examples:
              aws-session login --sso-session my-sso
              aws-session login --profile prod-admin --use-device-code
            """)
        { CommonOptions.Profile, SsoSession, CommonOptions.UseDeviceCode };
        cmd.SetAction(async (r, ct) =>
        {
            var context = contexts(r.GetValue(CommonOptions.Debug));
            var session = Resolve(context, r);
            var provider = context.SsoTokenProvider(session, Reach(context, r), SignInSettings.From(context.Env, r.GetValue(CommonOptions.UseDeviceCode)));
            await provider.SignInAgainAsync(session, ct);
            return 0;
        });
        return cmd;
    }

    public static Command Logout(Func<bool, ToolContext> contexts)
    {
        var cmd = new Command("logout", """
            Sign out of IAM Identity Center: end the token at AWS, delete it from ~/.aws/sso/cache, and forget the
            role sessions made with it. Without --profile or --sso-session: every cached sign-in, as `aws sso logout`.
            """)
        { CommonOptions.Profile, SsoSession };
        cmd.SetAction(async (r, ct) =>
        {
            var context = contexts(r.GetValue(CommonOptions.Debug));
            var tokens = context.SsoTokens;
            var services = context.Sso(Reach(context, r));
            var one = r.GetValue(CommonOptions.Profile) is not null || r.GetValue(SsoSession) is not null ? Resolve(context, r) : null;
            var ended = 0;
            foreach (var token in tokens.List())
            {
                if (one is not null && token.File != SsoTokenCache.TokenFileName(one))
                    continue;
                if (token.ExpiresAt > context.Time.GetUtcNow())
                {
                    try
                    {
                        await services.Portal(one?.Region ?? token.Region ?? Endpoints.GlobalRegion).LogoutAsync(token.AccessToken, ct);
                    }
                    catch (Domain.AwsSessionException e)
                    {
                        context.Status.Warn($"could not end the sign-in of {token.StartUrl} at AWS ({e.Message}); deleting it here");
                    }
                }
                tokens.Delete(token.File);
                ended++;
            }
            var cache = new SessionCache(context.CacheStore, context.Time, context.Status);
            var ssoSessions = cache.List().Where(e => e.Identity.StartsWith("sso:", StringComparison.Ordinal)).ToList();
            foreach (var e in ssoSessions)
                cache.Remove(e.Key);
            var sessions = ssoSessions.Count;
            context.Status.Note($"signed out of {ended} IAM Identity Center sign-in{(ended == 1 ? "" : "s")}; forgot {sessions} role session{(sessions == 1 ? "" : "s")}");
            return 0;
        });
        return cmd;
    }

    private static SsoSessionConfig Resolve(ToolContext context, ParseResult r) =>
        SsoResolution.ForLogin(r.GetValue(CommonOptions.Profile), r.GetValue(SsoSession), context.Env, context.Profiles());

    private static AwsReach Reach(ToolContext context, ParseResult r)
    {
        var profiles = context.Profiles();
        return AwsReach.Resolve(context.Env, profiles.FindInFiles(SsoResolution.LoginProfile(r.GetValue(CommonOptions.Profile), context.Env)), profiles);
    }
}
