using System.Globalization;

namespace NorthKoreaShadowWar.Results;

/// <summary>
/// Writes a results folder so that nothing is ever half-written or lost: files go to a temporary folder
/// beside the target, which is renamed into place only when complete. An existing folder is replaced only
/// when asked (<c>--force</c>) and only when it is an earlier results folder (see <see cref="ResultsFolderMarker"/>);
/// otherwise, for the default folder, it is first moved to <c>out/previous/NAME-TIMESTAMP</c>, and for a folder the
/// user named, the run is refused.
/// </summary>
internal static class ResultsFolder
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

    /// <summary>The full path of <paramref name="target"/> without a trailing separator: <c>res/</c> is the folder <c>res</c>.</summary>
    public static string Normalise(string target) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(target));

    /// <summary>
    /// Checks, before any work, that results can be written beside <paramref name="target"/>: creates the folders above it and a
    /// temporary folder there, then removes what it created. Also tidies the temporary folders killed runs left beside the
    /// target (see <see cref="TemporaryFolders"/>); returns the earlier results that were put back.
    /// </summary>
    /// <exception cref="IOException">A folder cannot be created there.</exception>
    /// <exception cref="UnauthorizedAccessException">A folder cannot be created there.</exception>
    public static IReadOnlyList<string> Probe(string target)
    {
        target = Normalise(target);
        var parent = Path.GetDirectoryName(target) ?? throw new IOException("the root folder cannot hold results");
        var firstCreated = parent;
        while (Path.GetDirectoryName(firstCreated) is { } above && !Directory.Exists(above)) firstCreated = above;
        var parentWasMissing = !Directory.Exists(parent);
        Directory.CreateDirectory(parent);
        var temporary = TemporaryFolders.Writing(target);
        Directory.CreateDirectory(temporary);
        Directory.Delete(temporary);
        // The folders created for the probe go again, innermost first; the write creates them when the results are ready.
        for (var created = parentWasMissing ? parent : null; created is not null; created = created == firstCreated ? null : Path.GetDirectoryName(created))
            Directory.Delete(created);
        return TemporaryFolders.CleanUpAfterKilledRuns(target);
    }

    /// <summary>
    /// Writes a complete folder at <paramref name="target"/> using <paramref name="write"/> (which fills the directory it is
    /// given), adds the <see cref="ResultsFolderMarker"/>, and puts it in place in one step: with
    /// <see cref="ExistingFolder.Replace"/>, an earlier results folder is exchanged with the new one atomically where the
    /// system allows (Linux <c>renameat2</c>), else by two renames, and then deleted.
    /// </summary>
    /// <exception cref="IOException">
    /// The target exists and <paramref name="existing"/> is Refuse, it is not a results folder and would be replaced, or writing failed.
    /// </exception>
    public static ResultsFolderWritten Write(string target, ExistingFolder existing, Action<string> write)
    {
        target = Normalise(target);
        var parent = Path.GetDirectoryName(target) ?? throw new IOException("the root folder cannot hold results");
        if (IsOccupied(target) && existing == ExistingFolder.Refuse)
            throw new IOException($"{target} already exists; pass --force to replace it, or choose another --out");
        Directory.CreateDirectory(parent);
        var temporary = TemporaryFolders.Writing(target);
        BeingWritten[temporary] = true;
        try
        {
            try
            {
                Directory.CreateDirectory(temporary);
                write(temporary);
                ResultsFolderMarker.Write(temporary);
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

    private static ResultsFolderWritten MoveIntoPlace(string temporary, string target, string parent, ExistingFolder existing)
    {
        if (!Directory.Exists(target) && !File.Exists(target))
        {
            Directory.Move(temporary, target);
            return new ResultsFolderWritten();
        }
        if (File.Exists(target) || new DirectoryInfo(target).LinkTarget is not null)
            throw new IOException($"{target} is not a folder; results are written only into a folder");
        if (existing == ExistingFolder.KeepAsPrevious && IsOccupied(target))
        {
            // The earlier results move to previous/ first: nothing is lost at any instant, though the target is briefly empty.
            var previous = Path.Combine(parent, "previous");
            Directory.CreateDirectory(previous);
            var stem = Path.Combine(previous, string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(target)}-{DateTime.UtcNow:yyyyMMdd-HHmmss}"));
            var kept = stem;
            for (var n = 2; Directory.Exists(kept); n++) kept = string.Create(CultureInfo.InvariantCulture, $"{stem}-{n}");
            Directory.Move(target, kept);
            Directory.Move(temporary, target);
            return new ResultsFolderWritten(KeptIn: kept);
        }
        if (ResultsFolderMarker.WhyNotReplaceable(target) is { } reason) throw new IOException($"{target} {reason}; refusing to replace it");
        var replaced = TemporaryFolders.Replaced(target);
        if (AtomicExchange.TryExchange(temporary, target))
        {
            // The earlier results are now under the temporary name; a name that says what they are, then deleted.
            BeingWritten.TryRemove(temporary, out _);
            try
            {
                Directory.Move(temporary, replaced);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return DeleteReplaced(temporary);
            }
        }
        else
        {
            Directory.Move(target, replaced);
            try
            {
                Directory.Move(temporary, target);
            }
            catch
            {
                // Put the earlier results back: they are replaced only by complete new ones.
                Directory.Move(replaced, target);
                throw;
            }
        }
        return DeleteReplaced(replaced);
    }

    /// <summary>Deletes the earlier results after the new ones are in place; one that cannot be deleted is reported, not an error.</summary>
    private static ResultsFolderWritten DeleteReplaced(string replaced)
    {
        try
        {
            Directory.Delete(replaced, recursive: true);
            return new ResultsFolderWritten();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ResultsFolderWritten(LeftIn: replaced, WhyLeft: e.Message);
        }
    }
}
