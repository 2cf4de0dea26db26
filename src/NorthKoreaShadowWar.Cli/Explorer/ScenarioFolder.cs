using NorthKoreaShadowWar.Files;

namespace NorthKoreaShadowWar.Cli.Explorer;

/// <summary>
/// The one folder the explorer opens scenario files from. A file is named by its path relative to the folder, with
/// '/' between folders; absolute paths, <c>..</c> and symbolic links that lead out of the folder are refused.
/// </summary>
internal sealed class ScenarioFolder
{
    /// <summary>The most files listed, and the deepest folder searched.</summary>
    private const int MaxListed = 500, MaxDepth = 4, MaxNameLength = 255, MaxLinks = 40;

    /// <summary>Opens <paramref name="folder"/>, which must exist.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public ScenarioFolder(string folder)
    {
        var full = Path.GetFullPath(folder);
        if (!Directory.Exists(full)) throw new DirectoryNotFoundException($"the scenario folder {folder} does not exist");
        Root = Canonical(full, 0);
    }

    /// <summary>The folder's absolute path, with every symbolic link resolved.</summary>
    public string Root { get; }

    /// <summary>The folder's own name, for the page.</summary>
    public string DisplayName => Path.GetFileName(Root.TrimEnd(Path.DirectorySeparatorChar)) is { Length: > 0 } name ? name : Root;

    /// <summary>The subfolder of the scenario folder whose evidence files the page may condition on (see docs/explorer.md).</summary>
    public const string EvidenceFolder = "evidence";

    /// <summary>
    /// The scenario files in the folder and its subfolders, sorted, by their names relative to it: <c>*.yaml</c> and
    /// <c>*.yml</c> files with a top-level <c>machines:</c> key (other YAML, such as observed-outcomes files, is left out).
    /// </summary>
    public IReadOnlyList<string> List() => ListFiles(Root, "machines:");

    /// <summary>
    /// The evidence files in the <see cref="EvidenceFolder"/> subfolder and its subfolders, sorted, by their names
    /// relative to the scenario folder (<c>evidence/2024-12-31.yaml</c>): YAML files with a top-level <c>observations:</c> key.
    /// </summary>
    public IReadOnlyList<string> ListEvidence()
    {
        var folder = Path.Combine(Root, EvidenceFolder);
        return Directory.Exists(folder) ? ListFiles(folder, "observations:") : [];
    }

    /// <summary>The YAML files under <paramref name="folder"/> with a line starting with <paramref name="key"/>, as names relative to the scenario folder.</summary>
    private List<string> ListFiles(string folder, string key)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = MaxDepth, IgnoreInaccessible = true };
        return Directory.EnumerateFiles(folder, "*", options)
            .Where(path => IsScenarioFile(path) && BoundedFile.WhyNotRegular(path) is null)
            .Select(path => Path.GetRelativePath(Root, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(name => TryResolve(name, out var path) is null && HasTopLevelKey(path!, key))
            .Order(StringComparer.Ordinal)
            .Take(MaxListed)
            .ToList();
    }

    /// <summary>The absolute path of the scenario file <paramref name="name"/>.</summary>
    /// <exception cref="ExplorerRequestException">400 for a name that is not allowed, 404 for a file that is not there.</exception>
    public string Resolve(string? name)
    {
        var problem = TryResolve(name, out var path);
        if (problem is not null) throw new ExplorerRequestException(problem.Value.Status, problem.Value.Message);
        return path;
    }

    /// <summary>The name of the file at <paramref name="path"/> relative to the folder, or null when it lies outside.</summary>
    public string? NameOf(string path)
    {
        var canonical = Canonical(Path.GetFullPath(path), 0);
        return IsInside(canonical) ? Path.GetRelativePath(Root, canonical).Replace(Path.DirectorySeparatorChar, '/') : null;
    }

    private (int Status, string Message)? TryResolve(string? name, out string path)
    {
        path = "";
        if (string.IsNullOrWhiteSpace(name)) return (400, "no scenario file was named");
        if (name.Length > MaxNameLength) return (400, $"a scenario file name has at most {MaxNameLength} characters");
        if (name.Contains('\0', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal)) return (400, $"'{name}' is not a valid scenario file name: use '/' between folders");
        if (Path.IsPathRooted(name) || name.StartsWith('/') || name.StartsWith('~'))
            return (400, $"'{name}' is an absolute path; name a file relative to the scenario folder {DisplayName}");
        if (name.Split('/').Any(part => part is "" or "." or ".."))
            return (400, $"'{name}' leaves or escapes the scenario folder; '..', '.' and empty folder names are not allowed");
        if (!IsScenarioFile(name)) return (400, $"'{name}' is not a scenario file (*.yaml or *.yml)");
        var candidate = Path.GetFullPath(Path.Combine(Root, name.Replace('/', Path.DirectorySeparatorChar)));
        string canonical;
        try
        {
            canonical = Canonical(candidate, 0);
        }
        catch (IOException)
        {
            return (400, $"'{name}' cannot be resolved (a loop of symbolic links?)");
        }
        if (!IsInside(canonical)) return (400, $"'{name}' leads out of the scenario folder {DisplayName} (through a symbolic link)");
        if (!File.Exists(canonical)) return (404, $"there is no scenario file '{name}' in the folder {DisplayName}");
        if (BoundedFile.WhyNotRegular(canonical) is { } irregular) return (400, $"'{name}' {irregular}; name a scenario file");
        path = canonical;
        return null;
    }

    private bool IsInside(string canonical) =>
        canonical.StartsWith(Root.EndsWith(Path.DirectorySeparatorChar) ? Root : Root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>
    /// True when a line of the file's first 256 KiB starts with <paramref name="key"/> (<c>machines:</c>, as every
    /// scenario's does; <c>observations:</c>, as every evidence file's does); only regular files come here, so opening it
    /// cannot wait for a writer.
    /// </summary>
    private static bool HasTopLevelKey(string path, string key)
    {
        try
        {
            using var reader = new StreamReader(path);
            var buffer = new char[256 * 1024];
            var text = new string(buffer, 0, reader.ReadBlock(buffer));
            return text.StartsWith(key, StringComparison.Ordinal) || text.Contains("\n" + key, StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static bool IsScenarioFile(string name) =>
        name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// <paramref name="fullPath"/> with every symbolic link along it replaced by where it leads, one folder at a time (a
    /// link's target may itself pass through links). Parts that do not exist are kept as they are.
    /// </summary>
    /// <exception cref="IOException">More than <see cref="MaxLinks"/> links were followed.</exception>
    private static string Canonical(string fullPath, int links)
    {
        var root = Path.GetPathRoot(fullPath) ?? "/";
        var current = root;
        foreach (var part in fullPath[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            if (new FileInfo(next).LinkTarget is { } target)
            {
                if (++links > MaxLinks) throw new IOException($"more than {MaxLinks} symbolic links in {fullPath}");
                next = Canonical(Path.GetFullPath(target, current), links);
            }
            current = next;
        }
        return current;
    }
}
