namespace NorthKoreaShadowWar.Statistics;

/// <summary>
/// Count, mean and sum of squared deviations (Welford), mergeable (Chan et al.). Merging in a fixed order
/// gives the same bits whatever the thread count, which is why blocks of trials are merged in block order.
/// </summary>
internal struct RunningMoments
{
    /// <summary>Values added.</summary>
    public long Count;
    /// <summary>Their mean.</summary>
    public double Mean;
    /// <summary>Sum of squared deviations from the mean.</summary>
    public double SumOfSquares;
    /// <summary>The smallest value added.</summary>
    public double Minimum;
    /// <summary>The largest value added.</summary>
    public double Maximum;

    /// <summary>Adds one value.</summary>
    public void Add(double value)
    {
        if (Count == 0)
        {
            Minimum = Maximum = value;
        }
        else
        {
            Minimum = Math.Min(Minimum, value);
            Maximum = Math.Max(Maximum, value);
        }
        Count++;
        var delta = value - Mean;
        Mean += delta / Count;
        SumOfSquares += delta * (value - Mean);
    }

    /// <summary>Adds every value that <paramref name="other"/> holds.</summary>
    public void Add(in RunningMoments other)
    {
        if (other.Count == 0) return;
        if (Count == 0)
        {
            this = other;
            return;
        }
        var total = Count + other.Count;
        var delta = other.Mean - Mean;
        Mean += delta * other.Count / total;
        SumOfSquares += other.SumOfSquares + delta * delta * Count * other.Count / total;
        Count = total;
        Minimum = Math.Min(Minimum, other.Minimum);
        Maximum = Math.Max(Maximum, other.Maximum);
    }

    /// <summary>The sample standard deviation.</summary>
    public readonly double StandardDeviation => Count > 1 ? Math.Sqrt(SumOfSquares / (Count - 1)) : 0;
}
