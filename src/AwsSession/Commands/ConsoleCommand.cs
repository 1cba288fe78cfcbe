using System.CommandLine;
using AwsSession.Entry;
using AwsSession.Application;
using AwsSession.Platform;
using AwsSession.SignIn;

namespace AwsSession.Cli.Commands;

/// <summary>
/// `aws-session console [mfa|pose ...]`: signs in to the AWS console through the federation endpoint. The URL
/// holds a sign-in token (good for 15 minutes), so it goes only to the browser, or to stdout with --print.
/// </summary>
public static class ConsoleCommand
{
    private static readonly Option<bool> Print = new("--print") { Description = "Print the sign-in URL on stdout instead of opening a browser (it signs in whoever has it: do not share it)", Recursive = true };

    public static Command Create(Func<bool, ToolContext> contexts)
    {
        ModeCommands.ModeAction action = async (invocation, r, ct) =>
        {
            var context = contexts(invocation.Options.Debug);
            var (session, plan) = await new SessionService(context).GetAsync(invocation, ct);
            var url = await ConsoleSignIn.UrlAsync(session, plan.Role, plan.Region, invocation.Options.Duration, plan.Reach.CaBundle, context.Env, ct);
            if (Describe.Session(plan, session, context.Time.GetUtcNow()) is { } line)
                context.Status.Note(line);

            if (r.GetValue(Print))
            {
                await context.Out.WriteLineAsync(url.AbsoluteUri);
                await context.Out.FlushAsync(ct);
                return 0;
            }
            Browser.Open(url);
            context.Status.Note($"opened the AWS console with {Browser.OpenerName}");
            return 0;
        };
        var cmd = new Command("console", """
            Open the AWS console in a browser, signed in with a role session (federation sign-in).
            Console sign-in needs role credentials: use pose, or a --profile with role_arn.

            Examples:
              aws-session console pose prod
              aws-session console pose 123456789012 ReadOnly --print     print the URL instead (it holds a sign-in token)
              aws-session console --profile admin                        a role_arn profile
            """)
        {
            Print,
            ModeCommands.Mfa("Console for the profile's role (plain MFA sessions cannot sign in)", action),
            ModeCommands.Pose("Console for a role in an organization account", action),
        }.With(CommonOptions.Making);
        cmd.SetAction((r, ct) => action(ModeCommands.ReadMfaDefault(r), r, ct));
        return cmd;
    }
}
