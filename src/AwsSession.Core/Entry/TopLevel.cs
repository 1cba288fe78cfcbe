using AwsSession.Domain;

namespace AwsSession.Entry;

/// <summary>
/// The single place where expected failures become one stderr line and an exit code (2 usage, 1 AWS/runtime), for
/// both executables. Stack traces only with --debug.
/// </summary>
public static class TopLevel
{
    /// <param name="error">Where the line goes; by default the process's stderr (<see cref="Console.Error"/>).</param>
    public static async Task<int> RunAsync(Func<Task<int>> run, bool debug, TextWriter? error = null)
    {
        var stderr = error ?? Console.Error;
        try
        {
            return await run();
        }
        catch (AwsSessionException e)
        {
            stderr.WriteLine("aws-session: " + e.Line);
            if (debug)
                stderr.WriteLine(ErrorText.Trace(e));
            return e.ExitCode;
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("aws-session: cancelled");
            return 130;
        }
        catch (Exception e)
        {
            stderr.WriteLine($"aws-session: unexpected error: {ErrorText.Unexpected(e)}" + (debug ? "" : " (run with --debug for details)"));
            if (debug)
                stderr.WriteLine(ErrorText.Trace(e));
            return ExitCodes.Failure;
        }
    }
}
