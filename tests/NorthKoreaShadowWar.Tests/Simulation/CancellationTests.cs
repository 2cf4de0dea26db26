using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Simulation;
using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Simulation;

/// <summary>A cancelled run returns exactly its first whole blocks: the numbers of a run of that many trials.</summary>
public class CancellationTests
{
    private const string Model = """
        name: cancel
        horizon: 20
        parameters:
          rate: { beta: { alpha: 2, beta: 20 } }
        variables:
          x: { initial: 0 }
        machines:
          a:
            initial: Off
            states: [Off, On]
            each_step: { On: { x: "+= rate * 10" } }
            transitions: [ { from: Off, to: On, p: rate } ]
        outcomes:
          on: { reached: a.On }
          first: { first_step: a.On }
          x_end: { value: x }
        """;

    [TestCase(1)]
    [TestCase(2)]
    public void A_run_cancelled_after_some_blocks_equals_a_run_of_those_blocks(int threads)
    {
        var prepared = ScenarioPipeline.PrepareText(Model);
        using var cancellation = new CancellationTokenSource();
        var settings = new RunSettings { Trials = 200 * RunSettings.BlockSize, Seed = 3, Threads = threads };
        var stopped = MonteCarloRunner.Run(prepared.Model, settings, done =>
        {
            if (done >= 3 * RunSettings.BlockSize) cancellation.Cancel();
        }, cancellation.Token);

        Assert.That(stopped.TrialsRequested, Is.EqualTo(settings.Trials));
        Assert.That(stopped.Trials % RunSettings.BlockSize, Is.EqualTo(0));
        Assert.That(stopped.Trials, Is.InRange(3 * RunSettings.BlockSize, 3 * RunSettings.BlockSize + threads * RunSettings.BlockSize));
        var partial = ResultsBuilder.Build(stopped);
        var plain = Simulate.Text(Model, stopped.Trials, seed: 3, threads: threads);
        Assert.That(partial.Partial, Is.True);
        Assert.That(partial.Manifest.Trials, Is.EqualTo(plain.Manifest.Trials));
        Assert.That(partial.Outcomes, Is.EqualTo(plain.Outcomes).Using<OutcomeResult>(SameNumbers));
    }

    [Test]
    public void A_run_cancelled_before_it_starts_has_no_trials_and_a_complete_run_is_not_partial()
    {
        var prepared = ScenarioPipeline.PrepareText(Model);
        var settings = new RunSettings { Trials = 5000, Seed = 3, Threads = 2 };
        var none = MonteCarloRunner.Run(prepared.Model, settings, cancellation: new CancellationToken(canceled: true));
        Assert.That((none.Trials, none.TrialsRequested), Is.EqualTo((0L, (long?)5000)));
        Assert.That(MonteCarloRunner.Run(prepared.Model, settings).TrialsRequested, Is.Null);
    }

    private static bool SameNumbers(OutcomeResult a, OutcomeResult b) =>
        System.Text.Json.JsonSerializer.Serialize<object>(a) == System.Text.Json.JsonSerializer.Serialize<object>(b);
}
