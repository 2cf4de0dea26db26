using NorthKoreaShadowWar.Compilation;
using NorthKoreaShadowWar.Description;
using NorthKoreaShadowWar.Simulation;

namespace NorthKoreaShadowWar.Tracing;

/// <summary>A group of trials ending in one state of a machine, with one representative path.</summary>
internal sealed record RepresentativePath(int FinalState, long Trials, long Scanned, TracedPath Path);

/// <summary>
/// Sample paths of a scenario, told in plain English. Trial i here is trial i of <c>shadowwar run</c> with the
/// same seed, so a path can be matched to the run it belongs to.
/// </summary>
internal static class PathTracer
{
    /// <summary>The paths of trials <paramref name="trials"/>.</summary>
    public static IReadOnlyList<TracedPath> Trace(CompiledModel model, ulong seed, IEnumerable<long> trials)
    {
        var simulator = new TrialSimulator(model, seed);
        var recorder = new PathRecorder(model, new Storyteller(model.Scenario));
        var values = new double[model.ValuePrograms.Length];
        var paths = new List<TracedPath>();
        foreach (var trial in trials)
        {
            simulator.Run(trial, values, recorder);
            paths.Add(recorder.Path());
        }
        return paths;
    }

    /// <summary>
    /// For each state that machine <paramref name="machine"/> ends in among the first <paramref name="scan"/> trials,
    /// the trial that entered it at the median step among those ending there (the earliest trial on a tie),
    /// traced in full. States no trial ends in are left out.
    /// </summary>
    public static IReadOnlyList<RepresentativePath> Representatives(CompiledModel model, ulong seed, int machine, long scan)
    {
        var simulator = new TrialSimulator(model, seed);
        var observer = new FinalStateObserver(machine);
        var values = new double[model.ValuePrograms.Length];
        var byState = new Dictionary<int, List<(int EnteredAt, long Trial)>>();
        for (long trial = 0; trial < scan; trial++)
        {
            simulator.Run(trial, values, observer);
            if (!byState.TryGetValue(observer.State, out var list)) byState[observer.State] = list = [];
            list.Add((observer.EnteredAt, trial));
        }
        var chosen = byState.OrderBy(e => e.Key).Select(e =>
        {
            var ordered = e.Value.OrderBy(x => x.EnteredAt).ThenBy(x => x.Trial).ToList();
            var medianStep = ordered[(ordered.Count - 1) / 2].EnteredAt;
            var representative = ordered.Where(x => x.EnteredAt == medianStep).Min(x => x.Trial);
            return (State: e.Key, Count: (long)e.Value.Count, Trial: representative);
        }).ToList();
        var paths = Trace(model, seed, chosen.Select(c => c.Trial));
        return chosen.Select((c, i) => new RepresentativePath(c.State, c.Count, scan, paths[i])).ToList();
    }
}
