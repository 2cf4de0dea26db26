using System.Globalization;
using System.Text;
using NorthKoreaShadowWar.Simulation;

namespace NorthKoreaShadowWar;

/// <summary>How to run a scenario: how many trials, from which seed, on how many threads, with what progress reports.</summary>
public sealed record RunOptions
{
    /// <summary>The most trials one run may ask for.</summary>
    public const long MaximumTrials = RunSettings.MaximumTrials;

    /// <summary>Number of trials, 1 to <see cref="MaximumTrials"/>; 10,000 by default.</summary>
    public long Trials { get; init; } = 10_000;

    /// <summary>The seed every random stream is derived from; 1 by default. Same scenario, same seed: same numbers.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>The most worker threads one run may ask for.</summary>
    public const int MaximumThreads = 1024;

    /// <summary>Worker threads, 1 to <see cref="MaximumThreads"/>; one per core by default. The numbers do not depend on it.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Called with the number of trials completed so far, after each block of 1,024 trials, from the worker threads
    /// (so it must be thread-safe and quick); null for none.
    /// </summary>
    public Action<long>? Progress { get; init; }

    internal RunSettings Settings()
    {
        if (Trials < 1 || Trials > MaximumTrials)
            throw new ArgumentOutOfRangeException(nameof(Trials), Trials, string.Create(CultureInfo.InvariantCulture, $"the trials must be between 1 and {MaximumTrials:N0}"));
        if (Threads < 1 || Threads > MaximumThreads)
            throw new ArgumentOutOfRangeException(nameof(Threads), Threads, string.Create(CultureInfo.InvariantCulture, $"the threads must be between 1 and {MaximumThreads:N0}"));
        return new RunSettings { Trials = Trials, Seed = Seed, Threads = Threads };
    }

    private bool PrintMembers(StringBuilder builder) => RecordMembers.Print(builder, ("Trials", Trials), ("Seed", Seed), ("Threads", Threads), ("Progress", Progress));
}
