using AwsSession.Domain;
using AwsSession.Logging;
using AwsSession.Platform;

namespace AwsSession.Cache;

/// <summary>
/// The file rules every cache file obeys: directory 0700, files 0600, atomic writes (temporary file + rename),
/// and no trust in a file that another user owns or that others can read, nor in a directory that others can
/// write. The directory may hold other people's files: only names of our own pattern (<see cref="CacheNames"/>)
/// are ever deleted, and only a directory made here gets its mode chosen here. Nothing is opened in a way that can
/// block (a FIFO planted under a cache name is refused). A directory that cannot be used means working without
/// the cache, with one warning naming it and the cause.
/// </summary>
public sealed class CacheStore(string directory, IStatus status)
{
    private const long MaxFileSize = 64L << 20;
    private const UnixFileMode OthersWrite = UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;
    private bool _unusable;
    private bool _checked;

    public string Directory => directory;

    /// <summary>False once the cache has been given up for this run (the warning was shown).</summary>
    public bool Usable => !_unusable && CheckDirectory();

    public string PathOf(string name) => Path.Combine(directory, name);

    /// <summary>The file's bytes, or null when missing, untrusted or unreadable (each non-missing case warns).</summary>
    public byte[]? Read(string name)
    {
        if (!Usable)
            return null;
        var path = PathOf(name);
        try
        {
            // The handle alone, not a FileStream: its set-up costs a cache hit more system calls than the read.
            using var handle = RegularFiles.Open(path, write: false);
            if (UnixFiles.Stat(handle) is var (uid, mode))
            {
                if (uid != UnixFiles.EffectiveUserId)
                {
                    status.Warn($"ignoring cache file {path}: it is owned by another user (uid {uid})");
                    return null;
                }
                if ((mode & (UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite)) != 0)
                {
                    status.Warn($"ignoring cache file {path}: others can access it (mode {Convert.ToString((int)mode, 8)}); it will be replaced");
                    return null;
                }
            }
            var length = RandomAccess.GetLength(handle);
            if (length > MaxFileSize)
                return null;
            var buffer = new byte[length];
            for (var done = 0; done < buffer.Length;)
            {
                var n = RandomAccess.Read(handle, buffer.AsSpan(done), done);
                done += n > 0 ? n : throw new EndOfStreamException();
            }
            return buffer;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            status.Warn($"ignoring cache file {path}: {ErrorText.Outside(e.Message)}");
            return null;
        }
    }

    /// <summary>Writes atomically with mode 0600. Returns false when the cache cannot be written (warned once).</summary>
    public bool Write(string name, ReadOnlySpan<byte> data)
    {
        if (!EnsureDirectory())
            return false;
        var path = PathOf(name);
        var temp = Path.Combine(directory, CacheNames.Temporary(name, Environment.ProcessId));
        try
        {
            PrivateFiles.WriteAtomically(path, temp, data);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            GiveUp(e.Message);
            return false;
        }
        RemoveOrphanedTemporaries(name);
        return true;
    }

    /// <summary>Deletes a file of ours; any other name is refused, so a mistake here cannot remove a user's file.</summary>
    public void Delete(string name)
    {
        if (!CacheNames.IsOwn(name) && CacheNames.TemporaryOf(name) is null)
            throw new ArgumentException($"not a cache file name: {name}", nameof(name));
        TryDelete(PathOf(name));
    }

    public IEnumerable<string> Names(string prefix, string suffix) =>
        System.IO.Directory.Exists(directory)
            ? System.IO.Directory.EnumerateFiles(directory, prefix + "*" + suffix).Select(Path.GetFileName).OfType<string>()
            : [];

    /// <summary>Temporary files of ours, left by writers that were killed before the rename.</summary>
    public IEnumerable<string> OrphanedTemporaries(string? of = null) =>
        Names("." + (of ?? ""), ".tmp").Where(n => CacheNames.TemporaryOf(n) is var (target, pid) && (of is null || target == of) && !Native.IsAlive(pid));

    /// <summary>Creates the directory 0700 when missing. False (warned once) when it cannot be made or is not to be trusted.</summary>
    public bool EnsureDirectory()
    {
        if (_unusable)
            return false;
        if (System.IO.Directory.Exists(directory))
            return CheckDirectory();
        try
        {
            if (OperatingSystem.IsWindows())
                System.IO.Directory.CreateDirectory(directory);
            else
                System.IO.Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            _checked = true;
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            GiveUp(e.Message);
            return false;
        }
    }

    /// <summary>Stops using the cache for this run, with one warning naming the directory and the cause.</summary>
    public void GiveUp(string cause)
    {
        if (!_unusable)
            status.Warn($"cannot use the cache directory {directory} ({cause}); working without the cache");
        _unusable = true;
    }

    /// <summary>
    /// Checked on every run, hits included: a directory others can write lets them plant or swap sessions, and one
    /// owned by someone else is theirs. It is refused, never chmod-ed: it may be a shared directory (a 1777 /tmp).
    /// </summary>
    private bool CheckDirectory()
    {
        if (_checked || _unusable)
            return !_unusable;
        if (UnixFiles.StatPath(directory) is not var (uid, mode, kind))
            return true; // missing (made on the first write), or not a Unix system
        _checked = true;
        if (kind != UnixFiles.FileKind.Directory)
            GiveUp($"it is {UnixFiles.Describe(kind)}");
        else if (uid != UnixFiles.EffectiveUserId)
            GiveUp($"it belongs to another user (uid {uid})");
        else if ((mode & OthersWrite) != 0)
            GiveUp($"others can write to it (mode {Convert.ToString((int)mode, 8)}); make it private with: chmod 700 {directory}");
        return !_unusable;
    }

    private void RemoveOrphanedTemporaries(string name)
    {
        try
        {
            foreach (var orphan in OrphanedTemporaries(name).ToList())
                TryDelete(PathOf(orphan));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the next write tries again.
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a file we cannot delete is replaced by the next atomic write, or ignored.
        }
    }
}
