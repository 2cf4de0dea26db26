using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace NorthKoreaShadowWar.Results;

/// <summary>
/// The hidden folders a write uses beside its target <c>NAME</c>: <c>.NAME.writing-PID-GUID</c> (the new results being
/// written) and <c>.NAME.replaced-PID-GUID</c> (earlier results on their way out). A process killed at the wrong moment
/// leaves them behind; the next write into the same target tidies those of processes no longer running.
/// </summary>
internal static class TemporaryFolders
{
    /// <summary>A fresh name for the folder the new results are written to.</summary>
    public static string Writing(string target) => Named(target, "writing");

    /// <summary>A fresh name for earlier results being replaced.</summary>
    public static string Replaced(string target) => Named(target, "replaced");

    private static string Named(string target, string kind) =>
        Path.Combine(Path.GetDirectoryName(target)!, string.Create(CultureInfo.InvariantCulture, $".{Path.GetFileName(target)}.{kind}-{Environment.ProcessId}-{Guid.NewGuid():N}"));

    /// <summary>
    /// Tidies what killed processes left beside <paramref name="target"/>: a folder of earlier results moved aside while the
    /// target is missing is put back (it is the only copy); other leftovers are deleted. Folders of a process still running,
    /// and names of any other form, are left alone. Returns what was put back, to be reported.
    /// </summary>
    public static IReadOnlyList<string> CleanUpAfterKilledRuns(string target)
    {
        var parent = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(parent)) return [];
        var pattern = new Regex($@"^\.{Regex.Escape(Path.GetFileName(target))}\.(writing|replaced)-([0-9]+)-[0-9a-f]{{32}}$", RegexOptions.CultureInvariant);
        var leftovers = new List<(string Path, bool Replaced)>();
        try
        {
            foreach (var entry in Directory.EnumerateDirectories(parent, $".{Path.GetFileName(target)}.*"))
            {
                var match = pattern.Match(Path.GetFileName(entry));
                if (match.Success && int.TryParse(match.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && !IsRunning(pid))
                    leftovers.Add((entry, match.Groups[1].Value == "replaced"));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
        var restored = new List<string>();
        foreach (var (path, replaced) in leftovers.OrderBy(l => !l.Replaced))
        {
            try
            {
                if (replaced && !Directory.Exists(target) && !File.Exists(target))
                {
                    Directory.Move(path, target);
                    restored.Add(path);
                }
                else Directory.Delete(path, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Left where it is: it is hidden, and named so that no one takes it for results.
            }
        }
        return restored;
    }

    private static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId) return true;
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}
