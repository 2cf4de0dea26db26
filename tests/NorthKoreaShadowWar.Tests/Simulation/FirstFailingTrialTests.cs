using NorthKoreaShadowWar.Comparison;
using NorthKoreaShadowWar.Diagnostics;
using NorthKoreaShadowWar.Simulation;

namespace NorthKoreaShadowWar.Tests.Simulation;

/// <summary>
/// A run that fails names the same trial whatever the thread count and however the threads are scheduled: the first
/// failing trial in trial order. Before, with two threads, the trial named changed from one run to the next (the
/// first block to fail on the clock won).
/// </summary>
public class FirstFailingTrialTests
{
    /// <summary>A value outcome that is infinite in the rare trials that reach Bad: failing trials are scattered over every block.</summary>
    private const string RareFailure = """
        name: rare-failure
        horizon: 20
        variables:
          x: { initial: 1 }
        machines:
          m:
            initial: A
            states: [A, Bad]
            absorbing: [Bad]
            transitions:
              - { from: A, to: Bad, p: 0.0001, effects: { x: "= 0" } }
        outcomes:
          v: { value: "1 / x" }
        """;

    private static string FailureOf(Action run) => Assert.Throws<SimulationException>(() => run())!.Message;

    [Test]
    public void A_run_names_the_first_failing_trial_on_any_thread_count()
    {
        var model = ScenarioPipeline.PrepareText(RareFailure, "test.yaml").Model;
        string Run(int threads) => FailureOf(() => MonteCarloRunner.Run(model, new RunSettings { Trials = 16 * 1024, Seed = 7, Threads = threads }));
        var sequential = Run(1);
        Assert.That(sequential, Does.StartWith("outcome 'v' is Infinity in trial "));
        foreach (var threads in new[] { 2, 4, 2, 4, 2, 4, 2, 4 })
            Assert.That(Run(threads), Is.EqualTo(sequential), $"{threads} threads");
    }

    /// <summary>The case first seen: a value infinite in every trial was reported as trial 1024 or trial 0 from run to run.</summary>
    [Test]
    public void A_value_infinite_in_every_trial_is_reported_in_trial_0_on_any_thread_count()
    {
        var model = ScenarioPipeline.PrepareText(RareFailure.Replace("x: { initial: 1 }", "x: { initial: 0 }", StringComparison.Ordinal), "test.yaml").Model;
        foreach (var threads in Enumerable.Repeat(new[] { 1, 2, 4 }, 8).SelectMany(t => t))
            Assert.That(FailureOf(() => MonteCarloRunner.Run(model, new RunSettings { Trials = 8 * 1024, Seed = 7, Threads = threads })),
                Is.EqualTo("outcome 'v' is Infinity in trial 0 (a division by zero or the log of a number <= 0?)"), $"{threads} threads");
    }

    [Test]
    public void A_paired_run_names_the_first_failing_trial_on_any_thread_count()
    {
        var model = ScenarioPipeline.PrepareText(RareFailure, "test.yaml").Model;
        string Run(int threads) => FailureOf(() => PairedRunner.Run(model, model, [], new RunSettings { Trials = 16 * 1024, Seed = 7, Threads = threads }));
        var sequential = Run(1);
        foreach (var threads in new[] { 2, 4, 2, 4 })
            Assert.That(Run(threads), Is.EqualTo(sequential), $"{threads} threads");
    }
}
