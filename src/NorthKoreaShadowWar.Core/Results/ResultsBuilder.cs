using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using NorthKoreaShadowWar.Description;
using NorthKoreaShadowWar.Scenarios;
using NorthKoreaShadowWar.Simulation;
using NorthKoreaShadowWar.Statistics;

namespace NorthKoreaShadowWar.Results;

/// <summary>Turns the raw totals of a run into estimates with intervals.</summary>
internal static class ResultsBuilder
{
    /// <summary>The quantiles reported for every distribution.</summary>
    public static readonly IReadOnlyList<(string Label, double Probability)> ReportedQuantiles =
        [("p05", 0.05), ("p25", 0.25), ("p50", 0.50), ("p75", 0.75), ("p95", 0.95)];

    /// <summary>This engine's version, as recorded in every manifest.</summary>
    public static string EngineVersion { get; } =
        typeof(ResultsBuilder).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>
    /// Builds the results of <paramref name="simulation"/>, with the achieved rank correlation of each correlated pair
    /// unless <paramref name="measureCorrelations"/> is false (for intermediate results that nobody will read them from).
    /// </summary>
    public static RunResult Build(SimulationResult simulation, bool measureCorrelations = true)
    {
        var model = simulation.Model;
        var scenario = model.Scenario.Source;
        var manifest = Manifest(model.Scenario, simulation.Settings.Seed, simulation.Trials, "monte-carlo");
        var outcomes = model.Scenario.Outcomes.Select((o, i) => Outcome(simulation, o.Name, o.Definition, model.OutcomeTracker[i])).ToList();
        var performance = new RunPerformance(
            simulation.Threads, simulation.MachineSteps, simulation.SimulateTime.TotalSeconds, Process.GetCurrentProcess().PeakWorkingSet64);
        return new RunResult(manifest, outcomes, Occupancy(simulation), performance)
        {
            TrialsRequested = simulation.TrialsRequested,
            Correlations = measureCorrelations
                ? AchievedCorrelations.Measure(model, simulation.Settings with { Trials = simulation.Trials })
                : [],
        };
    }

    /// <summary>The manifest of a result of <paramref name="scenario"/> obtained by <paramref name="method"/>.</summary>
    public static RunManifest Manifest(Scenarios.Validation.ResolvedScenario scenario, ulong seed, long trials, string method)
    {
        var source = scenario.Source;
        return new RunManifest(source.Name, source.Title, source.AppliedVariant, seed, trials, scenario.Horizon, source.Step.Value,
            source.Sha256, EngineVersion, source.AppliedOverrides, source.SourceFile) { Method = method };
    }

    private static OutcomeResult Outcome(SimulationResult simulation, string name, OutcomeDefinition definition, int tracker)
    {
        var trials = simulation.Trials;
        var horizon = simulation.Model.Horizon;
        var text = OutcomeText.AsWritten(definition);
        switch (definition.Kind)
        {
            case OutcomeKind.Reached:
                var histogram = simulation.FirstStep[tracker];
                var within = definition.Within?.Value ?? horizon;
                long successes = 0;
                for (var t = 0; t <= within; t++) successes += histogram[t];
                return new ProbabilityResult(name, text, Ratio(successes, trials), ConfidenceIntervals.Wilson(successes, trials), successes, trials);
            case OutcomeKind.FirstStep:
                var firstSteps = simulation.FirstStep[tracker];
                var happened = firstSteps[..(horizon + 1)];
                return Distribution(name, text, IntegerHistogram.Moments(happened), rank => IntegerHistogram.ValueAtRank(happened, rank), exact: true,
                    never: Ratio(firstSteps[horizon + 1], trials)) with { Points = Counts(happened), Trials = trials };
            case OutcomeKind.StepsIn:
                var stepsIn = simulation.StepsIn[tracker];
                return Distribution(name, text, IntegerHistogram.Moments(stepsIn), rank => IntegerHistogram.ValueAtRank(stepsIn, rank), exact: true, never: null)
                    with { Points = Counts(stepsIn), Trials = trials };
            case OutcomeKind.Value:
                var sketch = simulation.ValueSketches[tracker];
                return Distribution(name, text, simulation.ValueMoments[tracker], sketch.ValueAtRank, sketch.IsExact, never: null)
                    with { Points = sketch.Points().Select(p => (p.Value, (double)p.Count)).ToList(), Trials = trials };
            default:
                var machine = simulation.Model.Scenario.Machines[tracker];
                var offset = horizon * simulation.Model.TotalStates + simulation.Model.StateOffset[tracker];
                var categories = machine.States.Select((state, s) =>
                {
                    var count = simulation.Occupancy[offset + s];
                    return (state, Ratio(count, trials), ConfidenceIntervals.Wilson(count, trials));
                }).ToList();
                return new CategoricalResult(name, text, categories);
        }
    }

    // valueAtRank gives the value of rank 1..n among the n values, infinite outside (see QuantileRank), which is
    // what makes an order-statistic interval that the data cannot bound on one side come out infinite there.
    private static DistributionResult Distribution(string name, string text, RunningMoments moments, Func<long, double> valueAtRank, bool exact, double? never)
    {
        var count = moments.Count;
        double Quantile(double probability) => count == 0 ? double.NaN : valueAtRank(QuantileRank.Of(probability, count));
        (double, double) QuantileCi95(double probability)
        {
            if (count == 0) return (double.NaN, double.NaN);
            var (lower, upper) = OrderStatisticInterval.Ranks(count, probability);
            return (valueAtRank(lower), valueAtRank(upper));
        }
        return new(name, text, count == 0 ? double.NaN : moments.Mean,
            ConfidenceIntervals.Mean(moments.Mean, moments.StandardDeviation, count),
            moments.StandardDeviation,
            ReportedQuantiles.Select(q => (q.Label, Quantile(q.Probability))).ToList(),
            never, count,
            count == 0 ? double.NaN : moments.Minimum,
            count == 0 ? double.NaN : moments.Maximum,
            exact)
        {
            QuantilesCi95 = ReportedQuantiles.Select(q => (q.Label, QuantileCi95(q.Probability))).ToList(),
        };
    }

    private static IReadOnlyList<(double Value, double Weight)> Counts(long[] histogram) =>
        histogram.Select((count, value) => ((double)value, (double)count)).Where(p => p.Item2 > 0).ToList();

    private static IReadOnlyList<MachineOccupancy> Occupancy(SimulationResult simulation)
    {
        var model = simulation.Model;
        var trials = Math.Max(1, simulation.Trials);
        return model.Scenario.Machines.Select((machine, m) => new MachineOccupancy(machine.Name,
            machine.States.Select((state, s) =>
            {
                var shares = new double[model.Horizon + 1];
                for (var t = 0; t <= model.Horizon; t++)
                    shares[t] = (double)simulation.Occupancy[t * model.TotalStates + model.StateOffset[m] + s] / trials;
                return (state, shares);
            }).ToList())).ToList();
    }

    private static double Ratio(long count, long total) => total == 0 ? double.NaN : (double)count / total;
}
