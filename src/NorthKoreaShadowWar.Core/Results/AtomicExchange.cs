using System.Runtime.InteropServices;

namespace NorthKoreaShadowWar.Results;

/// <summary>
/// Swaps two directories in one step with Linux <c>renameat2(..., RENAME_EXCHANGE)</c>: at every instant each path holds
/// one of the two, even if the process is killed.
/// </summary>
internal static partial class AtomicExchange
{
    private const int CurrentDirectory = -100; // AT_FDCWD
    private const uint RenameExchange = 2;     // RENAME_EXCHANGE
    private const int InvalidArgument = 22;    // EINVAL: the file system cannot exchange
    private const int NotImplemented = 38;     // ENOSYS: the kernel has no renameat2
    private const int NotSupported = 95;       // EOPNOTSUPP

    [LibraryImport("libc", EntryPoint = "renameat2", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int RenameAt2(int oldDirectory, string oldPath, int newDirectory, string newPath, uint flags);

    /// <summary>
    /// Exchanges <paramref name="first"/> and <paramref name="second"/> (both must exist); false, with nothing changed,
    /// where the system or the file system cannot do it in one step.
    /// </summary>
    /// <exception cref="IOException">The exchange is possible here but failed.</exception>
    public static bool TryExchange(string first, string second)
    {
        if (!OperatingSystem.IsLinux()) return false;
        int result;
        try
        {
            result = RenameAt2(CurrentDirectory, first, CurrentDirectory, second, RenameExchange);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return false;
        }
        if (result == 0) return true;
        var error = Marshal.GetLastPInvokeError();
        if (error is InvalidArgument or NotImplemented or NotSupported) return false;
        throw new IOException($"cannot exchange {first} with {second}: {Marshal.GetPInvokeErrorMessage(error)}", error);
    }
}
