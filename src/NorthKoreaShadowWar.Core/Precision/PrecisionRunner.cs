using NorthKoreaShadowWar.Compilation;
using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Simulation;

namespace NorthKoreaShadowWar.Precision;

/// <summary>
/// Runs trials in batches (<see cref="BatchSchedule"/>) until every probability, share and mean is as precise as asked,
/// or the trial limit is reached. Each batch continues where the last ended, never re-running a trial, and trial i
/// always draws from the streams of (seed, i): a run that stops after N trials gives exactly the numbers of a plain
/// run of N trials with the same seed.
/// </summary>
internal static class PrecisionRunner
{
    /// <summary>
    /// Runs <paramref name="model"/> from <paramref name="initial"/> (its Trials are the first batch's, rounded up to
    /// whole blocks) until <paramref name="precision"/> is met. <paramref name="runBatch"/> runs one batch (default:
    /// <see cref="MonteCarloRunner.Run"/>); <paramref name="batchDone"/> hears of each batch as it ends.
    /// </summary>
    /// <returns>The results of all trials run, with <see cref="RunResult.Precision"/> telling how it went.</returns>
    /// <exception cref="Diagnostics.SimulationException">The scenario did something impossible in some trial.</exception>
    public static RunResult Run(CompiledModel model, RunSettings initial, PrecisionSettings precision,
        Func<RunSettings, SimulationResult>? runBatch = null, Action<PrecisionBatch>? batchDone = null)
    {
        runBatch ??= settings => MonteCarloRunner.Run(model, settings);
        var batches = new List<PrecisionBatch>();
        SimulationResult? simulation = null;
        RunResult? result = null;
        foreach (var end in BatchSchedule.Ends(initial.Trials, precision.MaximumTrials))
        {
            var start = simulation?.Trials ?? 0;
            var batch = runBatch(initial with { FirstTrial = initial.FirstTrial + start, Trials = end - start });
            simulation = simulation is null ? batch : SimulationResult.Concatenate(simulation, batch);
            result = ResultsBuilder.Build(simulation, measureCorrelations: false);
            var state = new PrecisionBatch(end, PrecisionMeasures.Of(result, precision.Target));
            batches.Add(state);
            batchDone?.Invoke(state);
            if (state.Met) break;
        }
        return result! with
        {
            Precision = new PrecisionSummary(precision.Target, precision.MaximumTrials, batches[^1].Met, simulation!.Trials, batches),
            Correlations = AchievedCorrelations.Measure(model, simulation.Settings with { Trials = simulation.Trials }),
        };
    }
}
