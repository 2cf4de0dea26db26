using System.Diagnostics;
using NorthKoreaShadowWar.Compilation;
using NorthKoreaShadowWar.Diagnostics;
using NorthKoreaShadowWar.Statistics;

namespace NorthKoreaShadowWar.Simulation;

/// <summary>
/// Runs the trials of a compiled model on several threads. Trials go out in fixed blocks; integer counts are
/// summed (order does not matter) and floating-point moments are merged in block order, so the numbers are
/// identical for any thread count. Memory does not grow with the number of trials beyond one small record
/// of moments per block.
/// </summary>
public static class MonteCarloRunner
{
    /// <summary>
    /// Runs <paramref name="settings"/>.Trials trials from trial <paramref name="settings"/>.FirstTrial on; reports the
    /// trials completed so far in this run to <paramref name="progress"/>.
    /// </summary>
    /// <exception cref="SimulationException">The scenario did something impossible in some trial.</exception>
    /// <exception cref="ArgumentException">FirstTrial is negative or not a multiple of <see cref="RunSettings.BlockSize"/>.</exception>
    public static SimulationResult Run(CompiledModel model, RunSettings settings, Action<long>? progress = null, CancellationToken cancellation = default)
    {
        if (settings.FirstTrial < 0 || settings.FirstTrial % RunSettings.BlockSize != 0)
            throw new ArgumentException($"the first trial must be a non-negative multiple of {RunSettings.BlockSize}, got {settings.FirstTrial}", nameof(settings));
        var trials = settings.Trials;
        var end = settings.FirstTrial + trials;
        var blockCount = (int)((trials + RunSettings.BlockSize - 1) / RunSettings.BlockSize);
        var valueCount = model.ValuePrograms.Length;
        var blockMoments = new RunningMoments[valueCount][];
        for (var v = 0; v < valueCount; v++) blockMoments[v] = new RunningMoments[blockCount];
        var totals = new TrialTallies(model);
        var sketches = Enumerable.Range(0, valueCount).Select(_ => new QuantileSketch()).ToArray();
        var nextBlock = -1;
        long completed = 0;
        var threads = (int)Math.Clamp(settings.Threads, 1, Math.Max(1, blockCount));
        var stopwatch = Stopwatch.StartNew();
        ParallelTrials.For(threads, threads, _ =>
        {
            var simulator = new TrialSimulator(model, settings.Seed);
            var workerSketches = Enumerable.Range(0, valueCount).Select(_ => new QuantileSketch()).ToArray();
            Span<double> values = stackalloc double[valueCount];
            int block;
            while ((block = Interlocked.Increment(ref nextBlock)) < blockCount && !cancellation.IsCancellationRequested)
            {
                var first = settings.FirstTrial + (long)block * RunSettings.BlockSize;
                var last = Math.Min(end, first + RunSettings.BlockSize);
                for (var trial = first; trial < last; trial++)
                {
                    simulator.Run(trial, values);
                    for (var v = 0; v < valueCount; v++)
                    {
                        if (double.IsNaN(values[v]) || double.IsInfinity(values[v]))
                            throw new SimulationException($"outcome '{ValueOutcomeName(model, v)}' is {values[v]} in trial {trial} (a division by zero or the log of a number <= 0?)");
                        blockMoments[v][block].Add(values[v]);
                        workerSketches[v].Add(values[v]);
                    }
                }
                progress?.Invoke(Interlocked.Add(ref completed, last - first));
            }
            lock (totals)
            {
                totals.Add(simulator.Tallies);
                for (var v = 0; v < valueCount; v++) sketches[v].Add(workerSketches[v]);
            }
        });
        stopwatch.Stop();
        cancellation.ThrowIfCancellationRequested();
        return new SimulationResult
        {
            Model = model,
            Settings = settings with { Threads = threads },
            Trials = totals.Trials,
            MachineSteps = totals.MachineSteps,
            SimulateTime = stopwatch.Elapsed,
            Occupancy = totals.CompleteOccupancy(),
            FirstStep = totals.FirstStep,
            StepsIn = totals.StepsIn,
            BlockMoments = blockMoments,
            ValueMoments = SimulationResult.MergeInBlockOrder(blockMoments),
            ValueSketches = sketches,
        };
    }

    private static string ValueOutcomeName(CompiledModel model, int valueIndex)
    {
        var outcomes = model.Scenario.Outcomes;
        for (var i = 0; i < outcomes.Count; i++)
            if (outcomes[i].Kind == Scenarios.OutcomeKind.Value && model.OutcomeTracker[i] == valueIndex) return outcomes[i].Name;
        return $"value #{valueIndex}";
    }
}
