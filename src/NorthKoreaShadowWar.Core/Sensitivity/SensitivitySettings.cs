namespace NorthKoreaShadowWar.Sensitivity;

/// <summary>The size, seed and threads of a sensitivity analysis.</summary>
internal sealed record SensitivitySettings
{
    /// <summary>The default base sample size N of the Sobol design.</summary>
    public const int DefaultSobolSamples = 4096;

    /// <summary>The default number of trials run at each setting of the tornado.</summary>
    public const int DefaultTornadoTrials = 10_000;

    /// <summary>The probabilities at which each parameter is set low and high in the tornado: its 10th and 90th percentiles.</summary>
    public const double LowQuantile = 0.1, HighQuantile = 0.9;

    /// <summary>
    /// The base sample size N of the Sobol design: rows of each of the matrices A and B. The design runs
    /// N·(2k + 3) trials for k uncertain parameters; 0 skips the Sobol indices.
    /// </summary>
    public int SobolSamples { get; init; } = DefaultSobolSamples;

    /// <summary>Trials at each of the 2k + 1 settings of the tornado (all medians, then each parameter low and high); 0 skips the tornado.</summary>
    public int TornadoTrials { get; init; } = DefaultTornadoTrials;

    /// <summary>The seed of every random stream: the design's parameter draws, the trials' chance and the bootstrap.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Worker threads; the numbers are the same for any value.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Bootstrap resamples (of the design's rows) behind each Sobol index's 95% interval.</summary>
    public int BootstrapResamples { get; init; } = 500;

    /// <summary>The trials the Sobol design runs for <paramref name="parameters"/> uncertain parameters: N·(2k + 3).</summary>
    public long SobolTrials(int parameters) => SobolDesign.EvaluationsFor(SobolSamples, parameters);

    /// <summary>The trials the tornado runs for <paramref name="parameters"/> uncertain parameters: (2k + 1) settings of <see cref="TornadoTrials"/>.</summary>
    public long TornadoTrialsInAll(int parameters) => (long)TornadoTrials * (2 * parameters + 1);
}
