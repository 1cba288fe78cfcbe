using System.Runtime.InteropServices;
using System.Text;

namespace AwsSession.Platform;

/// <summary>
/// A text writer straight onto a file descriptor (stdout, stderr), in UTF-8, one write(2) per call so a line from
/// this process is never split around another's. Not System.Console: its first write sets the terminal up (terminfo,
/// a signal-handling thread), which costs a cached run about 2 ms and 2 MB although it never uses the terminal.
/// Nothing is buffered, so nothing is lost at exit or at execve. Failures are IOExceptions with the system's text.
/// </summary>
public sealed unsafe partial class DescriptorWriter(int fd) : TextWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static DescriptorWriter Stdout { get; } = new(1);

    public static DescriptorWriter Stderr { get; } = new(2);

    public override Encoding Encoding => Utf8;

    public override void Write(char value) => Write(new ReadOnlySpan<char>(in value));

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void WriteLine(string? value) => Write(string.Concat(value, NewLine));

    public override void WriteLine() => Write(NewLine);

    public override void Write(ReadOnlySpan<char> chars)
    {
        if (chars.IsEmpty)
            return;
        var bytes = new byte[Utf8.GetByteCount(chars)];
        Utf8.GetBytes(chars, bytes);
        fixed (byte* start = bytes)
        {
            var done = 0;
            while (done < bytes.Length)
            {
                var n = WriteNative(fd, start + done, bytes.Length - done);
                if (n >= 0)
                {
                    done += (int)n;
                    continue;
                }
                var errno = Marshal.GetLastPInvokeError();
                if (errno == EINTR)
                    continue;
                if (errno == EAGAIN)
                {
                    // A descriptor someone else set non-blocking (a shared pipe): wait until it takes more.
                    Native.Poll(fd, Native.PollOut, -1);
                    continue;
                }
                throw new IOException(Marshal.GetPInvokeErrorMessage(errno), errno);
            }
        }
    }

    public override Task WriteAsync(string? value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private const int EINTR = 4;
    private static readonly int EAGAIN = OperatingSystem.IsMacOS() ? 35 : 11;

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static partial nint WriteNative(int fd, byte* buffer, nint count);
}
