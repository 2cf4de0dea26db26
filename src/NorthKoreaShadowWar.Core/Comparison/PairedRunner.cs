using System.Diagnostics;
using NorthKoreaShadowWar.Compilation;
using NorthKoreaShadowWar.Simulation;
using NorthKoreaShadowWar.Statistics;

namespace NorthKoreaShadowWar.Comparison;

/// <summary>
/// The moments, over the trials of a paired run, of each compared quantity in A, in B, and of the per-trial
/// difference B − A.
/// </summary>
internal sealed record PairedMoments(RunningMoments A, RunningMoments B, RunningMoments Difference);

/// <summary>Two runs made trial by trial together, and the moments of each compared quantity's paired differences.</summary>
internal sealed record PairedRun(SimulationResult A, SimulationResult B, IReadOnlyList<ComparedQuantity> Quantities, IReadOnlyList<PairedMoments> Moments);

/// <summary>
/// Runs two models with common random numbers: trial i of A and trial i of B use the same random streams (the
/// same seed and trial number), so where the models agree the trials agree, and the difference between them is
/// estimated from per-trial differences with a much narrower interval than two independent runs give. Each side's
/// own numbers are exactly those of a plain run with the same seed and trials.
/// </summary>
internal static class PairedRunner
{
    /// <summary>Runs <paramref name="a"/> and <paramref name="b"/> over the same trials; reports trials completed (of each) to <paramref name="progress"/>.</summary>
    /// <exception cref="Diagnostics.SimulationException">A scenario did something impossible in some trial.</exception>
    public static PairedRun Run(CompiledModel a, CompiledModel b, IReadOnlyList<ComparedQuantity> quantities, RunSettings settings, Action<long>? progress = null)
    {
        var blockCount = RunAccumulator.BlockCount(settings.Trials);
        var accumulatorA = new RunAccumulator(a, settings);
        var accumulatorB = new RunAccumulator(b, settings);
        var paired = quantities.Where(q => q.Reading != QuantityReading.Unpaired).ToList();
        // Per paired quantity, per block: moments of A, of B and of B − A, merged in block order afterwards.
        var blocks = paired.Select(_ => new (RunningMoments A, RunningMoments B, RunningMoments Difference)[blockCount]).ToArray();
        var nextBlock = -1;
        long completed = 0;
        var threads = Math.Clamp(settings.Threads, 1, Math.Max(1, blockCount));
        var failure = new FirstFailure();
        var stopwatch = Stopwatch.StartNew();
        ParallelTrials.For(threads, threads, _ =>
        {
            var workerA = accumulatorA.CreateWorker();
            var workerB = accumulatorB.CreateWorker();
            var valuesA = new double[a.ValuePrograms.Length];
            var valuesB = new double[b.ValuePrograms.Length];
            var outcomesA = new double[a.Scenario.Outcomes.Count];
            var outcomesB = new double[b.Scenario.Outcomes.Count];
            int block;
            while ((block = Interlocked.Increment(ref nextBlock)) < blockCount && !failure.Skips(block))
            {
                var first = settings.FirstTrial + (long)block * RunSettings.BlockSize;
                var last = Math.Min(settings.FirstTrial + settings.Trials, first + RunSettings.BlockSize);
                try
                {
                    RunBlock(first, last, block);
                }
                catch (Diagnostics.SimulationException e)
                {
                    failure.Record(block, e);
                    break;
                }
                progress?.Invoke(Interlocked.Add(ref completed, last - first));
            }
            accumulatorA.Merge(workerA);
            accumulatorB.Merge(workerB);

            void RunBlock(long first, long last, int block)
            {
                for (var trial = first; trial < last && !failure.Skips(block); trial++)
                {
                    workerA.Run(trial, block, valuesA);
                    workerA.Simulator.ReadOutcomes(valuesA, outcomesA);
                    workerB.Run(trial, block, valuesB);
                    workerB.Simulator.ReadOutcomes(valuesB, outcomesB);
                    for (var q = 0; q < paired.Count; q++)
                    {
                        var x = paired[q].Read(outcomesA, fromA: true);
                        var y = paired[q].Read(outcomesB, fromA: false);
                        ref var moments = ref blocks[q][block];
                        moments.A.Add(x);
                        moments.B.Add(y);
                        moments.Difference.Add(y - x);
                    }
                }
            }
        });
        stopwatch.Stop();
        failure.ThrowIfAny();
        var half = stopwatch.Elapsed / 2;
        var merged = blocks.Select(perBlock =>
        {
            RunningMoments x = default, y = default, difference = default;
            foreach (var moments in perBlock)
            {
                x.Add(moments.A);
                y.Add(moments.B);
                difference.Add(moments.Difference);
            }
            return new PairedMoments(x, y, difference);
        }).ToList();
        return new PairedRun(accumulatorA.Finish(half, threads), accumulatorB.Finish(half, threads), paired, merged);
    }
}
