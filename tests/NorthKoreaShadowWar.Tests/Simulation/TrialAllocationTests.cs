using NorthKoreaShadowWar.Compilation;
using NorthKoreaShadowWar.Simulation;
using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Simulation;

/// <summary>
/// A trial allocates nothing (docs/performance.md): whatever a run allocates, it allocates once, not per trial. Checked on
/// the bundled baselines through the general loop, generated and interpreted; the revised baseline also draws three
/// machines' starting states per trial.
/// </summary>
public class TrialAllocationTests
{
    [TestCase("baseline.yaml", true)]
    [TestCase("baseline.yaml", false)]
    [TestCase("baseline-2024-12.yaml", true)]
    [TestCase("baseline-2024-12.yaml", false)]
    public void Trials_after_the_first_allocate_nothing(string file, bool generatedCode)
    {
        var model = ScenarioPipeline.Prepare(Path.Combine(Paths.Scenarios, file), null).Model;
        var simulator = new TrialSimulator(model, seed: 3, generatedCode);
        var values = new double[model.ValuePrograms.Length];
        for (var trial = 0; trial < 2_000; trial++) simulator.Run(trial, values);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var trial = 2_000; trial < 4_000; trial++) simulator.Run(trial, values);
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero, "bytes allocated by 2,000 trials after the first 2,000");
    }
}
