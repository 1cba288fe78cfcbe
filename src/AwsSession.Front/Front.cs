using AwsSession.Domain;
using AwsSession.Entry;
using AwsSession.Output;
using AwsSession.Platform;

namespace AwsSession.Front;

/// <summary>
/// Serves a cache hit of the command lines <see cref="HotPath"/> reads, with the complete tool's own request code over
/// a cache-only context (<see cref="FrontContext"/>). Anything else, and any run that stops before it has written a
/// byte, is run by the complete tool from the start (<see cref="HandOff"/>): stdout and stderr are held until the run
/// has what it needs, so a handed-off run shows only what the complete tool writes.
/// </summary>
public static class Front
{
    public static async Task<int> RunAsync(string[] args)
    {
        // Held outside the guards, so what is released is written through them (a closed stdout is one clear failure).
        var stdout = new HeldWriter(GuardedWriter.Failing(DescriptorWriter.Stdout, "stdout"));
        var stderr = new HeldWriter(GuardedWriter.Quiet(DescriptorWriter.Stderr));

        if (args is ["--version"])
        {
            stdout.Release();
            stdout.WriteLine(BuildInfo.Version);
            return ExitCodes.Success;
        }

        var split = Array.IndexOf(args, "--");
        if (HotPath.TryRead(split < 0 ? args : args[..split], split < 0 ? null : args[(split + 1)..]) is not { } request)
            return HandOff.Run(args);

        return await TopLevel.RunAsync(async () =>
        {
            try
            {
                return await request.RunAsync(_ => FrontContext.Create(stdout, stderr), CancellationToken.None);
            }
            catch (Exception) when (!stdout.Released && !stderr.Released)
            {
                // A miss, a prompt, or a failure the complete tool words itself: it starts over there, and nothing
                // written here is shown.
                stdout.Discard();
                stderr.Discard();
                return HandOff.Run(args);
            }
            finally
            {
                // Served (or failed after writing): what was held goes out, and TopLevel's line after it.
                stdout.Release();
                stderr.Release();
            }
        }, debug: false, error: stderr);
    }
}
