using System.Globalization;
using NorthKoreaShadowWar.Description;
using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Scenarios;
using NorthKoreaShadowWar.Scenarios.Validation;

namespace NorthKoreaShadowWar.Reporting;

/// <summary>
/// Every plot of a run, in report order: the probabilities (with, for a precision-controlled run, how each
/// converged), then each outcome as its kind is best drawn, then each machine's occupancy over time, then each
/// correlated pair of parameters.
/// </summary>
internal static class ReportPlots
{
    /// <summary>The plots of <paramref name="result"/>, labelled from <paramref name="scenario"/>, not yet drawn.</summary>
    public static IReadOnlyList<ReportPlot> Build(RunResult result, ResolvedScenario scenario)
    {
        var storyteller = new Storyteller(scenario);
        var unit = result.Manifest.Step;
        var horizon = result.Manifest.Horizon;
        var plots = new List<ReportPlot>();
        var probabilities = result.Outcomes.OfType<ProbabilityResult>().ToList();
        if (probabilities.Count > 0)
            plots.Add(new ReportPlot("probabilities", ReportPlotKind.Probabilities, "Probabilities",
                "Each probability outcome with its 95% Wilson interval.", () => OutcomePlots.Probabilities(probabilities), probabilities.Count));
        if (result.Precision is { } precision)
            foreach (var p in probabilities)
                plots.Add(new ReportPlot($"convergence-{p.Name}", ReportPlotKind.Convergence, p.Name,
                    $"{p.Name}: the estimate and its 95% interval after each batch; dashed, the final estimate ± the target.",
                    () => ConvergencePlot.Draw(p.Name, precision), precision.Batches.Count));
        foreach (var outcome in result.Outcomes)
        {
            var definition = scenario.Outcomes.Single(o => o.Name == outcome.Name);
            var caption = definition.Definition.Description ?? outcome.Definition;
            switch (outcome)
            {
                case DistributionResult d when definition.Kind == OutcomeKind.FirstStep:
                    plots.Add(new ReportPlot($"{d.Name}-incidence", ReportPlotKind.CumulativeIncidence, d.Name, caption,
                        () => OutcomePlots.CumulativeIncidence(d, horizon, unit), 1));
                    plots.Add(new ReportPlot($"{d.Name}-histogram", ReportPlotKind.Histogram, d.Name, $"{caption} (trials where it happened)",
                        () => OutcomePlots.Histogram(d, $"{unit} of first occurrence"), 1));
                    break;
                case DistributionResult d:
                    var axis = definition.Kind == OutcomeKind.StepsIn
                        ? $"{StepWords.Plural(unit)} in which {definition.Definition.Subject.Text} holds"
                        : definition.At >= 0 ? string.Create(CultureInfo.InvariantCulture, $"{definition.Definition.Subject.Text} after {unit} {definition.At}") : $"{definition.Definition.Subject.Text} at the end";
                    plots.Add(new ReportPlot($"{d.Name}-histogram", ReportPlotKind.Histogram, d.Name, caption, () => OutcomePlots.Histogram(d, axis), 1));
                    plots.Add(new ReportPlot($"{d.Name}-cdf", ReportPlotKind.Cumulative, d.Name, caption, () => OutcomePlots.Cumulative(d, axis), 1));
                    break;
                case CategoricalResult c:
                    var labels = Enumerable.Range(0, c.Categories.Count).Select(s => storyteller.StateLabel(definition.Machine, s)).ToList();
                    plots.Add(new ReportPlot($"{c.Name}", ReportPlotKind.FinalStates, c.Name, caption,
                        () => OutcomePlots.FinalStates(c, labels, horizon, unit), c.Categories.Count));
                    break;
            }
        }
        foreach (var (occupancy, m) in result.Occupancy.Select((o, m) => (o, m)))
        {
            var labels = Enumerable.Range(0, occupancy.States.Count).Select(s => storyteller.StateLabel(m, s)).ToList();
            var machineLabel = storyteller.MachineLabel(m);
            plots.Add(new ReportPlot($"occupancy-{occupancy.Machine}", ReportPlotKind.Occupancy, machineLabel,
                $"{machineLabel}: the share of trials in each state, {unit} by {unit}.",
                () => OccupancyPlot.Draw(occupancy, machineLabel, labels, unit), occupancy.States.Count(s => s.Shares.Any(x => x > 0))));
        }
        foreach (var correlation in result.Correlations.Where(c => c.Points.Count > 0))
            plots.Add(new ReportPlot($"correlation-{correlation.First}-{correlation.Second}", ReportPlotKind.Correlation,
                $"{correlation.First} and {correlation.Second}",
                string.Create(CultureInfo.InvariantCulture, $"{correlation.First} against {correlation.Second} in the first {correlation.Points.Count:N0} trials, one dot per trial."),
                () => CorrelationPlot.Draw(correlation), 1));
        return plots;
    }
}
