namespace NorthKoreaShadowWar.Precision;

/// <summary>How precise a run must be, and how many trials it may use to get there (<c>run --precision --max-trials</c>).</summary>
/// <param name="Target">
/// The largest 95% half-width allowed, strictly between 0 and 1: absolute for probabilities and shares of final states
/// (0.005 is ±0.5 percentage points), relative for means (±0.5% of |mean|).
/// </param>
/// <param name="MaximumTrials">The most trials to run, met or not.</param>
internal sealed record PrecisionSettings(double Target, long MaximumTrials = PrecisionSettings.DefaultMaximumTrials)
{
    /// <summary>The default for <see cref="MaximumTrials"/>.</summary>
    public const long DefaultMaximumTrials = 10_000_000;
}
