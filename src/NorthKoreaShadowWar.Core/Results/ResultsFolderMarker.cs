using System.Globalization;

namespace NorthKoreaShadowWar.Results;

/// <summary>
/// The file <c>.shadowwar-results</c> that every results folder holds: it says the folder was written by shadowwar and
/// lists the files written into it. <c>--force</c> replaces a folder only when it has this file and nothing but the
/// files listed (README, "Results folders"): a folder of the user's, or a results folder the user has added files to,
/// is never deleted.
/// </summary>
internal static class ResultsFolderMarker
{
    /// <summary>The marker's file name.</summary>
    public const string FileName = ".shadowwar-results";

    private const string Header = "shadowwar results folder; shadowwar --force replaces it only while it holds nothing but the files below";

    /// <summary>Writes the marker into <paramref name="folder"/>, listing every file in it (paths relative to it, with '/').</summary>
    public static void Write(string folder)
    {
        var files = FilesIn(folder).Order(StringComparer.Ordinal);
        File.WriteAllLines(Path.Combine(folder, FileName), [Header, .. files]);
    }

    /// <summary>
    /// Why <paramref name="folder"/> (an existing directory) must not be replaced, or null when it is a results folder
    /// holding only files shadowwar wrote (or none at all).
    /// </summary>
    public static string? WhyNotReplaceable(string folder)
    {
        try
        {
            if (new DirectoryInfo(folder).LinkTarget is not null) return "is a symbolic link";
            var present = FilesIn(folder).ToList();
            if (present.Count == 0) return null;
            var marker = Path.Combine(folder, FileName);
            if (!File.Exists(marker)) return $"is not a results folder written by shadowwar (it has no {FileName} file)";
            var lines = File.ReadAllLines(marker);
            if (lines.Length == 0 || lines[0] != Header) return $"is not a results folder written by shadowwar (its {FileName} file is not shadowwar's)";
            var written = lines.Skip(1).ToHashSet(StringComparer.Ordinal);
            var foreign = present.Where(f => f != FileName && !written.Contains(f)).Order(StringComparer.Ordinal).ToList();
            if (foreign.Count == 0) return null;
            var named = string.Join(", ", foreign.Take(3)) + (foreign.Count > 3 ? string.Create(CultureInfo.InvariantCulture, $" and {foreign.Count - 3} more") : "");
            return $"holds files shadowwar did not write ({named})";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot be checked ({e.Message})";
        }
    }

    /// <summary>
    /// The files under <paramref name="folder"/>, relative to it with '/'; a symbolic link counts as a file and is not followed,
    /// so that what a link points to is never taken for part of the folder.
    /// </summary>
    private static IEnumerable<string> FilesIn(string folder)
    {
        var pending = new Stack<string>([folder]);
        while (pending.Count > 0)
        {
            foreach (var entry in new DirectoryInfo(pending.Pop()).EnumerateFileSystemInfos())
            {
                if (entry is DirectoryInfo directory && directory.LinkTarget is null) pending.Push(directory.FullName);
                else yield return Path.GetRelativePath(folder, entry.FullName).Replace('\\', '/');
            }
        }
    }
}
