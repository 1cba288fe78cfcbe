using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace AwsSession.Platform;

/// <summary>
/// Owner and mode of an open file. .NET exposes the mode but not the owner, so this calls the runtime's own
/// portable stat shim (System.Native, linked into every .NET app and into Native AOT binaries) on the handle
/// we are about to read: no window between the check and the read.
/// </summary>
public static partial class UnixFiles
{
    public static bool Supported => OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD();

    public static (uint Uid, UnixFileMode Mode)? Stat(SafeFileHandle handle)
    {
        if (!Supported)
            return null;
        var status = default(FileStatus);
        return FStat(handle, ref status) == 0 ? (status.Uid, (UnixFileMode)(status.Mode & 0xFFF)) : null;
    }

    public enum FileKind { Regular, Directory, Fifo, CharDevice, BlockDevice, Symlink, Socket, Other }

    /// <summary>What the open handle is; null where this cannot be asked.</summary>
    public static FileKind? Kind(SafeFileHandle handle)
    {
        if (!Supported)
            return null;
        var status = default(FileStatus);
        return FStat(handle, ref status) == 0 ? KindOf(status.Mode) : null;
    }

    /// <summary>Owner, permission bits and kind of the path (following links); null when it is missing or this cannot be asked.</summary>
    public static (uint Uid, UnixFileMode Mode, FileKind Kind)? StatPath(string path)
    {
        if (!Supported)
            return null;
        var status = default(FileStatus);
        return PathStat(path, ref status) == 0 ? (status.Uid, (UnixFileMode)(status.Mode & 0xFFF), KindOf(status.Mode)) : null;
    }

    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Directory => "a directory",
        FileKind.Fifo => "a FIFO",
        FileKind.CharDevice or FileKind.BlockDevice => "a device",
        FileKind.Symlink => "a symbolic link",
        FileKind.Socket => "a socket",
        _ => "a special file",
    };

    // System.Native keeps st_mode's type bits as they are (S_IFMT 0xF000, the same values on Linux and macOS).
    private static FileKind KindOf(int mode) => (mode & 0xF000) switch
    {
        0x8000 => FileKind.Regular,
        0x4000 => FileKind.Directory,
        0x1000 => FileKind.Fifo,
        0x2000 => FileKind.CharDevice,
        0x6000 => FileKind.BlockDevice,
        0xA000 => FileKind.Symlink,
        0xC000 => FileKind.Socket,
        _ => FileKind.Other,
    };

    public static uint EffectiveUserId => Supported ? Native.GetEUid() : 0;

    // Mirrors the start of System.Native's FileStatus; the tail is padding so the shim can never write past it.
    [StructLayout(LayoutKind.Sequential, Size = 512)]
    private struct FileStatus
    {
        public int Flags;
        public int Mode;
        public uint Uid;
        public uint Gid;
    }

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_FStat")]
    private static partial int FStat(SafeFileHandle fd, ref FileStatus output);

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_Stat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int PathStat(string path, ref FileStatus output);
}
