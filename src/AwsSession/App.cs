using System.CommandLine;
using AwsSession.Application;
using AwsSession.Cli.Commands;
using AwsSession.Domain;

namespace AwsSession.Cli;

/// <summary>
/// The entry point's logic: parse, run, and the single place where expected failures become one stderr line
/// and an exit code (2 usage, 1 AWS/runtime). Stack traces only with --debug.
/// </summary>
public static class App
{
    public static async Task<int> RunAsync(string[] args, Func<bool, ToolContext> contextFactory)
    {
        var debug = args.TakeWhile(a => a != "--").Contains("--debug");
        var root = RootCommandFactory.Create(contextFactory, args);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // System.CommandLine lists allowed values on separate lines; the rule is one stderr line per failure.
            var first = string.Join(' ', parsed.Errors[0].Message.Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            Console.Error.WriteLine($"aws-session: {first} (see aws-session --help)");
            return ExitCodes.Usage;
        }

        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null });
        }
        catch (AwsSessionException e)
        {
            Console.Error.WriteLine("aws-session: " + e.Message + (e.Hint is { Length: > 0 } h ? "; " + h : ""));
            if (debug)
                Console.Error.WriteLine(e.InnerException is null ? e.ToString() : e.InnerException.ToString());
            return e.ExitCode;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("aws-session: cancelled");
            return 130;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"aws-session: unexpected error: {e.GetType().Name}: {e.Message}" + (debug ? "" : " (run with --debug for details)"));
            if (debug)
                Console.Error.WriteLine(e.ToString());
            return ExitCodes.Failure;
        }
    }
}
