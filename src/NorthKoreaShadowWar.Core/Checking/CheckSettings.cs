using NorthKoreaShadowWar.Updating;

namespace NorthKoreaShadowWar.Checking;

/// <summary>How <c>check</c> runs (see docs/checking.md).</summary>
internal sealed record CheckSettings
{
    /// <summary>Trials drawn from the prior, and particles of the posterior (rounded up to whole blocks of <see cref="UpdateSettings.BlockSize"/>).</summary>
    public long Trials { get; init; } = 65_536;

    /// <summary>Trials simulated from the posterior for the predictive checks (rounded up to whole blocks).</summary>
    public long Replicates { get; init; } = 16_384;

    /// <summary>Below this probability an observation is surprising, or not reproduced by the posterior.</summary>
    public double Threshold { get; init; } = 0.01;

    public ulong Seed { get; init; } = 1;

    public int Threads { get; init; } = Environment.ProcessorCount;
}
