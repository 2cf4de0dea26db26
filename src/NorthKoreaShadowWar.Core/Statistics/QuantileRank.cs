namespace NorthKoreaShadowWar.Statistics;

/// <summary>
/// Where a quantile sits among sorted values. Ranks count from 1 (the smallest value) to n (the largest); rank 0
/// stands for minus infinity and rank n + 1 for plus infinity, so an interval that the data cannot bound on one
/// side is still a pair of ranks.
/// </summary>
internal static class QuantileRank
{
    /// <summary>
    /// The rank of the <paramref name="probability"/>-quantile of <paramref name="count"/> values by the inverted
    /// empirical distribution function: the smallest rank r with r ≥ q·n (at least 1).
    /// </summary>
    public static long Of(double probability, long count) =>
        // The 1e-9 keeps q·n that is a whole number in exact arithmetic (0.05 · 200) from rounding up a rank.
        Math.Max(1, (long)Math.Ceiling(probability * count - 1e-9));
}
