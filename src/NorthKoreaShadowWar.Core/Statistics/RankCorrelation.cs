namespace NorthKoreaShadowWar.Statistics;

/// <summary>
/// Spearman rank correlations: how a target on the rank scale maps to the normal scale a Gaussian copula works on,
/// and how precisely a rank correlation measured from a sample is known.
/// </summary>
internal static class RankCorrelation
{
    /// <summary>
    /// The Pearson correlation of two standard normals whose Spearman rank correlation is <paramref name="rank"/>:
    /// <c>2 sin(π r / 6)</c>. Ranks are unchanged by the monotone map from normal scores to any marginal, so this is
    /// the correlation to give the normal scores for the parameters' ranks to correlate <paramref name="rank"/>.
    /// </summary>
    public static double NormalScale(double rank) => 2 * Math.Sin(Math.PI * rank / 6);

    /// <summary>The inverse of <see cref="NormalScale"/>: <c>(6 / π) asin(ρ / 2)</c>.</summary>
    public static double RankScale(double normal) => 6 / Math.PI * Math.Asin(normal / 2);

    /// <summary>
    /// The standard error of a Spearman correlation of <paramref name="count"/> pairs on Fisher's z scale
    /// (<c>atanh r</c>): <c>√(1.06 / (n − 3))</c> (Fieller, Hartley and Pearson, 1957). NaN below 4 pairs.
    /// </summary>
    public static double FisherStandardError(long count) => count > 3 ? Math.Sqrt(1.06 / (count - 3)) : double.NaN;

    /// <summary>A 95% interval for the rank correlation behind a measured <paramref name="rank"/> of <paramref name="count"/> pairs.</summary>
    public static (double Lower, double Upper) Interval95(double rank, long count)
    {
        var error = FisherStandardError(count);
        if (!double.IsFinite(error) || !double.IsFinite(rank)) return (double.NaN, double.NaN);
        var z = Math.Atanh(Math.Clamp(rank, -1, 1));
        return (Math.Tanh(z - ConfidenceIntervals.Z95 * error), Math.Tanh(z + ConfidenceIntervals.Z95 * error));
    }
}
