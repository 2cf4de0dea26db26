using NorthKoreaShadowWar.Description;
using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Scenarios.Validation;

namespace NorthKoreaShadowWar.Reporting;

/// <summary>Writes the plots (PNG and SVG, in <c>plots/</c>) and <c>report.html</c> of a run into its results folder.</summary>
internal static class ReportWriter
{
    /// <summary>Renders every plot and writes the report; returns the plots written.</summary>
    public static IReadOnlyList<ReportPlot> Write(RunResult result, ResolvedScenario scenario, string directory) =>
        Write(result, scenario, directory, lead: null);

    /// <summary>
    /// Renders every plot and writes the report with <paramref name="lead"/>'s section first (its plots saved with the
    /// others and handed to it as PNG); returns the plots written.
    /// </summary>
    public static IReadOnlyList<ReportPlot> Write(RunResult result, ResolvedScenario scenario, string directory, ReportLead? lead)
    {
        var runPlots = ReportPlots.Build(result, scenario);
        var plots = lead is null ? runPlots : [.. lead.Plots, .. runPlots];
        var images = PlotFiles.Save(plots.Select(p => (p.FileStem, p.Draw, ReportStyle.Height)).ToList(), directory);
        var leadCount = plots.Count - runPlots.Count;
        var leadHtml = lead?.Html(plots.Take(leadCount).Select((p, i) => (p, images[i])).ToList());
        var html = HtmlReport.Render(result, scenario, runPlots.Select((p, i) => (p, images[leadCount + i])).ToList(), DiagramRenderer.Render(scenario), leadHtml,
            RunHeadlines.Of(result, lead?.Findings ?? []));
        File.WriteAllText(Path.Combine(directory, "report.html"), html);
        return plots;
    }
}

/// <summary>A section that opens a report (before its outcomes), with plots of its own.</summary>
internal sealed record ReportLead(IReadOnlyList<ReportPlot> Plots, Func<IReadOnlyList<(ReportPlot Plot, byte[] Png)>, string> Html)
{
    /// <summary>The findings of the lead section, put before the run's own at the top of the report (see <see cref="Headlines"/>).</summary>
    public IReadOnlyList<string> Findings { get; init; } = [];
}
