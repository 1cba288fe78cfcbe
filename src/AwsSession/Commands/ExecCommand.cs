using System.CommandLine;
using AwsSession.Application;
using AwsSession.Config;
using AwsSession.Domain;
using AwsSession.Exec;
using AwsSession.Output;

namespace AwsSession.Cli.Commands;

/// <summary>`aws-session exec [mfa ...|pose ...] [options] -- CMD [ARGS...]`: runs one command with the session.</summary>
public static class ExecCommand
{
    private static readonly Argument<string[]> ChildArgs = new("CMD") { Description = "The command and its arguments, after --; default $SHELL", Arity = ArgumentArity.ZeroOrMore };

    public static Command Create(Func<bool, ToolContext> contexts, IReadOnlyList<string> argv)
    {
        ModeCommands.ModeAction action = (invocation, r, ct) => RunAsync(contexts, argv, invocation, r, ct);
        var exec = new Command("exec", """
            Run a command with the session's credentials in its environment, attached to this terminal.

            Examples:
              aws-session exec -- aws sts get-caller-identity
              aws-session exec pose 123456789012 Admin -- terraform plan
              aws-session exec pose prod -- make deploy
              aws-session exec            (starts $SHELL with the session)
            """)
        {
            ChildArgs,
            ModeCommands.Mfa("Run CMD with an MFA session", action, ChildArgs),
            ModeCommands.Pose("Run CMD with a role in an organization account", action, ChildArgs),
        };
        exec.SetAction((r, ct) => action(ModeCommands.ReadMfaDefault(r), r, ct));
        return exec;
    }

    private static async Task<int> RunAsync(Func<bool, ToolContext> contexts, IReadOnlyList<string> argv, Invocation invocation, ParseResult r, CancellationToken ct)
    {
        var childArgs = r.GetValue(ChildArgs) ?? [];
        if (childArgs.Length == 0 && argv.Contains("--"))
            throw new UsageException("exec: nothing to run after --", "aws-session exec -- CMD [ARGS...], or no -- for $SHELL");

        var context = contexts(invocation.Options.Debug);
        var command = ChildCommand.From(childArgs, context.Env.Get("SHELL"));
        var (session, plan) = await new SessionService(context).GetAsync(invocation, ct);
        if (plan.Role is { } role)
            context.Status.Note(Describe.Assumed(role, plan.Account, session));

        var env = ChildEnvironment.Build(context.Env.All, SessionVariables.For(session, plan.Region));
        return new ChildRunner().Run(command, env);
    }
}
