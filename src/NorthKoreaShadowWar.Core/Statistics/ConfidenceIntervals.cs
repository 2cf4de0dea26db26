using MathNet.Numerics.Distributions;

namespace NorthKoreaShadowWar.Statistics;

/// <summary>95% confidence intervals for Monte Carlo estimates.</summary>
internal static class ConfidenceIntervals
{
    /// <summary>The standard normal quantile for a two-sided 95% interval, 1.959964...</summary>
    public static readonly double Z95 = Normal.InvCDF(0, 1, 0.975);

    /// <summary>
    /// The Wilson score interval for a proportion of <paramref name="successes"/> in <paramref name="trials"/>:
    /// unlike the plain normal interval it stays inside [0, 1] and keeps its coverage near 0 and 1.
    /// </summary>
    public static (double Lower, double Upper) Wilson(long successes, long trials)
    {
        if (trials == 0) return (0, 1);
        var n = (double)trials;
        var p = successes / n;
        var z2 = Z95 * Z95;
        var centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        var halfWidth = Z95 * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
        return (Math.Max(0, centre - halfWidth), Math.Min(1, centre + halfWidth));
    }

    /// <summary>The normal interval <c>mean ± z·sd/√n</c> for a mean.</summary>
    public static (double Lower, double Upper) Mean(double mean, double standardDeviation, long count)
    {
        if (count == 0) return (double.NaN, double.NaN);
        var halfWidth = Z95 * standardDeviation / Math.Sqrt(count);
        return (mean - halfWidth, mean + halfWidth);
    }
}
