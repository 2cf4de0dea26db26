using System.Globalization;
using System.Text;
using NorthKoreaShadowWar.Simulation;
using NorthKoreaShadowWar.Updating;

namespace NorthKoreaShadowWar;

/// <summary>How to condition a scenario on evidence (docs/updating.md): particles, seed, threads and method.</summary>
public sealed record UpdateOptions
{
    /// <summary>Particles (trials), run in blocks of 4,096; 65,536 by default.</summary>
    public long Trials { get; init; } = 65_536;

    /// <summary>The seed every random stream is derived from; 1 by default.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Worker threads, 1 to <see cref="RunOptions.MaximumThreads"/>; one per core by default. The numbers do not depend on it.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// When set, particles are added (doubling) until the effective draws reach this many, or <see cref="MaxTrials"/>
    /// particles are used; null runs <see cref="Trials"/> particles once.
    /// </summary>
    public double? TargetEffectiveDraws { get; init; }

    /// <summary>With <see cref="TargetEffectiveDraws"/>: the most particles to use; 1,048,576 by default.</summary>
    public long MaxTrials { get; init; } = 1_048_576;

    /// <summary>True for plain importance weighting instead of sequential Monte Carlo in blocks (the default).</summary>
    public bool ImportanceWeighting { get; init; }

    /// <summary>Called after each round of particles with the particles so far and their effective draws; null for none.</summary>
    public Action<long, double>? Progress { get; init; }

    internal UpdateSettings Settings()
    {
        if (Trials < 1 || Trials > RunSettings.MaximumTrials)
            throw new ArgumentOutOfRangeException(nameof(Trials), Trials, string.Create(CultureInfo.InvariantCulture, $"the particles must be between 1 and {RunSettings.MaximumTrials:N0}"));
        if (MaxTrials < 1 || MaxTrials > RunSettings.MaximumTrials)
            throw new ArgumentOutOfRangeException(nameof(MaxTrials), MaxTrials, string.Create(CultureInfo.InvariantCulture, $"the most particles must be between 1 and {RunSettings.MaximumTrials:N0}"));
        if (Threads < 1 || Threads > RunOptions.MaximumThreads)
            throw new ArgumentOutOfRangeException(nameof(Threads), Threads, string.Create(CultureInfo.InvariantCulture, $"the threads must be between 1 and {RunOptions.MaximumThreads:N0}"));
        if (TargetEffectiveDraws is { } target && !(target >= 1))
            throw new ArgumentOutOfRangeException(nameof(TargetEffectiveDraws), target, "the target effective draws must be at least 1");
        return new UpdateSettings
        {
            Trials = Trials, Seed = Seed, Threads = Threads, TargetEss = TargetEffectiveDraws, MaxTrials = MaxTrials,
            Method = ImportanceWeighting ? UpdateMethod.Importance : UpdateMethod.Smc,
        };
    }

    private bool PrintMembers(StringBuilder builder) => RecordMembers.Print(builder, ("Trials", Trials), ("Seed", Seed), ("Threads", Threads), ("TargetEffectiveDraws", TargetEffectiveDraws), ("MaxTrials", MaxTrials), ("ImportanceWeighting", ImportanceWeighting), ("Progress", Progress));
}
