namespace NorthKoreaShadowWar.Results;

/// <summary>What was run: enough to reproduce it exactly.</summary>
internal sealed record RunManifest(
    string Scenario,
    string? Title,
    string? Variant,
    ulong Seed,
    long Trials,
    int Horizon,
    string Step,
    string ScenarioSha256,
    string EngineVersion,
    IReadOnlyList<string> Overrides,
    string ScenarioFile)
{
    /// <summary><c>monte-carlo</c>, or <c>exact</c> for a result computed by propagating the joint distribution.</summary>
    public string Method { get; init; } = "monte-carlo";
}

/// <summary>What the run cost. Machine-steps count one per machine per step actually simulated.</summary>
internal sealed record RunPerformance(int Threads, long MachineSteps, double SimulateSeconds, long PeakWorkingSetBytes)
{
    /// <summary>Wall time of the trial loop per machine-step, in nanoseconds.</summary>
    public double NanosecondsPerMachineStep => MachineSteps == 0 ? 0 : SimulateSeconds * 1e9 / MachineSteps;
}

/// <summary>The results of one run, as written to summary.json, outcomes.csv and occupancy.csv.</summary>
internal sealed record RunResult(
    RunManifest Manifest,
    IReadOnlyList<OutcomeResult> Outcomes,
    IReadOnlyList<MachineOccupancy> Occupancy,
    RunPerformance Performance)
{
    /// <summary>How a run with a precision target (<c>run --precision</c>) went, batch by batch; null for a plain run.</summary>
    public PrecisionSummary? Precision { get; init; }

    /// <summary>For one shard of a run (<c>run --shard K/N</c>): which shard, and of how many trials in all; null otherwise.</summary>
    public ShardInfo? Shard { get; init; }

    /// <summary>
    /// For a run stopped early (Ctrl-C), the trials that were asked for; the results are those of the
    /// <see cref="RunManifest.Trials"/> completed. Null for a complete run.
    /// </summary>
    public long? TrialsRequested { get; init; }

    /// <summary>True when the run was stopped before all the trials asked for were run.</summary>
    public bool Partial => TrialsRequested is not null;

    /// <summary>For a scenario with <c>correlations</c>: each one's target and the rank correlation the draws achieved.</summary>
    public IReadOnlyList<CorrelationResult> Correlations { get; init; } = [];
}

/// <summary>For one machine, the share of trials in each state after each step t = 0..horizon.</summary>
internal sealed record MachineOccupancy(string Machine, IReadOnlyList<(string State, double[] Shares)> States);

/// <summary>Which shard of a run a result is: shard <c>Index</c> of <c>Count</c>, trials <c>FirstTrial</c> on, of <c>TotalTrials</c> in all.</summary>
internal sealed record ShardInfo(int Index, int Count, long FirstTrial, long Trials, long TotalTrials);
