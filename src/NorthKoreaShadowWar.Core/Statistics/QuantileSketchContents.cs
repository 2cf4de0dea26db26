namespace NorthKoreaShadowWar.Statistics;

/// <summary>
/// What a <see cref="QuantileSketch"/> holds, laid out for saving: the count, the zeros, whether it has fallen back to
/// buckets, the exactly counted values and the counts of the logarithmic buckets of positive and negative values.
/// </summary>
internal sealed record QuantileSketchContents(
    long Count,
    long Zeros,
    bool Overflowed,
    IReadOnlyList<(double Value, long Count)> Exact,
    IReadOnlyList<(int Bucket, long Count)> Positive,
    IReadOnlyList<(int Bucket, long Count)> Negative);
