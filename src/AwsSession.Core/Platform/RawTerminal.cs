using System.Runtime.InteropServices;

namespace AwsSession.Platform;

/// <summary>A terminal's keyboard byte by byte, as a picker reads it; tests script the bytes.</summary>
public interface IRawInput
{
    /// <summary>Stops the terminal's line editing, echo and signal keys until the result is disposed.</summary>
    IDisposable TakeRaw();

    /// <summary>The next byte typed, waiting at most <paramref name="wait"/> (null: as long as it takes); null when
    /// none came in time, -1 when the input ended.</summary>
    int? Next(TimeSpan? wait);

    /// <summary>Columns and rows.</summary>
    (int Width, int Height) Size { get; }
}

/// <summary>
/// A terminal device (the controlling terminal, /dev/tty) opened on a descriptor of its own. System.Console sets up
/// only the terminal on stdin, which under credential_process is whatever the calling SDK left there, so raw mode
/// is made here with tcgetattr/tcsetattr: no canonical lines, no echo, no signal keys (^C arrives as a byte), no
/// CR-to-NL or flow-control translation of input; output processing is kept, so "\n" still starts a line.
/// </summary>
public sealed unsafe partial class RawTerminal : IRawInput, IDisposable
{
    private readonly int _fd;
    private readonly Termios _layout;
    private byte[]? _saved;

    private RawTerminal(int fd, Termios layout) => (_fd, _layout) = (fd, layout);

    /// <summary>Null where the termios layout is not known here (not Linux or macOS), or the device cannot be opened or is no terminal.</summary>
    public static RawTerminal? Open(string path)
    {
        if (Termios.ForThisSystem() is not { } layout)
            return null;
        var fd = OpenNative(path, O_RDWR | O_NOCTTY | O_CLOEXEC);
        if (fd < 0)
            return null;
        var settings = stackalloc byte[256];
        if (TcGetAttr(fd, settings) == 0)
            return new RawTerminal(fd, layout);
        CloseNative(fd); // not a terminal
        return null;
    }

    public IDisposable TakeRaw()
    {
        var saved = new byte[256];
        fixed (byte* s = saved)
            if (TcGetAttr(_fd, s) != 0)
                throw new IOException("the terminal's settings cannot be read");
        var raw = (byte[])saved.Clone();
        _layout.MakeRaw(raw);
        fixed (byte* r = raw)
            if (TcSetAttr(_fd, TCSANOW, r) != 0)
                throw new IOException("the terminal cannot be put in raw mode");
        _saved = saved;
        return new Restorer(this);
    }

    public int? Next(TimeSpan? wait)
    {
        var timeout = wait is { } w ? (int)Math.Ceiling(w.TotalMilliseconds) : -1;
        while (true)
        {
            var ready = Native.Poll(_fd, Native.PollIn, timeout);
            if (ready == 0)
                return null;
            if (ready < 0)
            {
                if (Marshal.GetLastPInvokeError() == EINTR)
                    continue;
                return -1;
            }
            byte b;
            var n = ReadNative(_fd, &b, 1);
            if (n == 1)
                return b;
            if (n < 0 && Marshal.GetLastPInvokeError() == EINTR)
                continue;
            return -1; // end of input, or the terminal went away (EIO after a hangup)
        }
    }

    public (int Width, int Height) Size
    {
        get
        {
            WinSize size;
            return GetWindowSize(_fd, &size) == 0 && size.Col > 0 && size.Row > 0 ? (size.Col, size.Row) : (80, 24);
        }
    }

    public void Dispose()
    {
        Restore();
        CloseNative(_fd);
    }

    /// <summary>Idempotent: called by the picker's end and by a signal handler, whichever comes first.</summary>
    private void Restore()
    {
        if (Interlocked.Exchange(ref _saved, null) is { } saved)
            fixed (byte* s = saved)
                TcSetAttr(_fd, TCSANOW, s);
    }

    private sealed class Restorer(RawTerminal terminal) : IDisposable
    {
        public void Dispose() => terminal.Restore();
    }

    /// <summary>Where struct termios keeps the local and input flags and the control characters, and their bits.</summary>
    private sealed record Termios(int FlagBytes, int IFlag, int LFlag, int Cc, int VMin, int VTime, ulong InputOff, ulong LocalOff)
    {
        // Linux: tcflag_t is 32 bits, c_cc follows c_line. macOS: tcflag_t is unsigned long, NCCS 20.
        private static readonly Termios Linux = new(4, 0, 12, 17, 6, 5, InputOff: 0x100 | 0x400 /* ICRNL IXON */,
            LocalOff: 0x1 | 0x2 | 0x8 | 0x8000 /* ISIG ICANON ECHO IEXTEN */);

        private static readonly Termios MacOS = new(8, 0, 24, 32, 16, 17, InputOff: 0x100 | 0x200 /* ICRNL IXON */,
            LocalOff: 0x80 | 0x100 | 0x8 | 0x400 /* ISIG ICANON ECHO IEXTEN */);

        public static Termios? ForThisSystem() => OperatingSystem.IsLinux() ? Linux : OperatingSystem.IsMacOS() ? MacOS : null;

        public void MakeRaw(byte[] t)
        {
            Clear(t, IFlag, InputOff);
            Clear(t, LFlag, LocalOff);
            t[Cc + VMin] = 1;
            t[Cc + VTime] = 0;
        }

        private void Clear(byte[] t, int offset, ulong bits)
        {
            var span = t.AsSpan(offset, FlagBytes);
            if (FlagBytes == 4)
                MemoryMarshal.Write(span, MemoryMarshal.Read<uint>(span) & ~(uint)bits);
            else
                MemoryMarshal.Write(span, MemoryMarshal.Read<ulong>(span) & ~bits);
        }
    }

    private const int O_RDWR = 2;
    private static readonly int O_NOCTTY = OperatingSystem.IsMacOS() ? 0x20000 : 0x100;
    private static readonly int O_CLOEXEC = OperatingSystem.IsMacOS() ? 0x1000000 : 0x80000;
    private const int TCSANOW = 0;
    private const int EINTR = 4;
    [StructLayout(LayoutKind.Sequential)]
    private struct WinSize
    {
        public ushort Row;
        public ushort Col;
        public ushort XPixel;
        public ushort YPixel;
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int OpenNative(string path, int flags);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int CloseNative(int fd);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    private static partial nint ReadNative(int fd, byte* buffer, nint count);

    [LibraryImport("libc", EntryPoint = "tcgetattr")]
    private static partial int TcGetAttr(int fd, byte* termios);

    [LibraryImport("libc", EntryPoint = "tcsetattr")]
    private static partial int TcSetAttr(int fd, int when, byte* termios);

    // The runtime's own wrapper: ioctl is variadic, which a direct call cannot pass correctly on every ABI (arm64 macOS).
    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_GetWindowSize")]
    private static partial int GetWindowSize(nint fd, WinSize* size);
}
