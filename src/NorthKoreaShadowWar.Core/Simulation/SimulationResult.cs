using NorthKoreaShadowWar.Compilation;
using NorthKoreaShadowWar.Statistics;

namespace NorthKoreaShadowWar.Simulation;

/// <summary>The raw totals of a run: counts per cell, histograms, and per-value moments and quantile sketches.</summary>
public sealed class SimulationResult
{
    /// <summary>The model that was run.</summary>
    public required CompiledModel Model { get; init; }

    /// <summary>The settings it was run with.</summary>
    public required RunSettings Settings { get; init; }

    /// <summary>Trials completed.</summary>
    public required long Trials { get; init; }

    /// <summary>Machine-steps actually simulated (frozen tails are not simulated).</summary>
    public required long MachineSteps { get; init; }

    /// <summary>Wall time of the trial loop alone.</summary>
    public required TimeSpan SimulateTime { get; init; }

    /// <summary>Trials with machine m in state s after step t, at <c>t * totalStates + stateOffset[m] + s</c>.</summary>
    internal long[] Occupancy { get; init; } = default!;

    /// <summary>Per first-step tracker: trials by first step (index horizon + 1: never).</summary>
    internal long[][] FirstStep { get; init; } = default!;

    /// <summary>Per steps-in tracker: trials by number of steps.</summary>
    internal long[][] StepsIn { get; init; } = default!;

    /// <summary>Per value outcome: moments of the final value.</summary>
    internal RunningMoments[] ValueMoments { get; init; } = default!;

    /// <summary>Per value outcome: the quantile sketch of the final value.</summary>
    internal QuantileSketch[] ValueSketches { get; init; } = default!;

    /// <summary>Threads used.</summary>
    public int Threads => Settings.Threads;
}
