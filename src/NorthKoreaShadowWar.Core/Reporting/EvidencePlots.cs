using NorthKoreaShadowWar.Updating;
using ScottPlot;

namespace NorthKoreaShadowWar.Reporting;

/// <summary>For an update: each drawn parameter's prior and posterior densities, overlaid.</summary>
internal static class EvidencePlots
{
    public static IReadOnlyList<ReportPlot> Build(EvidenceSummary evidence) =>
        evidence.Parameters.Where(p => p.Bins.Count > 1).Select(p => new ReportPlot($"parameter-{p.Name}", ReportPlotKind.Histogram, p.Name,
            $"{p.Name}: prior (grey) and posterior (blue) densities; posterior mean {EvidenceReport.Short(p.PosteriorMean)}, "
            + $"90% in [{EvidenceReport.Short(p.Posterior90.P05)}, {EvidenceReport.Short(p.Posterior90.P95)}] (prior {EvidenceReport.Short(p.PriorMean)}, "
            + $"[{EvidenceReport.Short(p.Prior90.P05)}, {EvidenceReport.Short(p.Prior90.P95)}]).",
            () => Draw(p), 2)).ToList();

    private static Plot Draw(ParameterShift parameter)
    {
        var plot = ReportStyle.NewPlot($"{parameter.Name}: prior and posterior", parameter.Name, "density");
        var xs = parameter.Bins.ToArray();
        foreach (var (density, color, label) in new[]
                 {
                     (parameter.PriorDensity, Colors.Gray, "prior"),
                     (parameter.PosteriorDensity, ReportStyle.Estimate, "posterior"),
                 })
        {
            var line = plot.Add.Scatter(xs, density.ToArray());
            line.Color = color;
            line.LineWidth = 2.5f;
            line.MarkerSize = 0;
            line.ConnectStyle = ConnectStyle.StepVertical;
            line.LegendText = label;
        }
        plot.ShowLegend(Edge.Right);
        plot.Axes.Margins(0.02, 0.05);
        return plot;
    }
}
