using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Updating;

namespace NorthKoreaShadowWar.Tests.Updating;

/// <summary>Same scenario, evidence and seed: the same numbers on any thread count; and the two methods agree.</summary>
public class DeterminismTests
{
    internal const string Model = """
        name: chain
        horizon: 20
        parameters:
          a: { uniform: [0.05, 0.4] }
          b: { uniform: [0.1, 0.6] }
        variables:
          losses: { initial: 0 }
        machines:
          phase:
            initial: Calm
            states: [Calm, Tense, War]
            each_step: { War: { losses: "+= 100 * b" } }
            transitions:
              - { from: Calm, to: Tense, p: a }
              - { from: Tense, to: War, p: b }
              - { from: Tense, to: Calm, p: 0.1 }
        outcomes:
          war: { reached: phase.War }
          when: { first_step: "phase == War" }
          losses_end: { value: losses }
          final_phase: { final: phase }
        """;

    internal const string Evidence = """
        as_of: 8
        observations:
          - { source: one, holds: "phase != Calm", at: 2, reliability: 0.8 }
          - { source: two, report: phase, at: 4, likelihood: { Tense: 0.7, War: 0.6, Calm: 0.1 } }
          - { source: three, first_held: "phase == War", between: [3, 6], reliability: 0.9 }
          - { source: four, measured: losses, at: 8, value: { lognormal: { p05: 40, p95: 160 } } }
        """;

    [TestCase(nameof(UpdateMethod.Smc))]
    [TestCase(nameof(UpdateMethod.Importance))]
    public void One_and_two_threads_give_the_same_numbers(string methodName)
    {
        var method = Enum.Parse<UpdateMethod>(methodName);
        var one = UpdateTesting.Update(Model, Evidence, method, trials: 4 * UpdateSettings.BlockSize, threads: 1);
        var two = UpdateTesting.Update(Model, Evidence, method, trials: 4 * UpdateSettings.BlockSize, threads: 2);
        Assert.That(two.Evidence.LogMarginalLikelihood, Is.EqualTo(one.Evidence.LogMarginalLikelihood));
        Assert.That(two.Evidence.Ess, Is.EqualTo(one.Evidence.Ess));
        Assert.That(Json(two.Posterior), Is.EqualTo(Json(one.Posterior)));
        Assert.That(two.Evidence.Parameters.Select(p => (p.PosteriorMean, p.Posterior90)), Is.EqualTo(one.Evidence.Parameters.Select(p => (p.PosteriorMean, p.Posterior90))));
    }

    [Test]
    public void Sequential_Monte_Carlo_and_importance_weighting_agree_within_their_errors()
    {
        var smc = UpdateTesting.Update(Model, Evidence, UpdateMethod.Smc);
        var importance = UpdateTesting.Update(Model, Evidence, UpdateMethod.Importance);
        var se = Math.Sqrt(Math.Pow(smc.Evidence.LogMarginalLikelihoodSe, 2) + Math.Pow(importance.Evidence.LogMarginalLikelihoodSe, 2));
        Assert.That(smc.Evidence.LogMarginalLikelihood, Is.EqualTo(importance.Evidence.LogMarginalLikelihood).Within(5 * se));
        foreach (var name in new[] { "a", "b" })
        {
            var s = smc.Evidence.Parameters.Single(p => p.Name == name);
            var i = importance.Evidence.Parameters.Single(p => p.Name == name);
            Assert.That(s.PosteriorMean, Is.EqualTo(i.PosteriorMean).Within(5 * Math.Sqrt(s.PosteriorMeanSe * s.PosteriorMeanSe + i.PosteriorMeanSe * i.PosteriorMeanSe)), name);
        }
        // Resampling keeps more of the particles useful than weighting whole paths.
        Assert.That(smc.Evidence.Ess, Is.GreaterThan(importance.Evidence.Ess));
    }

    private static string Json(RunResult result)
    {
        using var stream = new MemoryStream();
        SummaryJsonWriter.Write(result with { Performance = result.Performance with { Threads = 0, SimulateSeconds = 0, PeakWorkingSetBytes = 0 } }, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
