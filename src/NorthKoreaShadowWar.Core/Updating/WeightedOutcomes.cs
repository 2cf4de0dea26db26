using NorthKoreaShadowWar.Compilation;
using NorthKoreaShadowWar.Description;
using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Scenarios;
using NorthKoreaShadowWar.Statistics;

namespace NorthKoreaShadowWar.Updating;

/// <summary>
/// The outcomes of a scenario estimated from weighted particles, in the shapes of a run's results: weighted shares
/// and means, weighted quantiles, and intervals that take the effective sample size as the number of trials
/// (Wilson for probabilities, normal for means), scaled by <c>discount</c>: the effective draws over the ESS of the
/// weights, below 1 when resampled copies share their past (see docs/updating.md). With equal weights and no discount
/// this is the prior, a plain Monte Carlo estimate.
/// </summary>
internal static class WeightedOutcomes
{
    /// <summary>At most this many points describe a continuous distribution (equal-weight quantiles beyond it).</summary>
    private const int MaximumPoints = 2000;

    public static IReadOnlyList<OutcomeResult> Build(CompiledModel model, Particles particles, double[] weights, double discount = 1)
    {
        var scenario = model.Scenario;
        var results = new List<OutcomeResult>();
        for (var o = 0; o < scenario.Outcomes.Count; o++)
        {
            var outcome = scenario.Outcomes[o];
            var values = particles.Outcome(o);
            var text = OutcomeText.AsWritten(outcome.Definition);
            results.Add(outcome.Kind switch
            {
                OutcomeKind.Reached => Probability(outcome.Name, text, values, weights, discount),
                OutcomeKind.Final => Categorical(outcome.Name, text, scenario.Machines[outcome.Machine].States, values, weights, discount),
                _ => Distribution(outcome.Name, text, values, weights, outcome.Kind, discount),
            });
        }
        return results;
    }

    /// <summary>(Σw)² / Σw².</summary>
    public static double EffectiveSampleSize(ReadOnlySpan<double> weights)
    {
        double sum = 0, squares = 0;
        foreach (var w in weights)
        {
            sum += w;
            squares += w * w;
        }
        return squares > 0 ? sum * sum / squares : 0;
    }

    private static ProbabilityResult Probability(string name, string text, float[] values, double[] weights, double discount)
    {
        var (share, ess) = Share(values, weights, v => v == 1);
        var n = Math.Max(1, (long)Math.Round(ess * discount));
        var successes = (long)Math.Round(share * n);
        return new ProbabilityResult(name, text, share, ConfidenceIntervals.Wilson(successes, n), successes, n);
    }

    private static CategoricalResult Categorical(string name, string text, IReadOnlyList<string> states, float[] values, double[] weights, double discount) =>
        new(name, text, states.Select((state, s) =>
        {
            var (share, ess) = Share(values, weights, v => v == s);
            var n = Math.Max(1, (long)Math.Round(ess * discount));
            return (state, share, ConfidenceIntervals.Wilson((long)Math.Round(share * n), n));
        }).ToList());

    private static (double Share, double Ess) Share(float[] values, double[] weights, Func<float, bool> counts)
    {
        double total = 0, hit = 0;
        for (var i = 0; i < values.Length; i++)
        {
            total += weights[i];
            if (counts(values[i])) hit += weights[i];
        }
        return (ShareOf(hit, total), EffectiveSampleSize(weights));
    }

    /// <summary>
    /// <paramref name="part"/> / <paramref name="whole"/>, kept within [0, 1]: sums of the same weights added in different
    /// orders can differ in their last bits, and a share must not print as −1e-15 or 1.0000000000000002 for that.
    /// </summary>
    internal static double ShareOf(double part, double whole) => whole > 0 ? Math.Clamp(part / whole, 0, 1) : double.NaN;

    internal static DistributionResult Distribution(string name, string text, float[] values, double[] weights, OutcomeKind kind, double discount)
    {
        var order = Enumerable.Range(0, values.Length).Where(i => !float.IsNaN(values[i]) && weights[i] > 0).OrderBy(i => values[i]).ToArray();
        double total = 0, happened = 0, sum = 0, squares = 0, weightSquares = 0;
        foreach (var w in weights) total += w;
        foreach (var i in order)
        {
            var w = weights[i];
            happened += w;
            weightSquares += w * w;
            sum += w * values[i];
        }
        var mean = happened > 0 ? sum / happened : double.NaN;
        foreach (var i in order) squares += weights[i] * (values[i] - mean) * (values[i] - mean);
        var sd = happened > 0 ? Math.Sqrt(squares / happened) : double.NaN;
        var ess = weightSquares > 0 ? happened * happened / weightSquares * discount : 0;
        var count = (long)Math.Round(ess);
        double Quantile(double q)
        {
            if (order.Length == 0) return double.NaN;
            var target = q * happened;
            var cumulative = 0.0;
            foreach (var i in order)
            {
                cumulative += weights[i];
                if (cumulative >= target) return values[i];
            }
            return values[order[^1]];
        }
        var exact = kind != OutcomeKind.Value;
        return new DistributionResult(name, text, mean,
            count > 1 ? ConfidenceIntervals.Mean(mean, sd, count) : (double.NaN, double.NaN), sd,
            ResultsBuilder.ReportedQuantiles.Select(q => (q.Label, Quantile(q.Probability))).ToList(),
            kind == OutcomeKind.FirstStep ? 1 - ShareOf(happened, total) : null,
            count,
            order.Length == 0 ? double.NaN : values[order[0]],
            order.Length == 0 ? double.NaN : values[order[^1]],
            exact)
        {
            Points = Points(order, values, weights, happened, exact),
            Trials = Math.Max(1, (long)Math.Round(EffectiveSampleSize(weights) * discount)),
        };
    }

    private static IReadOnlyList<(double Value, double Weight)> Points(int[] order, float[] values, double[] weights, double happened, bool exact)
    {
        var points = new List<(double Value, double Weight)>();
        if (happened <= 0) return points;
        foreach (var i in order)
        {
            double value = values[i];
            if (points.Count > 0 && points[^1].Value == value) points[^1] = (value, points[^1].Weight + weights[i]);
            else points.Add((value, weights[i]));
        }
        if (exact || points.Count <= MaximumPoints) return points.Select(p => (p.Value, p.Weight / happened)).ToList();
        var thinned = new List<(double Value, double Weight)>();
        var cumulative = 0.0;
        var next = 0.5 / MaximumPoints;
        foreach (var (value, weight) in points)
        {
            cumulative += weight / happened;
            while (cumulative >= next && thinned.Count < MaximumPoints)
            {
                thinned.Add((value, 1.0 / MaximumPoints));
                next += 1.0 / MaximumPoints;
            }
        }
        return thinned;
    }
}
