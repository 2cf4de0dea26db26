using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Scenarios.Validation;
using ScottPlot;

namespace NorthKoreaShadowWar.Reporting;

/// <summary>Writes the plots (PNG and SVG, in <c>plots/</c>) and <c>report.html</c> of a run into its results folder.</summary>
public static class ReportWriter
{
    /// <summary>Renders every plot and writes the report; returns the plots written.</summary>
    public static IReadOnlyList<ReportPlot> Write(RunResult result, ResolvedScenario scenario, string directory)
    {
        var plots = ReportPlots.Build(result, scenario);
        var folder = Path.Combine(directory, "plots");
        Directory.CreateDirectory(folder);
        var images = new byte[plots.Count][];
        Parallel.For(0, plots.Count, i =>
        {
            var plot = plots[i].Plot;
            plot.SaveSvg(Path.Combine(folder, plots[i].FileStem + ".svg"), ReportStyle.Width, ReportStyle.Height);
            images[i] = plot.GetImageBytes(ReportStyle.Width, ReportStyle.Height, ImageFormat.Png);
            File.WriteAllBytes(Path.Combine(folder, plots[i].FileStem + ".png"), images[i]);
        });
        var html = HtmlReport.Render(result, scenario, plots.Select((p, i) => (p, images[i])).ToList(), DiagramRenderer.Render(scenario));
        File.WriteAllText(Path.Combine(directory, "report.html"), html);
        return plots;
    }
}
