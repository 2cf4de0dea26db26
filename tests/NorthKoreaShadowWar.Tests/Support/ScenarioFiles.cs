namespace NorthKoreaShadowWar.Tests.Support;

/// <summary>The bundled scenario files: every .yaml below scenarios/ except the observed-outcomes files in scenarios/observed/
/// and the evidence files in scenarios/evidence/.</summary>
internal static class ScenarioFiles
{
    public static IEnumerable<string> Below(string scenariosFolder)
    {
        var observed = Path.Combine(scenariosFolder, "observed") + Path.DirectorySeparatorChar;
        var evidence = Path.Combine(scenariosFolder, "evidence") + Path.DirectorySeparatorChar;
        return Directory.EnumerateFiles(scenariosFolder, "*.yaml", SearchOption.AllDirectories)
            .Where(file => !file.StartsWith(observed, StringComparison.Ordinal) && !file.StartsWith(evidence, StringComparison.Ordinal));
    }
}
