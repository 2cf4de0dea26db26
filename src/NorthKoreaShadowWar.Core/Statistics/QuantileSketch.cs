using System.Runtime.InteropServices;

namespace NorthKoreaShadowWar.Statistics;

/// <summary>
/// Quantiles of a stream of values in bounded memory, mergeable in any order with the same result.
/// While there are at most <see cref="ExactLimit"/> distinct values they are counted exactly (quantiles are
/// exact); beyond that, values are counted in logarithmic buckets (as in DDSketch) so every quantile is
/// within <see cref="RelativeAccuracy"/> of a true sample value.
/// </summary>
internal sealed class QuantileSketch
{
    /// <summary>Distinct values counted exactly before falling back to buckets.</summary>
    public const int ExactLimit = 4096;

    /// <summary>The relative accuracy of bucketed quantiles.</summary>
    public const double RelativeAccuracy = 0.001;

    private static readonly double Gamma = (1 + RelativeAccuracy) / (1 - RelativeAccuracy);
    private static readonly double LogGamma = Math.Log(Gamma);
    private readonly Dictionary<double, long> exact = [];
    private readonly Dictionary<int, long> positive = [];
    private readonly Dictionary<int, long> negative = [];
    private long zeros;
    private bool overflowed;

    /// <summary>Values added.</summary>
    public long Count { get; private set; }

    /// <summary>Adds one value.</summary>
    public void Add(double value) => Add(value, 1);

    private void Add(double value, long count)
    {
        Count += count;
        if (!overflowed)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(exact, value, out _) += count;
            if (exact.Count > ExactLimit)
            {
                overflowed = true;
                exact.Clear();
            }
        }
        if (value == 0) zeros += count;
        else if (value > 0) CollectionsMarshal.GetValueRefOrAddDefault(positive, Bucket(value), out _) += count;
        else CollectionsMarshal.GetValueRefOrAddDefault(negative, Bucket(-value), out _) += count;
    }

    /// <summary>Adds everything <paramref name="other"/> holds.</summary>
    public void Add(QuantileSketch other)
    {
        Count += other.Count;
        zeros += other.zeros;
        foreach (var (bucket, count) in other.positive) positive[bucket] = positive.GetValueOrDefault(bucket) + count;
        foreach (var (bucket, count) in other.negative) negative[bucket] = negative.GetValueOrDefault(bucket) + count;
        if (other.overflowed) overflowed = true;
        if (!overflowed)
            foreach (var (value, count) in other.exact) exact[value] = exact.GetValueOrDefault(value) + count;
        if (overflowed || exact.Count > ExactLimit)
        {
            overflowed = true;
            exact.Clear();
        }
    }

    /// <summary>True while quantiles are exact.</summary>
    public bool IsExact => !overflowed;

    /// <summary>
    /// The q-quantile by the inverted empirical distribution function: the smallest value v with at
    /// least q·n of the values at or below v.
    /// </summary>
    public double Quantile(double q) => Count == 0 ? double.NaN : ValueAtRank(QuantileRank.Of(q, Count));

    /// <summary>
    /// The <paramref name="rank"/>-th smallest value (ranks 1..<see cref="Count"/>): exact while <see cref="IsExact"/>,
    /// otherwise its bucket's representative, within <see cref="RelativeAccuracy"/>. Rank 0 (or less) is minus infinity
    /// and rank <see cref="Count"/> + 1 (or more) plus infinity, the conventions that make a one-sided interval a pair of
    /// ranks (see <see cref="QuantileRank"/>).
    /// </summary>
    public double ValueAtRank(long rank)
    {
        if (rank < 1) return double.NegativeInfinity;
        if (rank > Count) return double.PositiveInfinity;
        return Walk(Ordered(), rank);
    }

    private IEnumerable<(double Value, long Count)> Ordered()
    {
        if (!overflowed) return exact.OrderBy(e => e.Key).Select(e => (e.Key, e.Value));
        return negative.OrderByDescending(e => e.Key).Select(e => (-Representative(e.Key), e.Value))
            .Append((0.0, zeros))
            .Concat(positive.OrderBy(e => e.Key).Select(e => (Representative(e.Key), e.Value)));
    }

    /// <summary>
    /// The values and their counts in ascending order: exact while <see cref="IsExact"/>, otherwise one point per
    /// logarithmic bucket at the bucket's representative value. For histograms and distribution plots.
    /// </summary>
    public IReadOnlyList<(double Value, long Count)> Points() => Ordered().Where(p => p.Count > 0).ToList();

    private static double Walk(IEnumerable<(double Value, long Count)> ordered, long rank)
    {
        long seen = 0;
        var last = double.NaN;
        foreach (var (value, count) in ordered)
        {
            if (count == 0) continue;
            seen += count;
            last = value;
            if (seen >= rank) return value;
        }
        return last;
    }

    /// <summary>Everything the sketch holds, in ascending order of value and bucket: <see cref="FromContents"/> restores it exactly.</summary>
    internal QuantileSketchContents Contents => new(Count, zeros, overflowed,
        [.. exact.OrderBy(e => e.Key).Select(e => (e.Key, e.Value))],
        [.. positive.OrderBy(e => e.Key).Select(e => (e.Key, e.Value))],
        [.. negative.OrderBy(e => e.Key).Select(e => (e.Key, e.Value))]);

    /// <summary>The sketch that holds <paramref name="contents"/> (as saved by <see cref="Contents"/>).</summary>
    internal static QuantileSketch FromContents(QuantileSketchContents contents)
    {
        var sketch = new QuantileSketch { Count = contents.Count, zeros = contents.Zeros, overflowed = contents.Overflowed };
        foreach (var (value, count) in contents.Exact) sketch.exact[value] = count;
        foreach (var (bucket, count) in contents.Positive) sketch.positive[bucket] = count;
        foreach (var (bucket, count) in contents.Negative) sketch.negative[bucket] = count;
        return sketch;
    }

    private static int Bucket(double magnitude) => (int)Math.Ceiling(Math.Log(magnitude) / LogGamma);

    private static double Representative(int bucket) => 2 * Math.Pow(Gamma, bucket) / (Gamma + 1);
}
