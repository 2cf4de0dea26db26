using System.Diagnostics;
using System.Globalization;
using NorthKoreaShadowWar.Compilation;
using NorthKoreaShadowWar.Diagnostics;

namespace NorthKoreaShadowWar.Simulation;

/// <summary>
/// Runs the trials of a compiled model on several threads. Trials go out in fixed blocks; integer counts are
/// summed (order does not matter) and floating-point moments are merged in block order, so the numbers are
/// identical for any thread count. Memory does not grow with the number of trials beyond one small record
/// of moments per block.
/// </summary>
internal static class MonteCarloRunner
{
    /// <summary>
    /// Runs <paramref name="settings"/>.Trials trials from trial <paramref name="settings"/>.FirstTrial on; reports the
    /// trials completed so far in this run to <paramref name="progress"/>. When <paramref name="cancellation"/> is
    /// signalled, blocks already started are finished and no new block is started: the result then holds exactly the
    /// first k whole blocks (the numbers of a run of k × <see cref="RunSettings.BlockSize"/> trials), its
    /// <see cref="SimulationResult.TrialsRequested"/> saying how many were asked for.
    /// </summary>
    /// <exception cref="SimulationException">The scenario did something impossible in some trial: the first such trial, whatever the thread count.</exception>
    /// <exception cref="ArgumentException">FirstTrial is negative or not a multiple of <see cref="RunSettings.BlockSize"/>.</exception>
    public static SimulationResult Run(CompiledModel model, RunSettings settings, Action<long>? progress = null, CancellationToken cancellation = default)
    {
        if (settings.FirstTrial < 0 || settings.FirstTrial % RunSettings.BlockSize != 0)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"the first trial must be a non-negative multiple of {RunSettings.BlockSize}, got {settings.FirstTrial}"), nameof(settings));
        var end = settings.FirstTrial + settings.Trials;
        var blockCount = RunAccumulator.BlockCount(settings.Trials);
        var accumulator = new RunAccumulator(model, settings);
        var nextBlock = -1;
        long completed = 0;
        var threads = (int)Math.Clamp(settings.Threads, 1, Math.Max(1, Math.Min(blockCount, ThreadsWithinTallyBudget(model))));
        var failure = new FirstFailure();
        var stopwatch = Stopwatch.StartNew();
        ParallelTrials.For(threads, threads, _ =>
        {
            var worker = accumulator.CreateWorker();
            Span<double> values = stackalloc double[model.ValuePrograms.Length];
            Span<double> secondValues = stackalloc double[model.ValuePrograms.Length];
            int block;
            // Cancellation is checked before a block is claimed, and a claimed block is always finished: blocks are
            // claimed in order, so the finished ones are always a prefix 0..k-1.
            while (!cancellation.IsCancellationRequested && (block = Interlocked.Increment(ref nextBlock)) < blockCount && !failure.Skips(block))
            {
                var first = settings.FirstTrial + (long)block * RunSettings.BlockSize;
                var last = Math.Min(end, first + RunSettings.BlockSize);
                var trial = first;
                try
                {
                    for (; trial + 1 < last && !failure.Skips(block); trial += 2) worker.RunTwo(trial, block, values, secondValues);
                    if (trial + 1 == last) worker.Run(trial, block, values);
                }
                catch (SimulationException e)
                {
                    failure.Record(block, e);
                    break;
                }
                progress?.Invoke(Interlocked.Add(ref completed, last - first));
            }
            accumulator.Merge(worker);
        });
        stopwatch.Stop();
        failure.ThrowIfAny();
        var blocksFinished = Math.Min(blockCount, nextBlock + 1);
        return blocksFinished == blockCount
            ? accumulator.Finish(stopwatch.Elapsed, threads)
            : accumulator.FinishPrefix(blocksFinished, stopwatch.Elapsed, threads);
    }

    /// <summary>The memory all workers' per-step counts may take together (docs/scenario-format.md, "Limits").</summary>
    public const long TallyMemoryBudget = 2L * 1024 * 1024 * 1024;

    /// <summary>
    /// How many workers' counts fit in <see cref="TallyMemoryBudget"/>: each keeps three 8-byte counts per state and step.
    /// Fewer workers change no number, since counts add up to the same totals in any order.
    /// </summary>
    internal static long ThreadsWithinTallyBudget(CompiledModel model) =>
        Math.Max(1, TallyMemoryBudget / Math.Max(1, 24L * (model.Horizon + 1) * model.TotalStates));
}
