using System.Diagnostics;
using NorthKoreaShadowWar.Reference;
using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Scenarios.Loading;
using NorthKoreaShadowWar.Simulation;

namespace NorthKoreaShadowWar.Tests.Reference;

/// <summary>
/// Every bundled scenario and variant, run by the fast kernel and by the reference simulator: every outcome and the
/// final occupancy agree within 5 standard errors of the difference.
/// </summary>
// The reference simulator runs on one thread; running the cases side by side keeps both cores busy.
[Parallelizable(ParallelScope.Children)]
public class BundledScenarioAgreementTests
{
    private const long Trials = 3_000;
    private const ulong KernelSeed = 1;
    private const int ReferenceSeed = 2;

    private static IEnumerable<TestCaseData> FilesAndVariants()
    {
        var folder = FindScenarios();
        foreach (var file in Support.ScenarioFiles.Below(folder).Order())
        {
            var scenario = ScenarioLoader.Load(file, new NorthKoreaShadowWar.Diagnostics.DiagnosticBag());
            var name = Path.GetRelativePath(folder, file);
            yield return new TestCaseData(file, null).SetName($"Kernel agrees with the reference on {name}");
            foreach (var variant in scenario?.Variants ?? [])
                yield return new TestCaseData(file, variant.Name).SetName($"Kernel agrees with the reference on {name} variant {variant.Name}");
        }
    }

    // Test case sources run before TestContext is set up, so find the folder from the assembly's location.
    private static string FindScenarios()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NorthKoreaShadowWar.sln"))) directory = directory.Parent;
        return Path.Combine(directory!.FullName, "scenarios");
    }

    [TestCaseSource(nameof(FilesAndVariants))]
    public void Every_outcome_and_the_final_occupancy_agree(string file, string? variant)
    {
        var prepared = ScenarioPipeline.Prepare(file, variant);
        var kernel = ResultsBuilder.Build(MonteCarloRunner.Run(prepared.Model, new RunSettings { Trials = Trials, Seed = KernelSeed, Threads = 2 }));
        var clock = Stopwatch.StartNew();
        var reference = ReferenceSimulator.Run(prepared.Model.Scenario, Trials, ReferenceSeed);
        TestContext.Out.WriteLine($"reference: {Trials} trials in {clock.Elapsed.TotalSeconds:F2} s");

        var disagreements = KernelAgreement.Disagreements(kernel, reference);
        Assert.That(disagreements, Is.Empty, string.Join(Environment.NewLine, disagreements));
    }
}
