using System.Globalization;
using MathNet.Numerics.Distributions;

namespace NorthKoreaShadowWar.Statistics;

/// <summary>
/// Distribution-free confidence intervals for quantiles from order statistics. Among n independent values the
/// number at or below the true q-quantile ξ is binomial(n, q) (at least, for values with ties), so
/// P(X₍l₎ ≤ ξ ≤ X₍u₎) ≥ P(l ≤ B ≤ u − 1) with B ~ binomial(n, q). The ranks are chosen equal-tailed: each tail
/// holds at most (1 − confidence)/2, so the coverage is at least the confidence, exactly for continuous values and
/// conservatively for values with ties (step counts).
/// </summary>
internal static class OrderStatisticInterval
{
    /// <summary>
    /// Beyond this many values the binomial is replaced by its normal approximation (with continuity correction):
    /// MathNet's binomial takes an <see cref="int"/> count, and with more than 2·10⁹ values the two agree to far
    /// below one rank for every reported quantile.
    /// </summary>
    public const long ExactBinomialLimit = int.MaxValue;

    /// <summary>
    /// The ranks (l, u) of the order statistics bounding the <paramref name="probability"/>-quantile of
    /// <paramref name="count"/> values with at least <paramref name="confidence"/> coverage. l is 0 (minus infinity)
    /// when even the smallest value is too likely to lie above the quantile; u is n + 1 (plus infinity) likewise.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The probability or confidence is not strictly between 0 and 1, or the count is negative.</exception>
    public static (long Lower, long Upper) Ranks(long count, double probability, double confidence = 0.95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (!(probability > 0 && probability < 1)) throw new ArgumentOutOfRangeException(nameof(probability), probability, "must be strictly between 0 and 1");
        if (!(confidence > 0 && confidence < 1)) throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "must be strictly between 0 and 1");
        if (count == 0) return (0, 1);
        var tail = (1 - confidence) / 2;
        return count <= ExactBinomialLimit ? ExactRanks((int)count, probability, tail) : NormalRanks(count, probability, tail);
    }

    /// <summary>
    /// The exact coverage P(l ≤ B ≤ u − 1), B ~ binomial(<paramref name="count"/>, <paramref name="probability"/>), of the
    /// interval between ranks <paramref name="lowerRank"/> and <paramref name="upperRank"/> for continuous values.
    /// </summary>
    public static double Coverage(long count, double probability, long lowerRank, long upperRank)
    {
        if (count > ExactBinomialLimit) throw new ArgumentOutOfRangeException(nameof(count), count, string.Create(CultureInfo.InvariantCulture, $"at most {ExactBinomialLimit}"));
        var n = (int)count;
        return Cdf(probability, n, upperRank - 1) - Cdf(probability, n, lowerRank - 1);
    }

    private static (long Lower, long Upper) ExactRanks(int n, double q, double tail)
    {
        // l − 1 is the largest k with P(B ≤ k) ≤ tail (none: l = 0); u − 1 the smallest k with P(B ≤ k) ≥ 1 − tail.
        var lastLow = LargestAtMost(n, q, tail);
        var firstHigh = SmallestAtLeast(n, q, 1 - tail);
        return (lastLow + 1, firstHigh + 1);
    }

    private static long LargestAtMost(int n, double q, double level)
    {
        long low = -1, high = n; // Cdf(-1) = 0 ≤ level; Cdf(n) = 1 > level
        while (high - low > 1)
        {
            var middle = low + (high - low) / 2;
            if (Cdf(q, n, middle) <= level) low = middle;
            else high = middle;
        }
        return low;
    }

    private static long SmallestAtLeast(int n, double q, double level)
    {
        long low = -1, high = n; // Cdf(-1) = 0 < level; Cdf(n) = 1 ≥ level
        while (high - low > 1)
        {
            var middle = low + (high - low) / 2;
            if (Cdf(q, n, middle) >= level) high = middle;
            else low = middle;
        }
        return high;
    }

    /// <summary>The normal approximation of the ranks, used beyond <see cref="ExactBinomialLimit"/> (internal so tests can compare it with the exact ranks).</summary>
    internal static (long Lower, long Upper) NormalRanks(long n, double q, double tail)
    {
        var mean = n * q;
        var spread = Normal.InvCDF(0, 1, 1 - tail) * Math.Sqrt(n * q * (1 - q));
        // P(B ≤ k) ≈ Φ((k + 0.5 − nq)/σ): the same two conditions as the exact search, solved for k.
        var lower = (long)Math.Floor(mean - spread + 0.5);
        var upper = (long)Math.Ceiling(mean + spread + 0.5);
        return (Math.Clamp(lower, 0, n), Math.Clamp(upper, 1, n + 1));
    }

    private static double Cdf(double q, int n, long k) => k < 0 ? 0 : k >= n ? 1 : Binomial.CDF(q, n, k);
}
