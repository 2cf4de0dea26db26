using NorthKoreaShadowWar.Diagnostics;
using NorthKoreaShadowWar.Updating;

namespace NorthKoreaShadowWar;

/// <summary>
/// An evidence file (docs/updating.md): what was observed, each observation with its source. It is read against a
/// scenario when used (<see cref="EscalationScenario.Update"/>, <see cref="EscalationScenario.Exact(Evidence)"/>),
/// since its conditions name the scenario's machines, states and variables.
/// </summary>
public sealed class Evidence
{
    private readonly byte[]? text;

    private Evidence(string path, byte[]? text)
    {
        Path = path;
        this.text = text;
    }

    /// <summary>The file's path as given, or the name given to text; messages name it.</summary>
    public string Path { get; }

    /// <summary>The evidence file at <paramref name="path"/>; it is read when used.</summary>
    public static Evidence Load(string path) => new(path, null);

    /// <summary>Evidence written as YAML text; <paramref name="name"/> names it in messages.</summary>
    public static Evidence Parse(string yaml, string name = "evidence.yaml") => new(name, System.Text.Encoding.UTF8.GetBytes(yaml));

    /// <summary>The evidence read against <paramref name="prepared"/>.</summary>
    /// <exception cref="ScenarioException">The file cannot be read, or it has errors.</exception>
    internal EvidenceFile ReadFor(PreparedScenario prepared)
    {
        var diagnostics = new DiagnosticBag();
        var evidence = text is null
            ? EvidenceFileReader.Read(Path, prepared.Model.Scenario, diagnostics)
            : EvidenceFileReader.Parse(text, Path, prepared.Model.Scenario, diagnostics);
        if (evidence is null || diagnostics.HasErrors) throw new ScenarioException(diagnostics.Sorted());
        return evidence;
    }
}
