using NorthKoreaShadowWar.Batches;
using NorthKoreaShadowWar.Simulation;
using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Batches;

public class BatchRunnerTests : TinyScenarioTest
{
    private Batch Sweep(params string[] specs)
    {
        var prepared = ScenarioPipeline.Prepare(Scenario);
        var design = SweepDesign.Create(specs, null, 1, prepared.Model.Scenario.Source, out var error);
        Assert.That(design, Is.Not.Null, error);
        return Batch.Sweep(Scenario, "tiny", null, [], design!);
    }

    [Test]
    public void Where_p_is_x_every_point_estimates_x_within_five_standard_errors()
    {
        const long trials = 4096;
        var result = BatchRunner.Run(Sweep("x=0.05:0.95:7"), new RunSettings { Trials = trials, Seed = 11, Threads = 2 });
        foreach (var (run, runResult) in result.Pairs)
        {
            var x = run.ParameterValues[0];
            var estimate = runResult.Probability("a_on_1").Estimate;
            Assert.That(estimate, Is.EqualTo(x).Within(Tolerance.Proportion(x, trials)), $"at x = {x}");
        }
    }

    [Test]
    public void A_sweep_point_gives_exactly_the_numbers_of_a_plain_run_with_set_at_its_value()
    {
        var result = BatchRunner.Run(Sweep("x=0.1:0.5:3", "y=0.2:0.4:2"), new RunSettings { Trials = 2048, Seed = 5, Threads = 2 });
        var point = result.Batch.Runs[3]; // x = 0.3, y = 0.4
        var plain = Simulate.Text(BatchScenarios.Tiny, 2048, seed: 5, threads: 1, variant: null, "x=0.3", "y=0.4");
        Assert.Multiple(() =>
        {
            Assert.That(point.ParameterValues, Is.EqualTo(new[] { 0.3, 0.4 }));
            Assert.That(BatchRow.Of(result.Results[3]), Is.EqualTo(BatchRow.Of(plain)).Using<BatchRow>(SameNumbers));
            Assert.That(result.Results[3].Distribution("first_b").Points, Is.EqualTo(plain.Distribution("first_b").Points));
        });
    }

    private static bool SameNumbers(BatchRow a, BatchRow b) =>
        a.Outcome == b.Outcome && a.Statistic == b.Statistic && a.Category == b.Category
        && a.Estimate.Equals(b.Estimate) && a.Ci95.Equals(b.Ci95) && a.Quantiles.SequenceEqual(b.Quantiles);
}
