using NorthKoreaShadowWar.Simulation;
using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Precision;

/// <summary>Runs of consecutive trial ranges merge into exactly the numbers of one run of them all.</summary>
public class ConcatenationTests
{
    private static readonly Compilation.CompiledModel Model = ScenarioPipeline.PrepareText(PrecisionScenarios.Small).Model;

    private static SimulationResult Run(long firstTrial, long trials, int threads) =>
        MonteCarloRunner.Run(Model, new RunSettings { FirstTrial = firstTrial, Trials = trials, Seed = 11, Threads = threads });

    private static string Numbers(SimulationResult simulation) => ComparableSummary.Of(simulation);

    [TestCase(RunSettings.BlockSize, 3 * RunSettings.BlockSize + 500)]
    [TestCase(4 * RunSettings.BlockSize, 5 * RunSettings.BlockSize)]
    [TestCase(2 * RunSettings.BlockSize, 2 * RunSettings.BlockSize + 1)]
    public void Two_consecutive_runs_merged_equal_one_run_bit_for_bit(long split, long total)
    {
        var whole = Run(0, total, threads: 2);
        var merged = SimulationResult.Concatenate(Run(0, split, threads: 1), Run(split, total - split, threads: 3));
        Assert.Multiple(() =>
        {
            Assert.That(merged.Trials, Is.EqualTo(total));
            Assert.That(merged.ValueMoments.Select(m => (BitConverter.DoubleToInt64Bits(m.Mean), BitConverter.DoubleToInt64Bits(m.SumOfSquares))),
                Is.EqualTo(whole.ValueMoments.Select(m => (BitConverter.DoubleToInt64Bits(m.Mean), BitConverter.DoubleToInt64Bits(m.SumOfSquares)))));
            Assert.That(Numbers(merged), Is.EqualTo(Numbers(whole)));
        });
    }

    [Test]
    public void Three_runs_merged_in_turn_equal_one_run()
    {
        var a = Run(0, RunSettings.BlockSize, threads: 2);
        var b = Run(RunSettings.BlockSize, RunSettings.BlockSize, threads: 2);
        var c = Run(2 * RunSettings.BlockSize, 2 * RunSettings.BlockSize, threads: 2);
        Assert.That(Numbers(SimulationResult.Concatenate(SimulationResult.Concatenate(a, b), c)), Is.EqualTo(Numbers(Run(0, 4 * RunSettings.BlockSize, threads: 2))));
    }

    [Test]
    public void Runs_that_do_not_continue_each_other_on_a_block_boundary_are_refused()
    {
        var first = Run(0, RunSettings.BlockSize, threads: 1);
        var overlapping = Run(0, RunSettings.BlockSize, threads: 1);
        var partial = Run(0, 1000, threads: 1);
        var after = Run(RunSettings.BlockSize, 100, threads: 1);
        Assert.Multiple(() =>
        {
            Assert.That(() => SimulationResult.Concatenate(first, overlapping), Throws.ArgumentException);
            Assert.That(() => SimulationResult.Concatenate(partial, after), Throws.ArgumentException);
            Assert.That(() => Run(1000, 10, threads: 1), Throws.ArgumentException, "a first trial inside a block");
        });
    }

    [Test]
    public void A_run_from_a_later_first_trial_draws_those_trials_streams()
    {
        // Trials 1024..2047 alone differ from trials 0..1023: the first trial is honoured, not restarted from 0.
        Assert.That(Numbers(Run(RunSettings.BlockSize, RunSettings.BlockSize, threads: 1)), Is.Not.EqualTo(Numbers(Run(0, RunSettings.BlockSize, threads: 1))));
    }
}
