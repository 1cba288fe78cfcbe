using System.Text;
using AwsSession.Config;
using AwsSession.Domain;
using AwsSession.Platform;
using AwsSession.Logging;

namespace AwsSession.Cache;

/// <summary>
/// A per-key inter-process lock: flock on KEY.lock (a share-none handle on Windows). The OS releases it when the
/// holder dies, so a crashed aws-session never wedges the others, and removing the file would let two runs in: no
/// message ever suggests that. The holder writes its pid into the file so waiters can say whom they wait for.
/// Only contention is waited for; any other failure (read-only or full disk, a link loop, a FIFO under the name)
/// gives up the cache for this run with one warning, and the run goes on without it.
/// </summary>
public sealed class CacheLock : IDisposable
{
    /// <summary>A waiter says so after this long: the holder is usually prompting, and silence looks like a hang.</summary>
    public static readonly TimeSpan NoticeAfter = TimeSpan.FromSeconds(2);

    /// <summary>A holder that is alive is waited for this long (a person may be finding their phone), then called hung.</summary>
    public static readonly TimeSpan HungAfter = TimeSpan.FromMinutes(10);

    private readonly FileStream? _handle;

    private CacheLock(FileStream? handle, DateTimeOffset? waitedSince, int? holder) =>
        (_handle, WaitedSince, Holder) = (handle, waitedSince, holder);

    /// <summary>False when the cache is unusable and the run goes on without a lock (and without the cache).</summary>
    public bool Held => _handle is not null;

    /// <summary>When this run started waiting for another holder; null when the lock was free at once.</summary>
    public DateTimeOffset? WaitedSince { get; }

    /// <summary>The pid of the holder this run waited for, when it was known.</summary>
    public int? Holder { get; }

    /// <param name="what">Names the session being made, for the waiting line ("the MFA session for ...").</param>
    public static async Task<CacheLock> AcquireAsync(CacheStore store, string key, string what, TimeProvider time, IStatus status, CancellationToken ct)
    {
        if (!store.EnsureDirectory())
            return new CacheLock(null, null, null);
        var path = store.PathOf(key + CacheNames.Lock);
        FileStream file;
        try
        {
            file = new FileStream(RegularFiles.OpenOrCreate(path), FileAccess.ReadWrite, 1);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            store.GiveUp($"cannot open the lock {Path.GetFileName(path)}: {ErrorText.Outside(e.Message)}");
            return new CacheLock(null, null, null);
        }

        var start = time.GetUtcNow();
        var announced = false;
        var delay = TimeSpan.FromMilliseconds(10);
        int? holder = null;
        var contended = false;
        try
        {
            while (true)
            {
                if (TryLock(file, path))
                {
                    WritePid(file);
                    return new CacheLock(file, contended ? start : null, holder);
                }
                contended = true;
                holder = ReadPid(file) ?? holder;
                var waited = time.GetUtcNow() - start;
                if (!announced && waited >= NoticeAfter)
                {
                    status.Note($"waiting for another aws-session{(holder is { } p ? $" (pid {p})" : "")}, which is making {what}");
                    announced = true;
                }
                if (waited >= HungAfter)
                    throw new AwsSessionException($"gave up after {Durations.Format(HungAfter)} waiting for another aws-session{(holder is { } h ? $" (pid {h})" : "")} making {what}",
                        hint: holder is { } k && Native.IsAlive(k) ? $"if it is stuck, end it (kill {k}) and run again" : "if one is stuck, end it and run again");
                await Task.Delay(delay, time, ct);
                delay = delay * 2 > TimeSpan.FromMilliseconds(100) ? TimeSpan.FromMilliseconds(100) : delay * 2;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            file.Dispose();
            store.GiveUp($"cannot lock {Path.GetFileName(path)}: {ErrorText.Outside(e.Message)}");
            return new CacheLock(null, null, null);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Takes the lock only if nobody holds it, for `clear` (removing a held lock file would let two runs in).</summary>
    public static bool TryHold(string path, out IDisposable? held)
    {
        held = null;
        try
        {
            var file = new FileStream(RegularFiles.Open(path, write: true), FileAccess.ReadWrite, 1);
            if (TryLock(file, path))
            {
                held = file;
                return true;
            }
            file.Dispose();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        return false;
    }

    /// <summary>Whether the bytes are what a lock file of ours holds: nothing, or a pid line.</summary>
    public static bool LooksLikeOurs(ReadOnlySpan<byte> content) =>
        content.Length <= 16 && !content.TrimEnd((byte)'\n').ContainsAnyExceptInRange((byte)'0', (byte)'9');

    public void Dispose() => _handle?.Dispose();

    private static bool TryLock(FileStream file, string path)
    {
        if (!OperatingSystem.IsWindows())
            return RegularFiles.TryLock(file.SafeFileHandle, path);
        try
        {
            file.Lock(0, 1);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static void WritePid(FileStream file)
    {
        try
        {
            file.SetLength(0);
            file.Position = 0;
            file.Write(Encoding.ASCII.GetBytes(Environment.ProcessId + "\n"));
            file.Flush();
        }
        catch (IOException)
        {
            // The pid is only for the waiting line; a full disk must not stop the holder.
        }
    }

    private static int? ReadPid(FileStream file)
    {
        try
        {
            Span<byte> buffer = stackalloc byte[16];
            var n = RandomAccess.Read(file.SafeFileHandle, buffer, 0);
            return int.TryParse(Encoding.ASCII.GetString(buffer[..n]).Trim(), out var pid) && pid > 0 ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
