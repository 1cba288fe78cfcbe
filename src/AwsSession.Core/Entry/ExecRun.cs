using AwsSession.Application;
using AwsSession.Config;
using AwsSession.Credentials;
using AwsSession.Domain;
using AwsSession.Exec;

namespace AwsSession.Entry;

/// <summary>Plain `exec`: the session's keys in the command's environment, and aws-session becomes the command.</summary>
public static class ExecRun
{
    /// <param name="argv">The words after `--`; null for $SHELL. Checked by the caller: never empty.</param>
    public static async Task<int> RunAsync(Func<bool, ToolContext> contexts, IReadOnlyList<string>? argv, Invocation invocation, CancellationToken ct)
    {
        var (context, command, session, plan) = await PrepareAsync(contexts, argv, invocation, ct);
        var change = ChildEnvironment.Keys(session, plan.Region);
        if (ProcessImage.Supported)
            ProcessImage.Replace(command, change, context.FlushOutput); // returns only by throwing the 126/127 failure
        return context.RunChild(command, change.ApplyTo(context.Env.All));
    }

    /// <summary>What plain exec and `exec --server` share: the command resolved, then the session, and the line saying which.</summary>
    public static async Task<(ToolContext Context, ChildCommand Command, Session Session, Plan Plan)> PrepareAsync(
        Func<bool, ToolContext> contexts, IReadOnlyList<string>? argv, Invocation invocation, CancellationToken ct)
    {
        var context = contexts(invocation.Options.Debug);
        // Resolve first: a mistyped command fails with 127 before any MFA prompt.
        var command = ChildCommand.From(argv ?? [], context.Env.Get("SHELL")).Resolve(context.Env.Get("PATH"));
        var (session, plan) = await new SessionService(context).GetAsync(invocation, ct);
        if (Describe.Session(plan, session, context.Time.GetUtcNow()) is { } line)
            context.Status.Note(line);
        return (context, command, session, plan);
    }
}
