namespace NorthKoreaShadowWar.Reference;

/// <summary>Count, mean and sample standard deviation of a stream of numbers (Welford's update, stable for long runs).</summary>
internal sealed class ReferenceMoments
{
    private double sumOfSquaredDeviations;

    public long Count { get; private set; }

    public double Mean { get; private set; }

    /// <summary>The sample standard deviation (n - 1 in the denominator); 0 for fewer than two values.</summary>
    public double StandardDeviation => Count > 1 ? Math.Sqrt(sumOfSquaredDeviations / (Count - 1)) : 0;

    public void Add(double value)
    {
        Count++;
        var deviation = value - Mean;
        Mean += deviation / Count;
        sumOfSquaredDeviations += deviation * (value - Mean);
    }
}
