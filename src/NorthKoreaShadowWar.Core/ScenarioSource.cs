using NorthKoreaShadowWar.Diagnostics;

namespace NorthKoreaShadowWar;

/// <summary>
/// Where an <see cref="EscalationScenario"/> comes from, prepared anew with each variant and set of overrides: a file
/// (read again each time, as each command reads it), or bytes in memory. <see cref="Locate"/> moves a problem found in
/// the text to where its cause was written (for a built scenario, the builder call in the caller's code).
/// </summary>
internal sealed class ScenarioSource
{
    private readonly Func<string?, IReadOnlyList<string>, PreparedScenario> prepare;

    private ScenarioSource(Func<string?, IReadOnlyList<string>, PreparedScenario> prepare, Func<Diagnostic, Diagnostic> locate)
    {
        this.prepare = prepare;
        Locate = locate;
    }

    public Func<Diagnostic, Diagnostic> Locate { get; }

    public static ScenarioSource File(string path) =>
        new((variant, overrides) => ScenarioPipeline.Prepare(path, variant, overrides), d => d);

    public static ScenarioSource Text(byte[] bytes, string name, Func<Diagnostic, Diagnostic> locate) =>
        new((variant, overrides) => ScenarioPipeline.PrepareBytes(bytes, name, variant, overrides), locate);

    /// <summary>The scenario with the variant and overrides, compiled.</summary>
    /// <exception cref="ScenarioException">Every problem, each placed by <see cref="Locate"/>.</exception>
    public PreparedScenario Prepare(string? variant, IReadOnlyList<string> overrides)
    {
        try
        {
            return prepare(variant, overrides);
        }
        catch (ScenarioException e)
        {
            throw new ScenarioException(e.Diagnostics.Select(Locate).ToList());
        }
    }
}
