using System.CommandLine;
using AwsSession.Entry;
using AwsSession.Application;

namespace AwsSession.Cli.Commands;

/// <summary>The command tree. Each command lives in its own file; this only assembles them.</summary>
public static class RootCommandFactory
{
    public const string Overview = """
        Temporary AWS credentials with MFA, for this shell or for one command.

          eval "$(aws-session)"                           MFA session in this shell
          eval "$(aws-session pose 123456789012 Admin)"   a role in an organization account
          aws-session exec pose prod -- terraform plan    one command with those credentials

        Base keys come from the environment, else the profile's secret store (see `aws-session add`), else
        ~/.aws/credentials; the profile is --profile / AWS_PROFILE, with ~/.aws/config (AWS_SHARED_CREDENTIALS_FILE
        and AWS_CONFIG_FILE are honoured).
        A profile with sso_session (IAM Identity Center) signs in once in the browser (see `aws-session login --help`),
        then pose and every mode use it.
        Sessions are cached in $XDG_CACHE_HOME/aws-session (default ~/.cache/aws-session), mode 0600,
        so one MFA code serves every shell and parallel job until the session nears its end.
        Exit codes: 0 success, 1 AWS or runtime failure, 2 usage error; exec returns the command's own.
        """;

    /// <param name="run">Runs what plain, mfa, pose and exec ask for; by default <see cref="SessionRequest.RunAsync"/>.</param>
    public static RootCommand Create(Func<bool, ToolContext> contexts, IReadOnlyList<string>? command, Func<SessionRequest, CancellationToken, Task<int>>? run = null)
    {
        run ??= (request, ct) => request.RunAsync(contexts, ct, ExecCommand.ServeAsync);
        ModeCommands.ModeAction action = (invocation, r, ct) => run(new SessionRequest(invocation, r.GetValue(CommonOptions.Shell)), ct);
        var root = new RootCommand(Overview)
        {
            ModeCommands.Mfa("""
                Print exports for an MFA session (sts:GetSessionToken). The same as plain `aws-session`.

                Examples:
                  eval "$(aws-session mfa)"
                  eval "$(aws-session mfa arn:aws:iam::123456789012:mfa/alice -t 123456)"
                  aws-session mfa --shell fish | source
                """, action, CommonOptions.Shell),
            ModeCommands.Pose("""
                Print exports for a role in an organization account: by id, by name or prefix, or from a picker.

                Examples:
                  eval "$(aws-session pose 123456789012 Admin)"     by id
                  eval "$(aws-session pose prod)"                   by name (or unique prefix), OrganizationAccountAccessRole
                  eval "$(aws-session pose)"                        pick from the organization's accounts
                  eval "$(aws-session pose arn:aws:iam::123456789012:role/ci/Deploy)"
                """, action, CommonOptions.Shell),
            ExecCommand.Create(run, command),
            CredentialProcessCommand.Create(contexts),
            ConsoleCommand.Create(contexts),
            DevicesCommand.Create(contexts),
            WhoamiCommand.Create(contexts),
            CompletionCommand.Create(contexts),
            ManPageCommand.Create(contexts),
            CacheCommands.Sessions(contexts),
            CacheCommands.Clear(contexts),
            AccountsCommand.Create(contexts),
            SsoCommands.Login(contexts),
            SsoCommands.Logout(contexts),
            KeyCommands.Add(contexts),
            KeyCommands.Remove(contexts),
            KeyCommands.List(contexts),
            KeyCommands.Rotate(contexts),
        };
        root.With(CommonOptions.Making).With([CommonOptions.Shell, CommonOptions.Debug]);
        root.SetAction((r, ct) => action(ModeCommands.ReadMfaDefault(r), r, ct));
        StrictParsing.Apply(root);
        return root;
    }
}
