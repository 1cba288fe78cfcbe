using AwsSession.Domain;

namespace AwsSession.Entry;

/// <summary>
/// The single place where expected failures become one stderr line and an exit code (2 usage, 1 AWS/runtime), for
/// both executables. Stack traces only with --debug.
/// </summary>
public static class TopLevel
{
    public static async Task<int> RunAsync(Func<Task<int>> run, bool debug)
    {
        try
        {
            return await run();
        }
        catch (AwsSessionException e)
        {
            Console.Error.WriteLine("aws-session: " + e.Line);
            if (debug)
                Console.Error.WriteLine(ErrorText.Trace(e));
            return e.ExitCode;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("aws-session: cancelled");
            return 130;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"aws-session: unexpected error: {ErrorText.Unexpected(e)}" + (debug ? "" : " (run with --debug for details)"));
            if (debug)
                Console.Error.WriteLine(ErrorText.Trace(e));
            return ExitCodes.Failure;
        }
    }
}
