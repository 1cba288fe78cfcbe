using AwsSession.Domain;

namespace AwsSession.Cache;

/// <summary>
/// A per-key inter-process lock: an OS file lock (flock on Unix, a share-none handle on Windows) on KEY.lock.
/// The OS releases it if the holder dies, so a crashed aws-session never wedges the others.
/// </summary>
public sealed class CacheLock : IDisposable
{
    private readonly FileStream? _handle;

    private CacheLock(FileStream? handle) => _handle = handle;

    public static async Task<CacheLock> AcquireAsync(CacheStore store, string key, TimeSpan timeout, CancellationToken ct)
    {
        if (!store.EnsureDirectory())
            return new CacheLock(null);
        var path = store.PathOf(key + ".lock");
        var deadline = DateTime.UtcNow + timeout;
        var delay = 10;
        while (true)
        {
            try
            {
                var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
                if (!OperatingSystem.IsWindows())
                    options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                return new CacheLock(new FileStream(path, options));
            }
            catch (UnauthorizedAccessException)
            {
                return new CacheLock(null);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                // Held by another aws-session (probably prompting for the code): wait, bounded.
                await Task.Delay(delay, ct);
                delay = Math.Min(delay * 2, 100);
            }
            catch (IOException)
            {
                throw new AwsSessionException($"timed out after {timeout.TotalSeconds:0}s waiting for another aws-session to finish (lock {path})",
                    hint: "if no other aws-session runs, remove the lock file");
            }
        }
    }

    public void Dispose() => _handle?.Dispose();
}
