namespace NorthKoreaShadowWar.Updating;

/// <summary>How an update runs: particles, seed, threads, and when to stop adding blocks.</summary>
internal sealed record UpdateSettings
{
    /// <summary>Particles per block: the unit of work, each block with the random streams of its own trials.</summary>
    public const int BlockSize = 4096;

    /// <summary>The effective sample size below which a posterior is reported as too small to trust.</summary>
    public const double MinimumEss = 200;

    /// <summary>Particles in the first round (rounded up to whole blocks).</summary>
    public long Trials { get; init; } = 65_536;

    /// <summary>The seed every random stream is derived from.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Worker threads; the numbers are the same for any value.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Keep adding blocks (doubling the particles each round) until the effective draws (the smaller of the ESS and the
    /// distinct trials behind the particles) reach this, or null for one round.
    /// </summary>
    public double? TargetEss { get; init; }

    /// <summary>How particles are propagated and weighted.</summary>
    public UpdateMethod Method { get; init; } = UpdateMethod.Smc;

    /// <summary>
    /// Sequential Monte Carlo: sweeps of the move of the parameters after every resampling (0: none, the particles keep
    /// the parameters drawn at the start). See docs/updating.md, "Moving the parameters".
    /// </summary>
    public int Moves { get; init; }

    /// <summary>The most sweeps <see cref="Moves"/> may ask for.</summary>
    public const int MaximumMoves = 100;

    /// <summary>With <see cref="TargetEss"/>: stop at this many particles even if the target is not met.</summary>
    public long MaxTrials { get; init; } = 1_048_576;
}

/// <summary>The two methods of <c>update</c> (see docs/updating.md).</summary>
internal enum UpdateMethod
{
    /// <summary>Sequential Monte Carlo in blocks: resample within a block when its effective sample size falls below half.</summary>
    Smc,
    /// <summary>Importance weighting: every particle keeps its whole path, weighted by the likelihood of all the evidence.</summary>
    Importance,
}
