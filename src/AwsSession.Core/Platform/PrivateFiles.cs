namespace AwsSession.Platform;

/// <summary>
/// The one way files that may hold credentials are created: mode 0600 from the first moment (never readable by others,
/// whatever the umask), exclusively (O_CREAT|O_EXCL: never through a planted link or FIFO), and replaced atomically.
/// </summary>
public static class PrivateFiles
{
    public static FileStream CreateNew(string path, FileShare share = FileShare.None)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = share };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        return new FileStream(path, options);
    }

    /// <summary>
    /// Writes <paramref name="temp"/> (a new name in the target's directory), flushes it to disk, then renames it over
    /// <paramref name="path"/>: readers see the old file or the new one, never half. The temporary file is removed if
    /// anything fails; the IOException or UnauthorizedAccessException is the caller's to report.
    /// </summary>
    public static void WriteAtomically(string path, string temp, ReadOnlySpan<byte> data)
    {
        try
        {
            using (var stream = CreateNew(temp))
            {
                stream.Write(data);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try
            {
                File.Delete(temp);
            }
            catch (Exception again) when (again is IOException or UnauthorizedAccessException)
            {
                // Nothing more to do: the next write of this file removes what is left.
            }
            throw;
        }
    }
}
