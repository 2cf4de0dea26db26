namespace NorthKoreaShadowWar.Updating;

/// <summary>
/// The particles of every block, in block order, with their combined weights: block b's particle i weighs
/// Z_b × (its normalised weight in the block), the block's estimate of the evidence's likelihood times its share of
/// the block. The sums run in block order, so the weights are the same whatever the threads or shards.
/// </summary>
internal sealed class Particles
{
    private readonly IReadOnlyList<ParticleBlock> blocks;
    private readonly int outcomeCount;
    private readonly int parameterCount;
    private readonly int eventCount;

    public Particles(IReadOnlyList<ParticleBlock> blocks, int outcomeCount, int parameterCount, int eventCount)
    {
        this.blocks = blocks;
        this.outcomeCount = outcomeCount;
        this.parameterCount = parameterCount;
        this.eventCount = eventCount;
        Count = blocks.Sum(b => b.Count);
        var maxLog = blocks.Max(b => b.MaxLogWeight);
        MaxLogWeight = maxLog;
        Weights = new double[Count];
        var at = 0;
        foreach (var block in blocks)
        {
            var scale = double.IsNegativeInfinity(block.MaxLogWeight) ? 0 : Math.Exp(block.MaxLogWeight - maxLog);
            for (var i = 0; i < block.Count; i++) Weights[at++] = scale * block.Weights[i];
        }
        BlockEvidence = blocks.Select(b => double.IsNegativeInfinity(b.MaxLogWeight) ? 0 : Math.Exp(b.MaxLogWeight - maxLog) * b.WeightSum / b.Count).ToArray();
    }

    public int Count { get; }

    /// <summary>The combined weight of each particle, relative to exp(<see cref="MaxLogWeight"/>).</summary>
    public double[] Weights { get; }

    /// <summary>The largest block's largest log weight: the scale of <see cref="Weights"/> and <see cref="BlockEvidence"/>.</summary>
    public double MaxLogWeight { get; }

    /// <summary>Z_b / exp(<see cref="MaxLogWeight"/>) for each block.</summary>
    public double[] BlockEvidence { get; }

    public IReadOnlyList<ParticleBlock> Blocks => blocks;

    /// <summary>Every particle's value of outcome <paramref name="outcome"/>.</summary>
    public float[] Outcome(int outcome) => Column(b => b.Outcomes, outcomeCount, outcome, v => v);

    /// <summary>Every particle's value of random parameter <paramref name="parameter"/> (in the model's random-parameter order).</summary>
    public float[] Parameter(int parameter) => Column(b => b.Parameters, parameterCount, parameter, v => v);

    /// <summary>Every particle's flag (1 = open at as_of) for event <paramref name="index"/>.</summary>
    public float[] Open(int index) => Column(b => b.OpenEvents, eventCount, index, v => (float)v);

    private float[] Column<T>(Func<ParticleBlock, T[]> table, int width, int column, Func<T, float> convert)
    {
        var values = new float[Count];
        var at = 0;
        foreach (var block in blocks)
        {
            var data = table(block);
            for (var i = 0; i < block.Count; i++) values[at++] = convert(data[i * width + column]);
        }
        return values;
    }

    /// <summary>
    /// The weighted mean of <paramref name="values"/> (one per particle) and its standard error from the spread between
    /// blocks, which are independent: the ratio estimator Σ_b a_b / Σ_b z_b with a_b, z_b a block's weighted sum and weight,
    /// by the delta method. It holds whether or not the blocks were resampled (copies within a block are not independent,
    /// blocks are).
    /// </summary>
    public (double Mean, double Se) MeanWithBlockSe(float[] values)
    {
        var a = new double[blocks.Count];
        var z = new double[blocks.Count];
        var at = 0;
        for (var b = 0; b < blocks.Count; b++)
        {
            for (var i = 0; i < blocks[b].Count; i++, at++)
            {
                a[b] += Weights[at] * values[at];
                z[b] += Weights[at];
            }
        }
        var mean = a.Sum() / z.Sum();
        var n = blocks.Count;
        if (n < 2) return (mean, double.NaN);
        var zBar = z.Average();
        var spread = 0.0;
        for (var b = 0; b < n; b++) spread += (a[b] - mean * z[b]) * (a[b] - mean * z[b]);
        return (mean, Math.Sqrt(spread / (n * (n - 1.0))) / zBar);
    }

    /// <summary>How many distinct trials (parameter draws) the particles descend from, over all blocks.</summary>
    public long DistinctOrigins => blocks.Sum(b => (long)b.DistinctOrigins);

    /// <summary>Occupancy shares after each step: weighted by <see cref="Weights"/>, or with equal weights for the prior.</summary>
    public double[] OccupancyShares(bool weighted)
    {
        var length = blocks[0].Occupancy.Length;
        var shares = new double[length];
        var total = 0.0;
        foreach (var block in blocks)
        {
            var scale = weighted ? double.IsNegativeInfinity(block.MaxLogWeight) ? 0 : Math.Exp(block.MaxLogWeight - MaxLogWeight) : 1;
            for (var c = 0; c < length; c++) shares[c] += weighted ? scale * block.WeightedOccupancy[c] : block.Occupancy[c];
            total += weighted ? scale * block.WeightSum : block.Count;
        }
        for (var c = 0; c < length; c++) shares[c] /= total;
        return shares;
    }
}
