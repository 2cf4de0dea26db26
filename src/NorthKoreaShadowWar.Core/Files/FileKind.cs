using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace NorthKoreaShadowWar.Files;

/// <summary>
/// What kind of file a path or an open handle is, asked of the system without opening anything (<c>statx</c> on Linux,
/// which follows symbolic links as <c>stat</c> does). Opening a FIFO for reading waits for a writer, and a device can
/// be read for ever, so the kind must be known first. Where <c>statx</c> is not available only folders are told apart.
/// </summary>
internal static unsafe partial class FileKind
{
    private const int CurrentDirectory = -100;
    private const int EmptyPath = 0x1000;
    private const uint TypeField = 0x1;
    private const int ModeOffset = 28;
    private const int BufferBytes = 256;

    /// <summary>
    /// Null when <paramref name="path"/> is a regular file (or a link to one) or its kind cannot be asked; otherwise how
    /// to name what it is, e.g. <c>a FIFO</c> or <c>a directory</c>.
    /// </summary>
    public static string? NotRegular(string path)
    {
        if (Directory.Exists(path)) return "a directory";
        return Mode(CurrentDirectory, path, 0) is { } mode ? Describe(mode) : null;
    }

    /// <summary>As <see cref="NotRegular(string)"/>, for a file already open.</summary>
    public static string? NotRegular(SafeFileHandle handle)
    {
        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            return Mode((int)handle.DangerousGetHandle(), "", EmptyPath) is { } mode ? Describe(mode) : null;
        }
        finally
        {
            if (added) handle.DangerousRelease();
        }
    }

    private static string? Describe(int mode) => (mode & 0xF000) switch
    {
        0x8000 => null,
        0x1000 => "a FIFO",
        0x2000 => "a character device",
        0x4000 => "a directory",
        0x6000 => "a block device",
        0xC000 => "a socket",
        _ => "not a file that can be read",
    };

    /// <summary>The file's <c>st_mode</c>, or null when it cannot be asked (another system, or the call failed).</summary>
    private static int? Mode(int directory, string path, int flags)
    {
        if (!OperatingSystem.IsLinux()) return null;
        var buffer = stackalloc byte[BufferBytes];
        try
        {
            if (Statx(directory, path, flags, TypeField, buffer) != 0) return null;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return null;
        }
        return *(ushort*)(buffer + ModeOffset);
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directory, string path, int flags, uint mask, byte* buffer);
}
