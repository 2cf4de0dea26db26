using NorthKoreaShadowWar.Files;

namespace NorthKoreaShadowWar.Cli.Explorer;

/// <summary>An evidence file named on the command line (<c>serve --evidence FILE</c>): the name the page knows it by, and where it is.</summary>
internal sealed record GivenEvidence(string Name, string Path);

/// <summary>
/// The evidence files the page may condition a scenario on (see docs/explorer.md, "Conditioning on evidence"): those
/// given with <c>--evidence</c>, then those in the <c>evidence/</c> subfolder of the scenario folder. A request names
/// one of them; any other name is refused, so no other file is ever opened.
/// </summary>
internal sealed class EvidenceCatalogue(ScenarioFolder folder, IReadOnlyList<GivenEvidence> given)
{
    /// <summary>The names of the files offered: the given ones in their order, then the folder's, sorted.</summary>
    public IReadOnlyList<string> List()
    {
        var names = given.Select(g => g.Name).ToList();
        names.AddRange(folder.ListEvidence().Where(name => !names.Contains(name, StringComparer.Ordinal)));
        return names;
    }

    /// <summary>The name of the first file given with <c>--evidence</c>, which the page starts conditioned on; null when none was.</summary>
    public string? Default => given.Count > 0 ? given[0].Name : null;

    /// <summary>The text of the evidence file <paramref name="name"/>.</summary>
    /// <exception cref="ExplorerRequestException">400 naming the field <c>evidence</c> when no such file is offered or it cannot be read.</exception>
    public byte[] Read(string name)
    {
        string path;
        if (given.FirstOrDefault(g => g.Name == name) is { } file) path = file.Path;
        else if (folder.ListEvidence().Contains(name, StringComparer.Ordinal)) path = folder.Resolve(name);
        else
        {
            var offered = List();
            throw new ExplorerRequestException(400, $"evidence: there is no evidence file '{Shorten(name)}'; " +
                (offered.Count == 0 ? $"none is offered (give one with --evidence, or put it in the folder {ScenarioFolder.EvidenceFolder}/ of the scenario folder)"
                    : $"the explorer offers {string.Join(", ", offered.Take(10).Select(n => $"'{n}'"))}"), field: "evidence");
        }
        try
        {
            return BoundedFile.Read(path, BoundedFile.HandWrittenLimit);
        }
        catch (UnreadableFileException e)
        {
            throw new ExplorerRequestException(400, $"evidence: '{name}' {e.Message}", field: "evidence");
        }
    }

    private static string Shorten(string name) => name.Length <= 100 ? name : name[..100] + "…";
}
