using System.Diagnostics;
using NorthKoreaShadowWar.Comparison;
using NorthKoreaShadowWar.Compilation;
using NorthKoreaShadowWar.Simulation;

namespace NorthKoreaShadowWar.Sensitivity;

/// <summary>
/// Runs every evaluation of a design on several threads. Evaluations go out in fixed blocks and each result is
/// stored at its evaluation's index, so the numbers are identical for any thread count.
/// </summary>
internal static class EvaluationRunner
{
    /// <summary>Runs <paramref name="design"/>; reports the evaluations completed so far to <paramref name="progress"/>.</summary>
    /// <exception cref="Diagnostics.SimulationException">The scenario did something impossible in some trial.</exception>
    public static Evaluations Run(CompiledModel model, IEvaluationDesign design, IReadOnlyList<ComparedQuantity> quantities,
        ulong seed, int threads, Action<long>? progress)
    {
        var count = design.Count;
        var values = quantities.Select(_ => new double[count]).ToArray();
        var settings = new RunSettings { Trials = count, Seed = seed, Threads = threads };
        var accumulator = new RunAccumulator(model, settings);
        var blockCount = RunAccumulator.BlockCount(count);
        var nextBlock = -1;
        long completed = 0;
        var workers = Math.Clamp(threads, 1, Math.Max(1, blockCount));
        var failure = new FirstFailure();
        var stopwatch = Stopwatch.StartNew();
        ParallelTrials.For(workers, workers, _ =>
        {
            var worker = accumulator.CreateWorker();
            var parameters = new double[model.RandomParameters.Length];
            worker.Simulator.FixedParameters = parameters;
            var trialValues = new double[model.ValuePrograms.Length];
            var outcomes = new double[model.Scenario.Outcomes.Count];
            int block;
            while ((block = Interlocked.Increment(ref nextBlock)) < blockCount && !failure.Skips(block))
            {
                var first = (long)block * RunSettings.BlockSize;
                var last = Math.Min(count, first + RunSettings.BlockSize);
                try
                {
                    for (var evaluation = first; evaluation < last && !failure.Skips(block); evaluation++)
                    {
                        design.ParametersOf(evaluation, parameters);
                        worker.Run(design.TrialOf(evaluation), block, trialValues);
                        worker.Simulator.ReadOutcomes(trialValues, outcomes);
                        for (var q = 0; q < quantities.Count; q++) values[q][evaluation] = quantities[q].Read(outcomes, fromA: true);
                    }
                }
                catch (Diagnostics.SimulationException e)
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
        var result = accumulator.Finish(stopwatch.Elapsed, workers);
        return new Evaluations(values, result.MachineSteps, stopwatch.Elapsed);
    }
}
