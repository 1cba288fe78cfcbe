using AwsSession.Application;
using AwsSession.Config;
using AwsSession.Output;

namespace AwsSession.Entry;

/// <summary>`aws-session [mfa|pose]`: prints the session as statements for eval (or JSON) on stdout, nothing else.</summary>
public static class ExportsRun
{
    public static async Task<int> RunAsync(Func<bool, ToolContext> contexts, Invocation invocation, string? shellName, CancellationToken ct)
    {
        var context = contexts(invocation.Options.Debug);
        var shell = shellName is { } s ? Shells.Parse(s) : Shells.FromEnvironment(context.Env.Get("SHELL"));
        var (session, plan) = await new SessionService(context).GetAsync(invocation, ct);
        var set = SessionVariables.For(session, plan.Region);
        await context.Out.WriteAsync(ExportsFormatter.Render(shell, set, SessionVariables.Unset(set)));
        await context.Out.FlushAsync(ct);

        if (Describe.Session(plan, session, context.Time.GetUtcNow()) is { } line)
            context.Status.Note(line);
        if (context.StdoutIsTerminal && shell != ShellKind.Json)
            context.Status.Note($"these are shell statements; load them with: eval \"$(aws-session {string.Join(' ', Environment.GetCommandLineArgs().Skip(1))})\"");
        return 0;
    }
}
