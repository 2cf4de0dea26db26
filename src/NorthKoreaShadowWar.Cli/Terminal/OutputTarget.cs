using NorthKoreaShadowWar.Results;

namespace NorthKoreaShadowWar.Cli.Terminal;

/// <summary>
/// The one check of where a command writes its folder, made before any work: every command that writes a results folder
/// chooses it here. A target that is empty, the root, the working directory or above it, an input or above one, a file,
/// a symbolic link, or in a place where no folder can be created is refused; so is an existing folder without
/// <c>--force</c> (unless it is the default folder, which is moved to <c>previous/</c>), and, with <c>--force</c>, one
/// that is not an earlier results folder (see <see cref="ResultsFolderMarker"/>).
/// </summary>
internal static class OutputTarget
{
    /// <summary>
    /// The folder <paramref name="requested"/> (<c>--out</c>, a trailing '/' dropped) or <paramref name="defaultPath"/>, and what
    /// to do with a folder already there; null, after printing <c>error: --out DIR: why</c>, when it is refused (exit code 2).
    /// <paramref name="inputs"/> are the files and folders the command reads.
    /// </summary>
    public static (string Target, ResultsFolder.ExistingFolder Existing)? Choose(
        string? requested, string defaultPath, bool force, IEnumerable<string?> inputs)
    {
        var named = requested is null ? defaultPath : $"--out {requested}";
        var existing = Existing(force, requested);
        var target = requested ?? defaultPath;
        if (Problem(target, existing, inputs) is { } problem)
        {
            Console.Error.WriteLine(requested is { Length: 0 } ? "error: --out is empty; name the results folder, e.g. --out results" : $"error: {named}: {problem}");
            return null;
        }
        var trimmed = Path.TrimEndingDirectorySeparator(target);
        return (trimmed, existing);
    }

    /// <summary>
    /// What to do with an existing results folder: replace it with <c>--force</c>; keep it as previous results when it is
    /// the default folder; refuse when the user named it with <c>--out</c>.
    /// </summary>
    private static ResultsFolder.ExistingFolder Existing(bool force, string? outOption) =>
        force ? ResultsFolder.ExistingFolder.Replace
        : outOption is null ? ResultsFolder.ExistingFolder.KeepAsPrevious : ResultsFolder.ExistingFolder.Refuse;

    private static string? Problem(string target, ResultsFolder.ExistingFolder existing, IEnumerable<string?> inputs)
    {
        if (string.IsNullOrWhiteSpace(target)) return "is empty; name the results folder";
        string full;
        try
        {
            full = ResultsFolder.Normalise(target);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return $"is not a usable path ({e.Message})";
        }
        if (Path.GetDirectoryName(full) is null) return "is the root folder; refusing to replace it";
        var workingDirectory = ResultsFolder.Normalise(Environment.CurrentDirectory);
        if (SamePath(full, workingDirectory)) return "is the working directory; refusing to replace it";
        if (IsAbove(full, workingDirectory)) return "holds the working directory; refusing to replace it";
        foreach (var input in inputs)
        {
            if (string.IsNullOrEmpty(input)) continue;
            var inputPath = ResultsFolder.Normalise(input);
            if (SamePath(full, inputPath)) return $"is an input of this command ({input}); refusing to replace it";
            if (IsAbove(full, inputPath)) return $"holds an input of this command ({input}); refusing to replace it";
        }
        if (File.Exists(full)) return "is a file; results are written into a folder, choose another --out";
        if (Directory.Exists(full) && new DirectoryInfo(full).LinkTarget is not null) return "is a symbolic link; refusing to replace it";
        if (Probe(full) is { } unwritable) return unwritable;
        if (Directory.Exists(full) && ResultsFolder.IsOccupied(full))
        {
            if (existing == ResultsFolder.ExistingFolder.Refuse) return "already exists; pass --force to replace it, or choose another --out";
            if (existing == ResultsFolder.ExistingFolder.Replace && ResultsFolderMarker.WhyNotReplaceable(full) is { } reason)
                return $"{reason}; refusing to replace it";
        }
        return null;
    }

    /// <summary>Creates (and removes) a temporary folder where the results will go; why that fails, or null.</summary>
    private static string? Probe(string full)
    {
        try
        {
            foreach (var restored in ResultsFolder.Probe(full))
                Console.Error.WriteLine($"note: earlier results left in {restored} by a run that was killed were put back at {full}");
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot write a folder there: {e.Message}";
        }
    }

    private static bool SamePath(string a, string b) => string.Equals(a, b, PathComparison);

    /// <summary>True when <paramref name="inner"/> is inside the folder <paramref name="outer"/>.</summary>
    private static bool IsAbove(string outer, string inner) =>
        inner.StartsWith(outer.EndsWith(Path.DirectorySeparatorChar) ? outer : outer + Path.DirectorySeparatorChar, PathComparison);

    private static StringComparison PathComparison =>
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
}
