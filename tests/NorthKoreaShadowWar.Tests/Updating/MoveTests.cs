using MathNet.Numerics;
using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Tests.Support;
using NorthKoreaShadowWar.Updating;

namespace NorthKoreaShadowWar.Tests.Updating;

/// <summary>
/// The move step of sequential Monte Carlo (docs/updating.md, "Moving the parameters"): it leaves the posterior as it
/// is (closed forms and importance weighting within 5 standard errors), spreads the particles over more distinct
/// parameter values than resampling alone, and gives the same numbers on any thread count.
/// </summary>
public class MoveTests
{
    /// <summary>Not on at steps 1..3, on at 4: the likelihood p (1 − p)³, with resampling at the steps before the last as well as at it.</summary>
    private const string FirstOnAtFour = """
        as_of: 4
        observations:
          - { source: a, does_not_hold: "m == On", at: 1 }
          - { source: b, does_not_hold: "m == On", at: 2 }
          - { source: c, does_not_hold: "m == On", at: 3 }
          - { source: d, holds: "m == On", at: 4 }
        """;

    [Test]
    public void Moves_after_every_observation_step_keep_the_beta_posterior_of_a_first_success_at_k()
    {
        // The likelihood p (1 - p)^3 turns Beta(2, 3) into Beta(3, 6).
        var result = UpdateTesting.Update(ClosedFormTests.Geometric, FirstOnAtFour, UpdateMethod.Smc, moves: 2);
        var p = result.Evidence.Parameters.Single(x => x.Name == "p");
        Assert.That(p.PosteriorMean, Is.EqualTo(3.0 / 9).Within(5 * p.PosteriorMeanSe));
        var exactLogZ = SpecialFunctions.BetaLn(3, 6) - SpecialFunctions.BetaLn(2, 3);
        Assert.That(result.Evidence.LogMarginalLikelihood, Is.EqualTo(exactLogZ).Within(5 * result.Evidence.LogMarginalLikelihoodSe));
        Assert.That(result.Moves.Accepted, Is.GreaterThan(0));
    }

    /// <summary>
    /// A machine whose only uncertainty is where it starts (A with 0.3, B with 0.7; it never moves), beside one driven
    /// by a drawn parameter, so that every observation step is followed by moves that are accepted.
    /// </summary>
    private const string UncertainStart = """
        name: uncertain_start
        horizon: 6
        parameters:
          p: { beta: { alpha: 2, beta: 3 } }
        machines:
          start:
            initial: { A: 0.3, B: 0.7 }
            states: [A, B]
            transitions: []
          m:
            initial: Off
            states: [Off, On]
            transitions: [ { from: Off, to: On, p: p } ]
        outcomes:
          final_start: { final: start }
          on: { reached: m.On }
        """;

    /// <summary>Two partly reliable reports of the starting machine, and what m did, at steps 1 and 3.</summary>
    private const string ReportsOfTheStart = """
        as_of: 3
        observations:
          - { source: r1, report: start, at: 1, likelihood: { A: 0.9, B: 0.2 } }
          - { source: m1, does_not_hold: "m == On", at: 1 }
          - { source: m3, holds: "m == On", at: 3 }
          - { source: r3, report: start, at: 3, likelihood: { A: 0.6, B: 0.3 } }
        """;

    [TestCase(0)]
    [TestCase(4)]
    public void Moves_draw_fresh_starting_states_from_an_uncertain_start_and_keep_its_exact_posterior(int moves)
    {
        // The start never changes and the reports depend on it alone: by Bayes, P(A | reports) = 0.3 · 0.9 · 0.6 / (0.3 · 0.9 · 0.6 + 0.7 · 0.2 · 0.3).
        const double exact = 0.3 * 0.9 * 0.6 / (0.3 * 0.9 * 0.6 + 0.7 * 0.2 * 0.3);
        var result = UpdateTesting.Update(UncertainStart, ReportsOfTheStart, UpdateMethod.Smc, moves: moves);
        var a = ((CategoricalResult)result.Posterior.Outcomes.Single(o => o.Name == "final_start")).Categories.Single(c => c.Category == "A").Probability;
        var se = Math.Sqrt(exact * (1 - exact) / result.Evidence.EffectiveDraws);
        Assert.That(a, Is.EqualTo(exact).Within(Tolerance.StandardErrors * se), $"P(start A | reports) with {moves} moves, standard error {se:G3}");
        if (moves > 0) Assert.That(result.Moves.AcceptanceRate, Is.GreaterThan(0.05), "the paths proposed, starting states included, are accepted often enough to matter");
    }

