namespace NorthKoreaShadowWar.Results;

/// <summary>
/// The cumulative distribution function of a <see cref="DistributionResult"/>, over the trials that had a value
/// (for a first step: those where it happened). From <see cref="DistributionResult.Points"/> when the result holds
/// them; otherwise, as read from a summary.json, from what the file keeps: the smallest value, the reported
/// quantiles and the largest value, joined by straight lines (an approximation between the quantiles, exact at them).
/// </summary>
internal static class DistributionCdf
{
    /// <summary>
    /// The corners of the piecewise-linear function through (min, 0), each reported quantile (p05 at 0.05, …) and
    /// (max, 1), in order; empty when the distribution had no values. Knots may share a value: the function jumps there.
    /// </summary>
    public static IReadOnlyList<(double Value, double Share)> QuantileKnots(DistributionResult distribution)
    {
        if (distribution.Count == 0 || !double.IsFinite(distribution.Minimum) || !double.IsFinite(distribution.Maximum)) return [];
        var knots = new List<(double Value, double Share)> { (distribution.Minimum, 0) };
        foreach (var (label, value) in distribution.Quantiles)
        {
            var share = ResultsBuilder.ReportedQuantiles.Where(q => q.Label == label).Select(q => q.Probability).FirstOrDefault(double.NaN);
            if (double.IsFinite(value) && !double.IsNaN(share)) knots.Add((value, share));
        }
        knots.Add((distribution.Maximum, 1));
        return knots;
    }

    /// <summary>
    /// The share of values strictly below <paramref name="value"/> and the share at or below it. The two differ
    /// where the distribution has an atom at <paramref name="value"/> (a step count many trials share).
    /// </summary>
    public static (double Below, double AtOrBelow) At(DistributionResult distribution, double value)
    {
        if (distribution.Points.Count > 0)
        {
            double total = 0, below = 0, atOrBelow = 0;
            foreach (var (point, weight) in distribution.Points)
            {
                total += weight;
                if (point < value) below += weight;
                if (point <= value) atOrBelow += weight;
            }
            return total > 0 ? (below / total, atOrBelow / total) : (0, 0);
        }
        var knots = QuantileKnots(distribution).ToList();
        if (knots.Count == 0) return (0, 0);
        if (value < knots[0].Value) return (0, 0);
        if (value > knots[^1].Value) return (1, 1);
        // Where knots share the value, the function jumps from the first knot's share to the last's.
        var at = knots.Where(k => k.Value == value).Select(k => k.Share).ToList();
        if (at.Count > 0) return (at.Min(), at.Max());
        var upper = knots.FindIndex(k => k.Value > value);
        var (x0, y0) = knots[upper - 1];
        var (x1, y1) = knots[upper];
        var share = y0 + (y1 - y0) * (value - x0) / (x1 - x0);
        return (share, share);
    }
}
