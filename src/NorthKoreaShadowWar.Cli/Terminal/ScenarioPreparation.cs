using NorthKoreaShadowWar.Diagnostics;
using NorthKoreaShadowWar.Updating;

namespace NorthKoreaShadowWar.Cli.Terminal;

/// <summary>Loads and checks a scenario for a command, printing its warnings, or every problem when it cannot be run.</summary>
internal static class ScenarioPreparation
{
    /// <summary>The prepared scenario, or null after printing its problems (the command then exits with <see cref="Program.BadInput"/>).</summary>
    public static PreparedScenario? TryPrepare(string file, string? variant, IReadOnlyList<string> overrides)
    {
        try
        {
            var prepared = ScenarioPipeline.Prepare(file, variant, overrides);
            DiagnosticPrinter.Print(prepared.Warnings);
            return prepared;
        }
        catch (ScenarioException e)
        {
            DiagnosticPrinter.Print(e.Diagnostics);
            return null;
        }
    }

    /// <summary>The evidence file at <paramref name="path"/> read against the scenario, or null after printing its problems.</summary>
    public static EvidenceFile? TryReadEvidence(string path, PreparedScenario prepared)
    {
        var diagnostics = new DiagnosticBag();
        var evidence = EvidenceFileReader.Read(path, prepared.Model.Scenario, diagnostics);
        DiagnosticPrinter.Print(diagnostics.Sorted());
        return diagnostics.HasErrors ? null : evidence;
    }
}
