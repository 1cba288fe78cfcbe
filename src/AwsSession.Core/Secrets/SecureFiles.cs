using AwsSession.Domain;
using AwsSession.Platform;

namespace AwsSession.Secrets;

/// <summary>
/// Writes files that hold keys: 0600 from creation (never a moment readable by others), atomically (temporary
/// file + rename in the same directory), in a 0700 directory when we create it.
/// </summary>
public static class SecureFiles
{
    private const UnixFileMode PrivateDir = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public static void Write(string path, ReadOnlySpan<byte> data)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        EnsureDirectory(dir);
        var temp = Path.Combine(dir, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            PrivateFiles.WriteAtomically(path, temp, data);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AwsSessionException($"cannot write {path}: {ErrorText.Outside(e.Message)}");
        }
    }

    public static void EnsureDirectory(string dir)
    {
        if (Directory.Exists(dir))
            return;
        try
        {
            if (OperatingSystem.IsWindows())
                Directory.CreateDirectory(dir);
            else
                Directory.CreateDirectory(dir, PrivateDir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AwsSessionException($"cannot create {dir}: {ErrorText.Outside(e.Message)}");
        }
    }

    /// <summary>The file's text, or null when it does not exist.</summary>
    public static string? ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AwsSessionException($"cannot read {path}: {ErrorText.Outside(e.Message)}");
        }
    }

    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a temporary file left behind holds nothing that the target does not.
        }
    }
}