    [Test]
    public void Moves_increase_the_distinct_parameter_values_behind_the_posterior()
    {
        var still = UpdateTesting.Update(ClosedFormTests.Geometric, FirstOnAtFour, UpdateMethod.Smc, trials: 4 * UpdateSettings.BlockSize);
        var moved = UpdateTesting.Update(ClosedFormTests.Geometric, FirstOnAtFour, UpdateMethod.Smc, trials: 4 * UpdateSettings.BlockSize, moves: 2);
        Assert.That(still.Moves.Proposed, Is.Zero);
        Assert.That(moved.Moves.Sweeps, Is.EqualTo(2));
        Assert.That(moved.Moves.AcceptanceRate, Is.GreaterThan(0.01));
        Assert.That(moved.Evidence.DistinctOrigins, Is.GreaterThan(1.5 * still.Evidence.DistinctOrigins),
            $"distinct parameter values: {still.Evidence.DistinctOrigins} without moves, {moved.Evidence.DistinctOrigins} with");
    }

    [Test]
    public void Moves_agree_with_importance_weighting_within_their_errors()
    {
        var moved = UpdateTesting.Update(DeterminismTests.Model, DeterminismTests.Evidence, UpdateMethod.Smc, moves: 1);
        var importance = UpdateTesting.Update(DeterminismTests.Model, DeterminismTests.Evidence, UpdateMethod.Importance);
        var se = Math.Sqrt(Math.Pow(moved.Evidence.LogMarginalLikelihoodSe, 2) + Math.Pow(importance.Evidence.LogMarginalLikelihoodSe, 2));
        Assert.That(moved.Evidence.LogMarginalLikelihood, Is.EqualTo(importance.Evidence.LogMarginalLikelihood).Within(5 * se));
        foreach (var name in new[] { "a", "b" })
        {
            var m = moved.Evidence.Parameters.Single(p => p.Name == name);
            var i = importance.Evidence.Parameters.Single(p => p.Name == name);
            Assert.That(m.PosteriorMean, Is.EqualTo(i.PosteriorMean).Within(5 * Math.Sqrt(m.PosteriorMeanSe * m.PosteriorMeanSe + i.PosteriorMeanSe * i.PosteriorMeanSe)), name);
        }
    }

    [Test]
    public void Moves_give_the_same_numbers_on_one_and_two_threads()
    {
        var one = UpdateTesting.Update(DeterminismTests.Model, DeterminismTests.Evidence, UpdateMethod.Smc, trials: 2 * UpdateSettings.BlockSize, threads: 1, moves: 2);
        var two = UpdateTesting.Update(DeterminismTests.Model, DeterminismTests.Evidence, UpdateMethod.Smc, trials: 2 * UpdateSettings.BlockSize, threads: 2, moves: 2);
        Assert.That(two.Evidence.LogMarginalLikelihood, Is.EqualTo(one.Evidence.LogMarginalLikelihood));
        Assert.That(two.Moves, Is.EqualTo(one.Moves));
        Assert.That(two.Evidence.Parameters.Select(p => (p.PosteriorMean, p.Posterior90)), Is.EqualTo(one.Evidence.Parameters.Select(p => (p.PosteriorMean, p.Posterior90))));
        Assert.That(two.Evidence.DistinctOrigins, Is.EqualTo(one.Evidence.DistinctOrigins));
    }
}
