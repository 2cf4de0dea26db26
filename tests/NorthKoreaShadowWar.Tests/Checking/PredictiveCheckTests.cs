namespace NorthKoreaShadowWar.Tests.Checking;

/// <summary>
/// Posterior predictive checks (docs/checking.md): evidence simulated from the posterior against what was observed, and a
/// scenario that fits only by pushing a parameter to the edge of its prior.
/// </summary>
public class PredictiveCheckTests
{
    /// <summary>x grows by r a step, r ~ uniform(0, 1): after 10 steps x = 10 r, at most 10.</summary>
    private const string Growth = """
        name: growth
        horizon: 10
        parameters:
          r: { uniform: [0, 1] }
        variables:
          x: { initial: 0 }
        machines:
          m:
            initial: Run
            states: [Run]
            each_step: { Run: { x: "+= r" } }
        outcomes:
          x_end: { value: x }
        """;

    [Test]
    public void A_measurement_the_scenario_reaches_only_at_the_edge_of_its_prior_is_flagged()
    {
        // A report of 10.5 ± 0.3: x = 10 r can come near it only with r close to 1, and never reaches it, so the posterior
        // piles up above the prior's 95th percentile and its replicated x always falls short of 10.5.
        var result = CheckTesting.Run(Growth, "as_of: 10\nobservations:\n  - { source: s, measured: x, at: 10, value: { normal: { mean: 10.5, sd: 0.3 } } }\n", trials: 32_768);
        var r = result.Parameters.Single();
        Assert.That(r.AbovePrior95, Is.GreaterThan(0.5));
        Assert.That(r.AtEdge, Is.True);
        Assert.That(result.Observations[0].PosteriorPredictive, Is.LessThan(result.Threshold));
    }

    [Test]
    public void A_measurement_in_the_middle_of_the_prior_is_reproduced_and_flags_nothing()
    {
        // A report of 5 ± 1: r near 0.5; the posterior predictive x is centred on 5 give or take, so the reported value
        // sits in the middle of the replicated ones.
        var result = CheckTesting.Run(Growth, "as_of: 10\nobservations:\n  - { source: s, measured: x, at: 10, value: { normal: { mean: 5, sd: 1 } } }\n", trials: 32_768);
        Assert.That(result.Parameters.Single().AtEdge, Is.False);
        Assert.That(result.Observations[0].PosteriorPredictive, Is.GreaterThan(0.5));
    }
}
