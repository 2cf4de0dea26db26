namespace NorthKoreaShadowWar.Simulation;

/// <summary>How many trials to run, from which seed, on how many threads.</summary>
internal sealed record RunSettings
{
    /// <summary>Trials are handed to threads in blocks of this many; fixed, so results do not depend on threads.</summary>
    public const int BlockSize = 1024;

    /// <summary>The most trials one run may ask for.</summary>
    public const long MaximumTrials = 10_000_000_000;

    /// <summary>
    /// The number of the first trial to run: the run covers trials FirstTrial .. FirstTrial + Trials − 1, each with the
    /// random streams of its own number, so consecutive ranges together give exactly what one run of them all gives
    /// (see <see cref="SimulationResult.Concatenate"/>). A multiple of <see cref="BlockSize"/>, so blocks line up.
    /// </summary>
    public long FirstTrial { get; init; }

    /// <summary>Number of trials, at least 1.</summary>
    public long Trials { get; init; } = 10_000;

    /// <summary>The seed every random stream is derived from.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Worker threads; the numbers are the same for any value.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Whether the general loop runs the model's per-step code compiled to .NET code (true) or interprets it (false);
    /// null takes <see cref="CodeGeneration.ByDefault"/>. The numbers are the same either way.
    /// </summary>
    public bool? GeneratedCode { get; init; }
}
