namespace NorthKoreaShadowWar.Results;

/// <summary>
/// Writes a results folder so that nothing is ever half-written or lost: files go to a temporary folder
/// beside the target, which is renamed into place only when complete. An existing folder is replaced only
/// when asked (<c>--force</c>); otherwise, for the default folder, it is first moved to
/// <c>out/previous/NAME-TIMESTAMP</c>, and for a folder the user named, the run is refused.
/// </summary>
public static class ResultsFolder
{
    /// <summary>What to do when the target folder already exists.</summary>
    public enum ExistingFolder
    {
        /// <summary>Refuse: the user named this folder and did not ask to replace it.</summary>
        Refuse,
        /// <summary>Move it aside to a <c>previous/</c> folder next to it, keeping it.</summary>
        KeepAsPrevious,
        /// <summary>Replace it (<c>--force</c>).</summary>
        Replace,
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> BeingWritten = new(StringComparer.Ordinal);

    /// <summary>
    /// Deletes the temporary folders of writes still in progress, as best it can: for a process about to exit at once
    /// (a second Ctrl-C), so that it leaves nothing half-written behind. The target folders are never touched.
    /// </summary>
    public static void DeleteTemporaryFolders()
    {
        foreach (var temporary in BeingWritten.Keys) DeleteQuietly(temporary);
    }

    /// <summary>Deletes a temporary folder if it can; one it cannot (a file still open) stays hidden, its name starting with '.'.</summary>
    private static void DeleteQuietly(string temporary)
    {
        // A few attempts: another thread may still be adding a file while the folder is deleted.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                if (Directory.Exists(temporary)) Directory.Delete(temporary, recursive: true);
                return;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Left for the user to remove if it persists; the error that stopped the write is the one worth reporting.
            }
        }
    }

    /// <summary>True when <paramref name="path"/> exists and is not an empty directory.</summary>
    public static bool IsOccupied(string path) =>
        File.Exists(path) || (Directory.Exists(path) && Directory.EnumerateFileSystemEntries(path).Any());

    /// <summary>
    /// Writes a complete folder at <paramref name="target"/> using <paramref name="write"/> (which fills the
    /// directory it is given). Returns where the earlier results were kept, if they were moved.
    /// </summary>
    /// <exception cref="IOException">The target exists and <paramref name="existing"/> is Refuse, or writing failed.</exception>
    public static string? Write(string target, ExistingFolder existing, Action<string> write)
    {
        target = Path.GetFullPath(target);
        if (IsOccupied(target) && existing == ExistingFolder.Refuse)
            throw new IOException($"{target} already exists; pass --force to replace it, or choose another --out");
        var parent = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(parent);
        var temporary = Path.Combine(parent, $".{Path.GetFileName(target)}.writing-{Environment.ProcessId}-{Guid.NewGuid():N}");
        BeingWritten[temporary] = true;
        try
        {
            try
            {
                Directory.CreateDirectory(temporary);
                write(temporary);
                return MoveIntoPlace(temporary, target, parent, existing);
            }
            catch
            {
                DeleteQuietly(temporary);
                throw;
            }
        }
        finally
        {
            BeingWritten.TryRemove(temporary, out _);
        }
    }

    private static string? MoveIntoPlace(string temporary, string target, string parent, ExistingFolder existing)
    {
        string? kept = null;
        if (Directory.Exists(target) || File.Exists(target))
        {
            if (IsOccupied(target) && existing == ExistingFolder.KeepAsPrevious)
            {
                var previous = Path.Combine(parent, "previous");
                Directory.CreateDirectory(previous);
                var stem = Path.Combine(previous, $"{Path.GetFileName(target)}-{DateTime.UtcNow:yyyyMMdd-HHmmss}");
                kept = stem;
                for (var n = 2; Directory.Exists(kept); n++) kept = $"{stem}-{n}";
                Directory.Move(target, kept);
            }
            else
            {
                var doomed = Path.Combine(parent, $".{Path.GetFileName(target)}.replaced-{Guid.NewGuid():N}");
                var wasFolder = Directory.Exists(target);
                if (wasFolder) Directory.Move(target, doomed);
                else File.Move(target, doomed);
                try
                {
                    Directory.Move(temporary, target);
                }
                catch
                {
                    // Put the earlier results back: they are replaced only by complete new ones.
                    if (wasFolder) Directory.Move(doomed, target);
                    else File.Move(doomed, target);
                    throw;
                }
                if (Directory.Exists(doomed)) Directory.Delete(doomed, recursive: true);
                else File.Delete(doomed);
                return null;
            }
        }
        Directory.Move(temporary, target);
        return kept;
    }
}
