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
}
