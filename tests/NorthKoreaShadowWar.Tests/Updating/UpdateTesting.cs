using System.Text;
using NorthKoreaShadowWar.Diagnostics;
using NorthKoreaShadowWar.Updating;

namespace NorthKoreaShadowWar.Tests.Updating;

/// <summary>Prepares a scenario and its evidence from text, and runs an update of it.</summary>
internal static class UpdateTesting
{
    public static (PreparedScenario Prepared, EvidenceFile Evidence) Load(string scenario, string evidence)
    {
        var prepared = ScenarioPipeline.PrepareText(scenario);
        var diagnostics = new DiagnosticBag();
        var file = EvidenceFileReader.Parse(Encoding.UTF8.GetBytes(evidence), "evidence.yaml", prepared.Model.Scenario, diagnostics);
        Assert.That(diagnostics.Items, Is.Empty, string.Join("\n", diagnostics.Items));
        return (prepared, file!);
    }

    public static UpdateResult Update(string scenario, string evidence, UpdateMethod method, long trials = 16 * UpdateSettings.BlockSize, int threads = 2, ulong seed = 7,
        int moves = 0)
    {
        var (prepared, file) = Load(scenario, evidence);
        return UpdateRunner.Run(prepared.Model, file, new UpdateSettings { Trials = trials, Seed = seed, Threads = threads, Method = method, Moves = moves });
    }

    /// <summary>The problems of evidence text against a scenario, as printed.</summary>
    public static IReadOnlyList<string> Problems(string scenario, string evidence)
    {
        var prepared = ScenarioPipeline.PrepareText(scenario);
        var diagnostics = new DiagnosticBag();
        EvidenceFileReader.Parse(Encoding.UTF8.GetBytes(evidence), "evidence.yaml", prepared.Model.Scenario, diagnostics);
        return diagnostics.Sorted().Select(d => d.ToString()).ToList();
    }
}
