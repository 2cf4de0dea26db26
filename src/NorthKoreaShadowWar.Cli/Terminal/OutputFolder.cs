using NorthKoreaShadowWar.Results;

namespace NorthKoreaShadowWar.Cli.Terminal;

/// <summary>Where a command writes its folder, and what happens to a folder already there (see <see cref="ResultsFolder"/>).</summary>
internal static class OutputFolder
{
    /// <summary>
    /// The folder <paramref name="requested"/> (<c>--out</c>) or <paramref name="defaultPath"/>: with <c>--force</c> an existing
    /// one is replaced, the default one is moved to <c>previous/</c>, a named one is refused. Null, after saying so on
    /// standard error, when it is refused.
    /// </summary>
    public static (string Target, ResultsFolder.ExistingFolder Existing)? Choose(string? requested, string defaultPath, bool force, string command)
    {
        var target = requested ?? defaultPath;
        var existing = Commands.CommonOptions.Existing(force, requested);
        if (existing != ResultsFolder.ExistingFolder.Refuse || !ResultsFolder.IsOccupied(target)) return (target, existing);
        Console.Error.WriteLine($"shadowwar {command}: {target} already exists; pass --force to replace it, or choose another --out");
        return null;
    }
}
