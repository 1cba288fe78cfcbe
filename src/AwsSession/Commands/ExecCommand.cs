using System.CommandLine;
using AwsSession.Entry;
using AwsSession.Application;
using AwsSession.Config;
using AwsSession.Domain;
using AwsSession.Exec.Server;
using AwsSession.Exec;

namespace AwsSession.Cli.Commands;

/// <summary>`aws-session exec [--server] [mfa ...|pose ...] [options] -- COMMAND [ARGS...]`: runs one command with the session.</summary>
public static class ExecCommand
{
    /// <summary>Only for the usage line: App hands over the words after `--` itself, unparsed.</summary>
    private static readonly Argument<string[]> ChildArgs = new("COMMAND") { Description = "The command and its arguments, after --; default $SHELL", Arity = ArgumentArity.ZeroOrMore };

    public static readonly Option<bool> Server = new("--server")
    {
        Description = "Serve refreshing credentials on 127.0.0.1 (ECS style) instead of putting keys in COMMAND's environment; for commands that outlive a session",
        Recursive = true,
    };

    /// <param name="command">The words after `--`, untouched; null when there was no `--`.</param>
    public static Command Create(Func<SessionRequest, CancellationToken, Task<int>> run, IReadOnlyList<string>? command)
    {
        ModeCommands.ModeAction action = (invocation, r, ct) =>
        {
            if (command is { Count: 0 })
                throw new UsageException("exec: nothing to run after --", "aws-session exec [--server] [mfa ...|pose ...] -- <COMMAND> [<ARGS>...], or no -- for $SHELL");
            if (command is null && r.GetValue(ChildArgs) is { Length: > 0 } words)
                throw new UsageException($"exec: put the command after --: aws-session exec ... -- {string.Join(' ', words)}");
            return run(new SessionRequest(invocation, Exec: true, Server: r.GetValue(Server), Command: command), ct);
        };
        var exec = new Command("exec", """
            Run a command with the session's credentials in its environment, attached to this terminal.
            Everything after -- is the command, passed on untouched; its exit code is aws-session's.

            Examples:
              aws-session exec -- aws sts get-caller-identity
              aws-session exec pose 123456789012 Admin -- terraform plan
              aws-session exec pose prod -- make deploy
              aws-session exec pose prod --server -- terraform apply   (refreshes past the 1-hour role limit)
              aws-session exec            (starts $SHELL with the session)
            """)
        {
            ChildArgs,
            Server,
            ModeCommands.Mfa("Run COMMAND with an MFA session", action, ChildArgs).Usage("aws-session exec [--server] mfa [<DEVICE-ARN>] [options] -- <COMMAND> [<ARGS>...]"),
            ModeCommands.Pose("Run COMMAND with a role in an organization account", action, ChildArgs).Usage("aws-session exec [--server] pose [<ACCOUNT> [<ROLE>]] [options] -- <COMMAND> [<ARGS>...]"),
        }.With(CommonOptions.Making).Usage("aws-session exec [--server] [mfa ...|pose ...] [options] -- <COMMAND> [<ARGS>...]");
        exec.SetAction((r, ct) => action(ModeCommands.ReadMfaDefault(r), r, ct));
        if (command is null)
            exec.Subcommands.Single(c => c.Name == "pose").Validators.Add(RoleNeedsDoubleDash);
        return exec;
    }

    /// <summary>
    /// Without --, `exec pose prod make` would assume a role named make and start $SHELL: a guess either way, so the
    /// ROLE word of exec needs a -- after it, which says where the command starts.
    /// </summary>
    private static void RoleNeedsDoubleDash(System.CommandLine.Parsing.CommandResult pose)
    {
        if (pose.GetValue(ModeCommands.Role) is not { } role || pose.GetValue(ModeCommands.Account) is not { } account)
            return;
        pose.AddError($"exec: is '{role}' the role or the command? Put the command after --: aws-session exec pose {account} -- {role} ..." +
            $" (for the role {role} with $SHELL: aws-session exec pose {account} {role} -- \"$SHELL\")");
    }

    public static bool IsExec(ParseResult parsed)
    {
        for (var c = parsed.CommandResult; c is not null; c = c.Parent as System.CommandLine.Parsing.CommandResult)
        {
            if (c.Command.Name == "exec")
                return true;
        }
        return false;
    }

    /// <summary>`exec --server`: the child waits on a credential server that renews the session behind it.</summary>
    /// <param name="argv">The words after `--`; null for $SHELL. Checked by the caller: never empty.</param>
    public static async Task<int> ServeAsync(Func<bool, ToolContext> contexts, IReadOnlyList<string>? argv, Invocation invocation, CancellationToken ct)
    {
        var (context, command, session, plan) = await ExecRun.PrepareAsync(contexts, argv, invocation, ct);
        // A refresh behind the child may use an Identity Center token and its refresh token, never open a browser.
        context.SignInGate.Close();
        var renewal = new SessionService(context).RenewalPlan(invocation, plan);
        await using var feed = CredentialFeed.Start(renewal.Source, session, context.Time, context.Status);
        await using var server = CredentialServer.Start(feed.Current);
        using var files = ChildConfigFiles.Create(new SharedProfileStore(context.Env).ConfigPath, context.Status);
        context.Status.Debug($"credential server on {server.Uri}; next refresh at {feed.NextRefresh:O}; the command's config: {files.ConfigPath}");
        return new ChildRunner().Run(command, ChildEnvironment.WithServer(context.Env.All, session, plan.Region, server.ChildVariables, files.ChildVariables));
    }
}
