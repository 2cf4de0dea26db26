namespace NorthKoreaShadowWar.Updating;

/// <summary>
/// What one block of particles (trials) gave: each particle's weight relative to the block's largest, its outcomes
/// and drawn parameters, and the block's occupancy, weighted and unweighted. Blocks are independent: block b uses only
/// the random streams of its own trials, so it is the same whichever thread or shard runs it.
/// </summary>
internal sealed class ParticleBlock
{
    public required int Index { get; init; }

    /// <summary>The largest log weight in the block (−∞ when every particle has weight zero).</summary>
    public required double MaxLogWeight { get; init; }

    /// <summary>exp(log weight − <see cref="MaxLogWeight"/>) per particle.</summary>
    public required double[] Weights { get; init; }

    /// <summary>Particle i's outcomes at i × outcome count (as <c>ReadOutcomes</c> gives them).</summary>
    public required float[] Outcomes { get; init; }

    /// <summary>Particle i's random parameters at i × random parameter count.</summary>
    public required float[] Parameters { get; init; }

    /// <summary>Particle i's event flags (1 = still open at as_of) at i × event count.</summary>
    public required byte[] OpenEvents { get; init; }

    /// <summary>Occupancy after each step weighted by <see cref="Weights"/>: [t × total states + state].</summary>
    public required double[] WeightedOccupancy { get; init; }

    /// <summary>Occupancy after each step, unweighted (the prior).</summary>
    public required long[] Occupancy { get; init; }

    /// <summary>The latest observation (in evaluation order) that gave some particle of the block weight zero, or −1.</summary>
    public required int LastKiller { get; init; }

    /// <summary>How many distinct trials the particles with weight above zero descend from (after resampling, copies share one).</summary>
    public required int DistinctOrigins { get; init; }

    /// <summary>Moves of the parameters proposed in the block, and accepted (0 without moves).</summary>
    public long MovesProposed { get; init; }

    /// <inheritdoc cref="MovesProposed"/>
    public long MovesAccepted { get; init; }

    public int Count => Weights.Length;

    /// <summary>The sum of <see cref="Weights"/>, added in particle order.</summary>
    public double WeightSum
    {
        get
        {
            var sum = 0.0;
            foreach (var w in Weights) sum += w;
            return sum;
        }
    }

    /// <summary>log Z_b: the log of the mean likelihood of the evidence over the block's particles.</summary>
    public double LogEvidence => double.IsNegativeInfinity(MaxLogWeight) ? double.NegativeInfinity : MaxLogWeight + Math.Log(WeightSum / Count);
}
