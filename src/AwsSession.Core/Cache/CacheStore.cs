using AwsSession.Logging;
using AwsSession.Platform;

namespace AwsSession.Cache;

/// <summary>
/// The file rules every cache file obeys: directory 0700, files 0600, atomic writes (temporary file + rename),
/// and no trust in a file that another user owns or that others can read. A directory that cannot be written
/// means working without the cache, with one warning.
/// </summary>
public sealed class CacheStore(string directory, IStatus status)
{
    private const long MaxFileSize = 64L << 20;
    private bool _unwritable;

    public string Directory => directory;

    public string PathOf(string name) => Path.Combine(directory, name);

    /// <summary>The file's bytes, or null when missing, untrusted or unreadable (each non-missing case warns).</summary>
    public byte[]? Read(string name)
    {
        var path = PathOf(name);
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.None);
            if (UnixFiles.Stat(stream.SafeFileHandle) is var (uid, mode))
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
            if (stream.Length > MaxFileSize)
                return null;
            var buffer = new byte[stream.Length];
            stream.ReadExactly(buffer);
            return buffer;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            status.Warn($"ignoring unreadable cache file {path}: {e.Message}");
            return null;
        }
    }

    /// <summary>Writes atomically with mode 0600. Returns false when the cache cannot be written (warned once).</summary>
    public bool Write(string name, ReadOnlySpan<byte> data)
    {
        if (_unwritable || !EnsureDirectory())
            return false;
        var path = PathOf(name);
        var temp = Path.Combine(directory, $".{name}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using (var stream = new FileStream(temp, options))
            {
                stream.Write(data);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            Disable($"cannot write the cache in {directory} ({e.Message}); working without the cache");
            return false;
        }
    }

    public void Delete(string name) => TryDelete(PathOf(name));

    public IEnumerable<string> Names(string prefix, string suffix) =>
        System.IO.Directory.Exists(directory)
            ? System.IO.Directory.EnumerateFiles(directory, prefix + "*" + suffix).Select(Path.GetFileName).OfType<string>()
            : [];

    /// <summary>Creates the directory 0700, or tightens one we own. False (warned once) when that fails.</summary>
    public bool EnsureDirectory()
    {
        if (_unwritable)
            return false;
        try
        {
            if (!System.IO.Directory.Exists(directory))
            {
                if (OperatingSystem.IsWindows())
                    System.IO.Directory.CreateDirectory(directory);
                else
                    System.IO.Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
            else if (!OperatingSystem.IsWindows())
            {
                var mode = File.GetUnixFileMode(directory);
                if ((mode & (UnixFileMode)0b000_111_111) != 0)
                    File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Disable($"cannot use the cache directory {directory} ({e.Message}); working without the cache");
            return false;
        }
    }

    private void Disable(string message)
    {
        if (!_unwritable)
            status.Warn(message);
        _unwritable = true;
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
