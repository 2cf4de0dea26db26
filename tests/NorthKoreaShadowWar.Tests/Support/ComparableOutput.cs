using System.Text.RegularExpressions;

namespace NorthKoreaShadowWar.Tests.Support;

/// <summary>
/// What two runs of the same work write, made comparable: the files of a folder, each file's bytes (a PNG) or text
/// without what measures time (summary.json's performance block, lines with seconds or rates) and without the SVG's
/// generated clip-path ids.
/// </summary>
internal static partial class ComparableOutput
{
    /// <summary>Every file under <paramref name="folder"/>, as paths relative to it, in ordinal order.</summary>
    public static List<string> Files(string folder) =>
        [.. Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Select(file => Path.GetRelativePath(folder, file)).Order(StringComparer.Ordinal)];

    /// <summary>A file's bytes, or for a text file its text without what measures time and without the SVG's generated clip-path ids.</summary>
    public static string Of(string file)
    {
        if (Path.GetExtension(file) is ".png") return Convert.ToBase64String(File.ReadAllBytes(file));
        var text = File.ReadAllText(file);
        if (Path.GetFileName(file) == "summary.json") text = PerformanceBlock().Replace(text, "");
        return WithoutTimes(ClipPathId().Replace(text, "cl_"));
    }

    /// <summary>The text without the lines that say how long something took.</summary>
    public static string WithoutTimes(string text) => string.Join('\n', text.Split('\n').Where(line => !TimeOrCost().IsMatch(line)));

    [GeneratedRegex("""\n *"performance": \{[^}]*\},?""")]
    private static partial Regex PerformanceBlock();

    [GeneratedRegex("cl_[0-9a-f]+")]
    private static partial Regex ClipPathId();

    [GeneratedRegex(@"machine-step|seconds|trials/s|\d s\b", RegexOptions.IgnoreCase)]
    private static partial Regex TimeOrCost();
}
