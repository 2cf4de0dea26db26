using NorthKoreaShadowWar.Results;

namespace NorthKoreaShadowWar;

/// <summary>
/// The distribution of a number (a <c>first_step</c>, <c>value</c> or <c>steps_in</c> outcome): its mean with a 95%
/// interval, spread, quantiles, and the distribution itself. For <c>first_step</c>, trials in which the condition
/// never held are counted in <see cref="Never"/> and left out of everything else.
/// </summary>
public sealed class DistributionEstimate : OutcomeEstimate
{
    internal DistributionEstimate(DistributionResult result) : base(result.Name, result.Definition)
    {
        Mean = result.Mean;
        Interval = ConfidenceInterval.Of(result.Ci95);
        StandardDeviation = result.StandardDeviation;
        var intervals = result.QuantilesCi95.ToDictionary(q => q.Label, q => q.Ci95, StringComparer.Ordinal);
        var probabilities = ResultsBuilder.ReportedQuantiles.ToDictionary(q => q.Label, q => q.Probability, StringComparer.Ordinal);
        Quantiles = result.Quantiles
            .Select(q => new QuantileEstimate(q.Label, probabilities.GetValueOrDefault(q.Label, double.NaN), q.Value,
                intervals.TryGetValue(q.Label, out var ci) ? ConfidenceInterval.Of(ci) : null))
            .ToList();
        QuantilesExact = result.QuantilesExact;
        Never = result.Never;
        Count = result.Count;
        Minimum = result.Minimum;
        Maximum = result.Maximum;
        Points = result.Points.Select(p => new WeightedValue(p.Value, p.Weight)).ToList();
    }

    /// <summary>The mean.</summary>
    public double Mean { get; }

    /// <summary>The 95% interval of the mean (zero width for an exact answer).</summary>
    public ConfidenceInterval Interval { get; }

    /// <summary>The standard deviation of the values.</summary>
    public double StandardDeviation { get; }

    /// <summary>The 5th, 25th, 50th, 75th and 95th percentiles, in that order.</summary>
    public IReadOnlyList<QuantileEstimate> Quantiles { get; }

    /// <summary>True when the quantiles are exact order statistics rather than read from a sketch accurate to 0.1%.</summary>
    public bool QuantilesExact { get; }

    /// <summary>For <c>first_step</c>: the share of trials in which the condition never held; null for other outcomes.</summary>
    public double? Never { get; }

    /// <summary>The trials with a value (all of them, except for <c>first_step</c>).</summary>
    public long Count { get; }

    /// <summary>The smallest value.</summary>
    public double Minimum { get; }

    /// <summary>The largest value.</summary>
    public double Maximum { get; }

    /// <summary>
    /// The distribution itself, ascending: each value with its weight (for values beyond the exact limit of a Monte
    /// Carlo run, one point per 0.1%-wide logarithmic bucket). Enough to draw a histogram.
    /// </summary>
    public IReadOnlyList<WeightedValue> Points { get; }

    /// <summary>The quantile labelled <paramref name="label"/> (<c>p05</c>, <c>p25</c>, <c>p50</c>, <c>p75</c>, <c>p95</c>).</summary>
    /// <exception cref="KeyNotFoundException">No quantile has that label.</exception>
    public QuantileEstimate Quantile(string label) =>
        Quantiles.FirstOrDefault(q => q.Label == label)
        ?? throw new KeyNotFoundException($"no quantile '{label}'; the quantiles are {string.Join(", ", Quantiles.Select(q => q.Label))}");

    /// <summary>E.g. <c>casualties_end: mean 3131 [3090, 3172], p05 0, p50 2400, p95 9800</c>.</summary>
    public override string ToString() =>
        $"{Name}: mean {Format(Mean)} [{Format(Interval.Lower)}, {Format(Interval.Upper)}]"
        + string.Concat(Quantiles.Where(q => q.Label is "p05" or "p50" or "p95").Select(q => $", {q.Label} {Format(q.Value)}"))
        + (Never is { } never ? $", never {Format(never)}" : "");
}
