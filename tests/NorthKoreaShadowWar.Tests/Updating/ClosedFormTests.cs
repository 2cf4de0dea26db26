using MathNet.Numerics;
using MathNet.Numerics.Distributions;
using NorthKoreaShadowWar.Updating;

namespace NorthKoreaShadowWar.Tests.Updating;

/// <summary>
/// Posteriors and marginal likelihoods that can be written down: a per-step probability with a Beta prior observed to
/// first succeed at step k, a two-point prior, a normal prior measured with normal error. Both methods, within 5
/// standard errors (the errors from the spread between blocks, see docs/updating.md); sequential Monte Carlo also with
/// moves of the parameters.
/// </summary>
public class ClosedFormTests
{
    internal const string Geometric = """
        name: geometric
        horizon: 12
        parameters:
          p: { beta: { alpha: 2, beta: 3 } }
        machines:
          m:
            initial: Off
            states: [Off, On]
            transitions: [ { from: Off, to: On, p: p } ]
        outcomes:
          on_by_12: { reached: m.On }
        """;

    private static string FirstHeldAt(int k) =>
        $"as_of: {k}\nobservations:\n  - {{ source: test, first_held: \"m == On\", between: [{k}, {k}] }}\n";

    [TestCase(nameof(UpdateMethod.Smc), 0)]
    [TestCase(nameof(UpdateMethod.Importance), 0)]
    [TestCase(nameof(UpdateMethod.Smc), 2)]
    public void A_beta_prior_and_a_first_step_k_give_the_beta_posterior_and_its_marginal_likelihood(string methodName, int moves)
    {
        var method = Enum.Parse<UpdateMethod>(methodName);
        const int k = 4;
        var result = UpdateTesting.Update(Geometric, FirstHeldAt(k), method, moves: moves);
        // The likelihood of a first success at k is p (1 - p)^(k-1): Beta(2, 3) becomes Beta(3, 3 + k - 1).
        var p = result.Evidence.Parameters.Single(x => x.Name == "p");
        var exactMean = 3.0 / (3 + 3 + k - 1);
        Assert.That(p.PosteriorMean, Is.EqualTo(exactMean).Within(5 * p.PosteriorMeanSe));
        Assert.That(p.PosteriorMeanSe, Is.LessThan(0.01));
        var exactLogZ = SpecialFunctions.BetaLn(3, 3 + k - 1) - SpecialFunctions.BetaLn(2, 3);
        Assert.That(result.Evidence.LogMarginalLikelihood, Is.EqualTo(exactLogZ).Within(5 * result.Evidence.LogMarginalLikelihoodSe));
        // The posterior forecast: having first held at k, it has held by step 12 in every trial.
        Assert.That(result.Posterior.Outcomes.OfType<NorthKoreaShadowWar.Results.ProbabilityResult>().Single().Estimate, Is.EqualTo(1));
    }

    [TestCase(nameof(UpdateMethod.Smc), 0)]
    [TestCase(nameof(UpdateMethod.Importance), 0)]
    [TestCase(nameof(UpdateMethod.Smc), 2)]
    public void A_two_point_prior_gives_the_posterior_odds_by_hand(string methodName, int moves)
    {
        var method = Enum.Parse<UpdateMethod>(methodName);
        // u uniform on [0, 1] picks p = 0.3 when u > 0.5, else 0.1: prior odds 1:1.
        const string model = """
            name: two_point
            horizon: 10
            parameters:
              u: { uniform: [0, 1] }
              p: "0.1 + 0.2 * min(1, max(0, (u - 0.5) * 1000000000))"
            machines:
              m:
                initial: Off
                states: [Off, On]
                transitions: [ { from: Off, to: On, p: p } ]
            outcomes:
              on: { reached: m.On }
            """;
        const int k = 3;
        var result = UpdateTesting.Update(model, FirstHeldAt(k), method, moves: moves);
        var odds = 0.3 * Math.Pow(0.7, k - 1) / (0.1 * Math.Pow(0.9, k - 1));
        var high = odds / (1 + odds);
        // E[u] = 0.25 (1 - P(high)) + 0.75 P(high).
        var u = result.Evidence.Parameters.Single(x => x.Name == "u");
        Assert.That(u.PosteriorMean, Is.EqualTo(0.25 + 0.5 * high).Within(5 * u.PosteriorMeanSe));
    }

    [TestCase(nameof(UpdateMethod.Smc), 0)]
    [TestCase(nameof(UpdateMethod.Importance), 0)]
    [TestCase(nameof(UpdateMethod.Smc), 2)]
    public void A_normal_prior_measured_with_normal_error_gives_the_conjugate_posterior(string methodName, int moves)
    {
        var method = Enum.Parse<UpdateMethod>(methodName);
        const string model = """
            name: measured
            horizon: 3
            parameters:
              x: { normal: { mean: 10, sd: 2 } }
            variables:
              v: { initial: x }
            machines:
              m:
                initial: A
                states: [A, B]
                transitions: [ { from: A, to: B, p: 0.5 } ]
            outcomes:
              v_end: { value: v }
            """;
        var result = UpdateTesting.Update(model, """
            as_of: 2
            observations:
              - { source: test, measured: v, at: 2, value: { normal: { mean: 13, sd: 1 } } }
            """, method, moves: moves);
        // Precision 1/4 + 1; mean (10/4 + 13) / 1.25 = 12.4, variance 0.8.
        var x = result.Evidence.Parameters.Single(p => p.Name == "x");
        Assert.That(x.PosteriorMean, Is.EqualTo(12.4).Within(5 * x.PosteriorMeanSe));
        var value = result.Posterior.Outcomes.OfType<NorthKoreaShadowWar.Results.DistributionResult>().Single();
        Assert.That(value.StandardDeviation, Is.EqualTo(Math.Sqrt(0.8)).Within(0.05));
        var exactLogZ = Normal.PDFLn(10, Math.Sqrt(5), 13);
        Assert.That(result.Evidence.LogMarginalLikelihood, Is.EqualTo(exactLogZ).Within(5 * result.Evidence.LogMarginalLikelihoodSe));
    }
}
