namespace NorthKoreaShadowWar.Tests.Support;

/// <summary>Monte Carlo tolerances derived from the standard error, never tuned by hand.</summary>
internal static class Tolerance
{
    /// <summary>How many standard errors a Monte Carlo estimate may be from the exact answer.</summary>
    public const double StandardErrors = 5;

    /// <summary>5 standard errors of a proportion estimated from <paramref name="trials"/> trials, around the exact <paramref name="p"/>.</summary>
    public static double Proportion(double p, long trials) => StandardErrors * Math.Sqrt(Math.Max(p * (1 - p), 1e-12) / trials);

    /// <summary>5 standard errors of a mean with standard deviation <paramref name="sd"/> over <paramref name="count"/> values.</summary>
    public static double Mean(double sd, long count) => StandardErrors * sd / Math.Sqrt(count);
}
