using NorthKoreaShadowWar.Diagnostics;
using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Simulation;

namespace NorthKoreaShadowWar.Batches;

/// <summary>
/// Runs the runs of a batch one after another, each on all threads, every one with the same settings and seed, so
/// trial i draws the same random streams in every run (common random numbers). Each run's results are exactly those of
/// a plain run of the same scenario, variant and overrides with the same seed and trials.
/// </summary>
internal static class BatchRunner
{
    /// <summary>
    /// Loads, checks and compiles the scenario of every run, so that a mistake shows before any trial runs. Returns
    /// the warnings found, each once; or, when a run's scenario has errors, that run's problems, with the run in
    /// <paramref name="failed"/>.
    /// </summary>
    public static IReadOnlyList<Diagnostic> Check(Batch batch, out BatchRun? failed)
    {
        var warnings = new List<Diagnostic>();
        failed = null;
        foreach (var run in batch.Runs)
        {
            try
            {
                warnings.AddRange(Prepare(batch, run).Warnings.Where(w => !warnings.Contains(w)));
            }
            catch (ScenarioException e)
            {
                failed = run;
                return e.Diagnostics;
            }
        }
        return warnings;
    }

    /// <summary>
    /// Runs every run of <paramref name="batch"/> with <paramref name="settings"/>; reports the trials completed so far,
    /// over the whole batch, to <paramref name="progress"/>.
    /// </summary>
    /// <exception cref="ScenarioException">Some run's scenario has errors (<see cref="Check"/> finds them all first).</exception>
    /// <exception cref="SimulationException">A scenario did something impossible in some trial.</exception>
    public static BatchResult Run(Batch batch, RunSettings settings, Action<long>? progress = null)
    {
        var results = new List<RunResult>();
        foreach (var run in batch.Runs)
        {
            var model = Prepare(batch, run).Model;
            var before = results.Count * settings.Trials;
            var simulation = MonteCarloRunner.Run(model, settings, progress is null ? null : done => progress(before + done));
            results.Add(ResultsBuilder.Build(simulation));
        }
        return new BatchResult(batch, results, settings.Trials, settings.Seed);
    }

    private static PreparedScenario Prepare(Batch batch, BatchRun run) => ScenarioPipeline.Prepare(batch.ScenarioFile, run.Variant, run.Overrides);
}
