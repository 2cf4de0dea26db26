using NorthKoreaShadowWar.Simulation;

namespace NorthKoreaShadowWar.Precision;

/// <summary>
/// The trial counts after which a precision-controlled run looks at its intervals: the first batch's trials rounded
/// up to whole blocks, then doubling, capped at the maximum. Doubling keeps the number of looks logarithmic and the
/// overshoot below a factor of two; whole blocks let each batch continue the previous one exactly.
/// </summary>
internal static class BatchSchedule
{
    /// <summary>The cumulative trial counts, ascending, the last one <paramref name="maximumTrials"/> unless doubling never reaches it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is below 1.</exception>
    public static IEnumerable<long> Ends(long initialTrials, long maximumTrials)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(initialTrials, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maximumTrials, 1);
        var blocks = (initialTrials + RunSettings.BlockSize - 1) / RunSettings.BlockSize;
        var end = Math.Min(blocks * RunSettings.BlockSize, maximumTrials);
        while (true)
        {
            yield return end;
            if (end >= maximumTrials) yield break;
            end = end > maximumTrials / 2 ? maximumTrials : 2 * end;
        }
    }
}
