using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace AwsSession.Platform;

/// <summary>A path that is there but is not a regular file (a FIFO, a device, a directory, a socket).</summary>
public sealed class NotRegularFileException(string path, string kind)
    : IOException($"{path} is {kind}, not a regular file")
{
    public string Kind { get; } = kind;
}

/// <summary>
/// Opens files in a directory others might have planted things in, without ever blocking: O_NONBLOCK (opening a FIFO
/// for reading otherwise waits for a writer forever), O_NOFOLLOW, then fstat on the open handle, so what is read is
/// what was checked. Errors keep their errno so callers can tell "held by another process" from "broken".
/// </summary>
public static partial class RegularFiles
{
    private static bool Native => OperatingSystem.IsLinux() || OperatingSystem.IsMacOS();

    /// <summary>Opens an existing regular file; FileNotFoundException when it is missing.</summary>
    public static SafeFileHandle Open(string path, bool write)
    {
        if (!Native)
            return File.OpenHandle(path, FileMode.Open, write ? FileAccess.ReadWrite : FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var fd = OpenFd(path, (write ? ORdWr : 0) | Flags.NonBlock | Flags.NoFollow | Flags.CloExec, 0);
        if (fd < 0)
            throw Error(Marshal.GetLastPInvokeError(), path);
        var handle = new SafeFileHandle(fd, ownsHandle: true);
        if (UnixFiles.Kind(handle) is { } kind && kind != UnixFiles.FileKind.Regular)
        {
            handle.Dispose();
            throw new NotRegularFileException(path, UnixFiles.Describe(kind));
        }
        return handle;
    }

    /// <summary>Opens the file for reading and writing, creating it (mode 0600) when missing.</summary>
    public static SafeFileHandle OpenOrCreate(string path)
    {
        try
        {
            return Open(path, write: true);
        }
        catch (FileNotFoundException)
        {
            // O_CREAT|O_EXCL: never follows a link, never opens a planted FIFO; losing a race to another creator is fine.
            try
            {
                PrivateFiles.CreateNew(path, FileShare.ReadWrite).Dispose();
            }
            catch (IOException) when (File.Exists(path))
            {
            }
            return Open(path, write: true);
        }
    }

    /// <summary>
    /// For files a parser will open by path (the AWS config files): links are followed (dotfile managers link them),
    /// but a FIFO or device there would block that open forever, so it is refused first. A file that cannot be opened
    /// (missing, unreadable) is left to the parser, which reports it as it always has.
    /// </summary>
    public static void RequireRegularIfPresent(string path)
    {
        if (!Native)
            return;
        var fd = OpenFd(path, Flags.NonBlock | Flags.CloExec, 0);
        if (fd < 0)
            return;
        using var handle = new SafeFileHandle(fd, ownsHandle: true);
        if (UnixFiles.Kind(handle) is { } kind && kind != UnixFiles.FileKind.Regular)
            throw new NotRegularFileException(path, UnixFiles.Describe(kind));
    }

    /// <summary>
    /// The text of a file a person keeps (the AWS config files), or null when there is none: links are followed
    /// (dotfile managers link them), a FIFO or device is refused instead of blocking, and the file is opened once, so
    /// what was checked is what is read.
    /// </summary>
    public static string? ReadTextIfPresent(string path)
    {
        if (!Native)
            return File.Exists(path) ? File.ReadAllText(path) : null;
        var fd = OpenFd(path, Flags.NonBlock | Flags.CloExec, 0);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            return errno == Errno.NoEnt || errno == Errno.NotDir ? null : throw Error(errno, path);
        }
        using var handle = new SafeFileHandle(fd, ownsHandle: true);
        if (UnixFiles.Kind(handle) is { } kind && kind != UnixFiles.FileKind.Regular)
            throw new NotRegularFileException(path, UnixFiles.Describe(kind));
        return Decode(ReadToEnd(handle));
    }

    private static ReadOnlySpan<byte> ReadToEnd(SafeFileHandle handle)
    {
        // One byte more than its size, so a file that does not change is read in one call and its end seen in a second.
        var buffer = new byte[RandomAccess.GetLength(handle) + 1];
        var length = 0;
        int read;
        while ((read = RandomAccess.Read(handle, buffer.AsSpan(length), length)) > 0)
        {
            length += read;
            if (length == buffer.Length)
                Array.Resize(ref buffer, buffer.Length * 2);
        }
        return buffer.AsSpan(0, length);
    }

    /// <summary>
    /// As a StreamReader that detects byte order marks would read it (UTF-8 unless a mark says otherwise), without one
    /// for the usual case: its buffers were most of what reading a config file cost a cached run.
    /// </summary>
    private static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes is [0xFE, 0xFF, ..] or [0xFF, 0xFE, ..] or [0x00, 0x00, 0xFE, 0xFF, ..])
        {
            using var reader = new StreamReader(new MemoryStream(bytes.ToArray()), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }
        return System.Text.Encoding.UTF8.GetString(bytes is [0xEF, 0xBB, 0xBF, ..] ? bytes[3..] : bytes);
    }

    /// <summary>An exclusive, non-blocking flock. False when another process holds it; other failures throw.</summary>
    public static bool TryLock(SafeFileHandle handle, string path)
    {
        if (!Native)
            return true;
        if (Flock(handle, LockEx | LockNb) == 0)
            return true;
        var errno = Marshal.GetLastPInvokeError();
        return errno == Errno.WouldBlock ? false : throw Error(errno, path);
    }

    /// <summary>The errno as the exception .NET itself would raise, with strerror's text.</summary>
    public static IOException Error(int errno, string path)
    {
        var text = Marshal.GetPInvokeErrorMessage(errno);
        return errno switch
        {
            Errno.NoEnt => new FileNotFoundException(text, path),
            Errno.NotDir => new DirectoryNotFoundException(text),
            Errno.Acces or Errno.Perm => new IOException(text, new UnauthorizedAccessException(text)) { HResult = errno },
            _ => new IOException(text) { HResult = errno },
        };
    }

    private const int ORdWr = 2;
    private const int LockEx = 2;
    private const int LockNb = 4;

    private static class Flags
    {
        public static readonly int NonBlock = OperatingSystem.IsMacOS() ? 0x4 : 0x800;
        public static readonly int CloExec = OperatingSystem.IsMacOS() ? 0x1000000 : 0x80000;

        public static readonly int NoFollow = OperatingSystem.IsMacOS() ? 0x100
            : RuntimeInformation.ProcessArchitecture is Architecture.Arm64 or Architecture.Arm ? 0x8000 : 0x20000;
    }

    public static class Errno
    {
        public const int Perm = 1;
        public const int NoEnt = 2;
        public const int Srch = 3;
        public const int Acces = 13;
        public const int NotDir = 20;
        public static readonly int WouldBlock = OperatingSystem.IsMacOS() ? 35 : 11;
    }

    // open(2) is variadic; the mode is only read with O_CREAT, which is never passed here (creation goes through .NET).
    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int OpenFd(string path, int flags, int mode);

    [LibraryImport("libc", EntryPoint = "flock", SetLastError = true)]
    private static partial int Flock(SafeFileHandle fd, int operation);
}
