using NorthKoreaShadowWar.Compilation;
using NorthKoreaShadowWar.Diagnostics;
using NorthKoreaShadowWar.Scenarios;
using NorthKoreaShadowWar.Scenarios.Loading;
using NorthKoreaShadowWar.Scenarios.Validation;

namespace NorthKoreaShadowWar;

/// <summary>A scenario ready to run, with the warnings found on the way.</summary>
internal sealed record PreparedScenario(CompiledModel Model, IReadOnlyList<Diagnostic> Warnings);

/// <summary>
/// The one-way path from a file to a runnable model: load (YAML to <see cref="Scenario"/>), apply the variant and
/// overrides, resolve names and types, check, compile. Each stage reports every problem it finds.
/// </summary>
internal static class ScenarioPipeline
{
    /// <summary>Loads, checks and compiles <paramref name="path"/> with a variant and overrides.</summary>
    /// <exception cref="ScenarioException">The scenario, the variant or an override has errors.</exception>
    public static PreparedScenario Prepare(string path, string? variant = null, IReadOnlyList<string>? overrides = null)
    {
        var diagnostics = new DiagnosticBag();
        return Compile(ScenarioLoader.Load(path, diagnostics), variant, overrides, diagnostics);
    }

    /// <summary>Parses scenario text (for tests and tools); <paramref name="name"/> names it in messages.</summary>
    /// <exception cref="ScenarioException">The scenario has errors.</exception>
    public static PreparedScenario PrepareText(string yaml, string name = "scenario.yaml", string? variant = null, IReadOnlyList<string>? overrides = null) =>
        PrepareBytes(System.Text.Encoding.UTF8.GetBytes(yaml), name, variant, overrides);

    /// <summary>
    /// Loads, checks and compiles the bytes of a scenario file already in memory (a copy kept beside a shard's results);
    /// <paramref name="path"/> names it in messages and in the results, as if the file had been loaded from there.
    /// </summary>
    /// <exception cref="ScenarioException">The scenario, the variant or an override has errors.</exception>
    public static PreparedScenario PrepareBytes(byte[] bytes, string path, string? variant = null, IReadOnlyList<string>? overrides = null)
    {
        var diagnostics = new DiagnosticBag();
        return Compile(ScenarioLoader.Parse(bytes, path, diagnostics), variant, overrides, diagnostics);
    }

    private static PreparedScenario Compile(Scenario? scenario, string? variant, IReadOnlyList<string>? overrides, DiagnosticBag diagnostics)
    {
        if (scenario is not null) scenario = ApplyChecked(scenario, variant, overrides, diagnostics);
        var resolved = scenario is null ? null : Resolve(scenario, diagnostics);
        if (resolved is null || diagnostics.HasErrors) throw new ScenarioException(diagnostics.Sorted());
        return new PreparedScenario(ModelCompiler.Compile(resolved), diagnostics.Sorted());
    }

    /// <summary>Checks a file and every one of its variants; returns all problems, sorted by position.</summary>
    public static IReadOnlyList<Diagnostic> Validate(string path)
    {
        var diagnostics = new DiagnosticBag();
        var scenario = ScenarioLoader.Load(path, diagnostics);
        if (scenario is null) return diagnostics.Sorted();
        ValidateScenario(scenario, diagnostics);
        return diagnostics.Sorted();
    }

    /// <summary>Checks scenario text and every one of its variants.</summary>
    public static IReadOnlyList<Diagnostic> ValidateText(string yaml, string name = "scenario.yaml")
    {
        var diagnostics = new DiagnosticBag();
        var scenario = ScenarioLoader.Parse(System.Text.Encoding.UTF8.GetBytes(yaml), name, diagnostics);
        if (scenario is not null) ValidateScenario(scenario, diagnostics);
        return diagnostics.Sorted();
    }

    private static void ValidateScenario(Scenario scenario, DiagnosticBag diagnostics)
    {
        ScenarioOverrides.CheckVariants(scenario, diagnostics);
        if (Resolve(scenario, diagnostics) is null) return;
        foreach (var variant in scenario.Variants)
        {
            var variantDiagnostics = new DiagnosticBag();
            var applied = ScenarioOverrides.Apply(scenario, variant.Name, [], variantDiagnostics);
            if (!variantDiagnostics.HasErrors) Resolve(applied, variantDiagnostics);
            foreach (var item in variantDiagnostics.Items)
            {
                var message = item.Message.Contains($"variant '{variant.Name}'", StringComparison.Ordinal) ? item.Message : $"{item.Message} (in variant '{variant.Name}')";
                if (!diagnostics.Items.Any(d => d.Position == item.Position && d.Message == item.Message))
                {
                    if (item.Severity == DiagnosticSeverity.Error) diagnostics.Error(item.Position, message);
                    else diagnostics.Warning(item.Position, message);
                }
            }
        }
    }

    /// <summary>
    /// Applies the variant and overrides, after checking that no variant names a parameter or variable the scenario
    /// lacks: a file that <c>validate</c> refuses is not run, whichever variant is chosen.
    /// </summary>
    private static Scenario ApplyChecked(Scenario scenario, string? variant, IReadOnlyList<string>? overrides, DiagnosticBag diagnostics)
    {
        ScenarioOverrides.CheckVariants(scenario, diagnostics);
        return ScenarioOverrides.Apply(scenario, variant, overrides ?? [], diagnostics);
    }

    private static ResolvedScenario? Resolve(Scenario scenario, DiagnosticBag diagnostics)
    {
        NameLengths.Check(scenario, diagnostics);
        var resolved = ScenarioBinder.Bind(scenario, diagnostics);
        if (resolved is not null) ScenarioChecks.Check(resolved, diagnostics);
        return diagnostics.HasErrors ? null : resolved;
    }
}
