using System.CommandLine;
using AwsSession.Application;
using AwsSession.Config;
using AwsSession.Output;

namespace AwsSession.Cli.Commands;

/// <summary>
/// `aws-session credential-process [mfa ...|pose ...]`: the JSON an SDK's credential_process expects.
/// SDKs capture stdout and often stderr, so prompts go to /dev/tty only.
/// </summary>
public static class CredentialProcessCommand
{
    public static Command Create(Func<bool, ToolContext> contexts)
    {
        ModeCommands.ModeAction action = async (invocation, r, ct) =>
        {
            var context = contexts(invocation.Options.Debug);
            var options = invocation.Options with { Prompts = PromptChannel.DevTty, ForCredentialProcess = true };
            var (session, _) = await new SessionService(context).GetAsync(invocation with { Options = options }, ct);
            await context.Out.WriteAsync(CredentialsJson.Process(session.Credentials));
            await context.Out.FlushAsync(ct);
            return 0;
        };
        var cmd = new Command("credential-process", """
            Print credentials in the credential_process format, for ~/.aws/config:

              [profile prod]
              credential_process = aws-session credential-process --profile base pose 123456789012 Admin

            Cached sessions are reused; an MFA prompt or the account picker, when needed, appears on /dev/tty.
            Without a terminal and without a cached session it fails (exit 1): run it once in a terminal, or set
            mfa_process.
            The profile holding credential_process must not be its own source: --profile names the one with keys.
            """)
        {
            ModeCommands.Mfa("An MFA session for credential_process", action),
            ModeCommands.Pose("A role session for credential_process", action),
        }.With(CommonOptions.Making);
        cmd.SetAction((r, ct) => action(ModeCommands.ReadMfaDefault(r), r, ct));
        return cmd;
    }
}
