namespace NorthKoreaShadowWar.Statistics;

/// <summary>Statistics of a distribution over whole numbers 0..n-1 given as counts (exact, no sampling of values).</summary>
internal static class IntegerHistogram
{
    /// <summary>Count, mean and standard deviation of the values with the given counts.</summary>
    public static RunningMoments Moments(ReadOnlySpan<long> counts)
    {
        long total = 0;
        double sum = 0;
        int minimum = -1, maximum = -1;
        for (var value = 0; value < counts.Length; value++)
        {
            if (counts[value] == 0) continue;
            if (minimum < 0) minimum = value;
            maximum = value;
            total += counts[value];
            sum += (double)value * counts[value];
        }
        if (total == 0) return default;
        var mean = sum / total;
        double squares = 0;
        for (var value = 0; value < counts.Length; value++)
            squares += counts[value] * (value - mean) * (value - mean);
        return new RunningMoments { Count = total, Mean = mean, SumOfSquares = squares, Minimum = minimum, Maximum = maximum };
    }

    /// <summary>The q-quantile by the inverted empirical distribution function (see <see cref="QuantileSketch.Quantile"/>).</summary>
    public static double Quantile(ReadOnlySpan<long> counts, double q)
    {
        long total = 0;
        foreach (var count in counts) total += count;
        return total == 0 ? double.NaN : ValueAtRank(counts, QuantileRank.Of(q, total));
    }

    /// <summary>
    /// The <paramref name="rank"/>-th smallest value (ranks from 1); minus infinity below rank 1 and plus infinity
    /// beyond the number of values, as in <see cref="QuantileSketch.ValueAtRank"/>.
    /// </summary>
    public static double ValueAtRank(ReadOnlySpan<long> counts, long rank)
    {
        if (rank < 1) return double.NegativeInfinity;
        long seen = 0;
        for (var value = 0; value < counts.Length; value++)
        {
            seen += counts[value];
            if (seen >= rank) return value;
        }
        return double.PositiveInfinity;
    }
}
