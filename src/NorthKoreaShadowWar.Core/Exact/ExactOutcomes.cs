using NorthKoreaShadowWar.Description;
using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Scenarios;
using NorthKoreaShadowWar.Scenarios.Validation;

namespace NorthKoreaShadowWar.Exact;

/// <summary>Turns exact distributions into outcome results, with intervals of zero width.</summary>
internal static class ExactOutcomes
{
    public static OutcomeResult Outcome(ResolvedScenario scenario, ResolvedOutcome outcome, int tracker, int horizon, double[][] firstSteps, double[][] stepsIn, Func<int, double[]> finalMarginal)
    {
        var text = OutcomeText.AsWritten(outcome.Definition);
        switch (outcome.Kind)
        {
            case OutcomeKind.Reached:
                var p = firstSteps[tracker].Take(outcome.Within + 1).Sum();
                return new ProbabilityResult(outcome.Name, text, p, (p, p), 0, 0);
            case OutcomeKind.FirstStep:
                var first = firstSteps[tracker];
                return Distribution(outcome.Name, text, first[..(horizon + 1)], first[horizon + 1]);
            case OutcomeKind.StepsIn:
                return Distribution(outcome.Name, text, stepsIn[tracker], null);
            default:
                var marginal = finalMarginal(outcome.Machine);
                var states = scenario.Machines[outcome.Machine].States;
                var categories = marginal.Select((probability, s) => (states[s], probability, (probability, probability))).ToList();
                return new CategoricalResult(outcome.Name, text, categories);
        }
    }

    /// <summary>A distribution over 0..n-1 given by probabilities (conditioned on happening when <paramref name="never"/> is given).</summary>
    private static DistributionResult Distribution(string name, string text, double[] probabilities, double? never)
    {
        var happened = probabilities.Sum();
        var mean = happened > 0 ? probabilities.Select((p, k) => p * k).Sum() / happened : double.NaN;
        var variance = happened > 0 ? probabilities.Select((p, k) => p * (k - mean) * (k - mean)).Sum() / happened : double.NaN;
        var support = Enumerable.Range(0, probabilities.Length).Where(k => probabilities[k] > 0).ToList();
        return new DistributionResult(
            name, text, mean, (mean, mean), Math.Sqrt(variance),
            ResultsBuilder.ReportedQuantiles.Select(q => (q.Label, Quantile(probabilities, happened, q.Probability))).ToList(),
            never, 0,
            support.Count > 0 ? support[0] : double.NaN,
            support.Count > 0 ? support[^1] : double.NaN,
            QuantilesExact: true)
        {
            Points = support.Select(k => ((double)k, probabilities[k])).ToList(),
        };
    }

    /// <summary>The smallest k with P(X &lt;= k | happened) &gt;= q (rounding of the sums allowed for).</summary>
    internal static double Quantile(double[] probabilities, double happened, double q)
    {
        if (!(happened > 0)) return double.NaN;
        double cumulative = 0;
        for (var k = 0; k < probabilities.Length; k++)
        {
            cumulative += probabilities[k] / happened;
            if (cumulative >= q - 1e-12) return k;
        }
        return probabilities.Length - 1;
    }
}
