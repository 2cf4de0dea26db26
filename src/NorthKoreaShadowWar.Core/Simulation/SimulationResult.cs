using System.Globalization;
using NorthKoreaShadowWar.Compilation;
using NorthKoreaShadowWar.Statistics;

namespace NorthKoreaShadowWar.Simulation;

/// <summary>The raw totals of a run: counts per cell, histograms, and per-value moments and quantile sketches.</summary>
internal sealed class SimulationResult
{
    /// <summary>The model that was run.</summary>
    public required CompiledModel Model { get; init; }

    /// <summary>The settings it was run with.</summary>
    public required RunSettings Settings { get; init; }

    /// <summary>Trials completed.</summary>
    public required long Trials { get; init; }

    /// <summary>
    /// For a run stopped early (cancelled), the trials that were asked for; <see cref="Trials"/> are then the first whole
    /// blocks of them. Null for a complete run.
    /// </summary>
    public long? TrialsRequested { get; init; }

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

    /// <summary>
    /// Per value outcome, per block of <see cref="RunSettings.BlockSize"/> trials in trial order: the moments of the
    /// final value. Kept so that consecutive runs can be merged into exactly the numbers of one run.
    /// </summary>
    internal RunningMoments[][] BlockMoments { get; init; } = default!;

    /// <summary>Per value outcome: moments of the final value (<see cref="BlockMoments"/> merged in block order).</summary>
    internal RunningMoments[] ValueMoments { get; init; } = default!;

    /// <summary>Per value outcome: the quantile sketch of the final value.</summary>
    internal QuantileSketch[] ValueSketches { get; init; } = default!;

    /// <summary>Threads used.</summary>
    public int Threads => Settings.Threads;

    /// <summary>
    /// The result of running the trials of <paramref name="first"/> and then those of <paramref name="next"/>, which
    /// must start where <paramref name="first"/> ended, at a multiple of <see cref="RunSettings.BlockSize"/>: the same
    /// numbers, bit for bit, as one run of both ranges (counts add; moments are merged block by block in trial order,
    /// as one run merges them; quantile sketches merge in any order). Times add; neither input is changed.
    /// </summary>
    /// <exception cref="ArgumentException">The runs are of different models or seeds, or their trials are not consecutive whole blocks.</exception>
    public static SimulationResult Concatenate(SimulationResult first, SimulationResult next)
    {
        if (!ReferenceEquals(first.Model, next.Model)) throw new ArgumentException("the runs are of different models", nameof(next));
        if (first.Settings.Seed != next.Settings.Seed) throw new ArgumentException("the runs have different seeds", nameof(next));
        var firstEnd = first.Settings.FirstTrial + first.Trials;
        if (first.Trials != first.Settings.Trials || next.Settings.FirstTrial != firstEnd || firstEnd % RunSettings.BlockSize != 0)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"the next run must start at trial {firstEnd}, the end of a complete first run, and that must be a multiple of {RunSettings.BlockSize}"), nameof(next));
        var blocks = first.BlockMoments.Zip(next.BlockMoments, (a, b) => a.Concat(b).ToArray()).ToArray();
        var sketches = first.ValueSketches.Zip(next.ValueSketches, (a, b) =>
        {
            var merged = new QuantileSketch();
            merged.Add(a);
            merged.Add(b);
            return merged;
        }).ToArray();
        return new SimulationResult
        {
            Model = first.Model,
            Settings = first.Settings with { Trials = first.Settings.Trials + next.Settings.Trials, Threads = Math.Max(first.Threads, next.Threads) },
            Trials = first.Trials + next.Trials,
            MachineSteps = first.MachineSteps + next.MachineSteps,
            SimulateTime = first.SimulateTime + next.SimulateTime,
            Occupancy = Sum(first.Occupancy, next.Occupancy),
            FirstStep = first.FirstStep.Zip(next.FirstStep, Sum).ToArray(),
            StepsIn = first.StepsIn.Zip(next.StepsIn, Sum).ToArray(),
            BlockMoments = blocks,
            ValueMoments = MergeInBlockOrder(blocks),
            ValueSketches = sketches,
        };
    }

    /// <summary>
    /// Each value's block moments merged in block order: floating-point merging is not associative, so a fixed
    /// order is what makes the numbers independent of threads and of how a run was split.
    /// </summary>
    internal static RunningMoments[] MergeInBlockOrder(RunningMoments[][] blockMoments)
    {
        var moments = new RunningMoments[blockMoments.Length];
        for (var v = 0; v < blockMoments.Length; v++)
            foreach (var block in blockMoments[v]) moments[v].Add(block);
        return moments;
    }

    private static long[] Sum(long[] a, long[] b) => a.Zip(b, (x, y) => x + y).ToArray();
}
