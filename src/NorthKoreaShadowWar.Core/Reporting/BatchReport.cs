using System.Globalization;
using System.Text;
using NorthKoreaShadowWar.Batches;
using NorthKoreaShadowWar.Results;
using ScottPlot;
using static NorthKoreaShadowWar.Reporting.HtmlReport;

namespace NorthKoreaShadowWar.Reporting;

/// <summary>
/// Writes a batch's plots (PNG and SVG, in <c>plots/</c>) and its self-contained <c>report.html</c>. For the variants of
/// a scenario: every probability of every run side by side, and each distribution's curves overlaid. For a sweep: each
/// probability, mean, and chance that a first step happens against each swept parameter, and for a grid over two
/// parameters a heatmap of each probability.
/// </summary>
internal static class BatchReport
{
    /// <summary>Renders the plots of <paramref name="result"/> and the report into <paramref name="directory"/>; returns the plots' file stems.</summary>
    public static IReadOnlyList<string> Write(BatchResult result, string directory)
    {
        var plots = Plots(result);
        var images = PlotFiles.Save(plots.Select(p => (p.Stem, p.Draw, p.Height)).ToList(), directory);
        File.WriteAllText(Path.Combine(directory, "report.html"), Render(result, plots.Select((p, i) => (p.Stem, p.Caption, images[i])).ToList()));
        return plots.Select(p => p.Stem).ToList();
    }

    /// <summary>
    /// The quantities a sweep plots and a report tabulates, as indices into each run's rows: probabilities, the chance
    /// that a first step happens, and the means of the other distributions (not each final state).
    /// </summary>
    public static IReadOnlyList<int> Headline(IReadOnlyList<BatchRow> rows) =>
        rows.Select((row, i) => (row, i))
            .Where(x => x.row.Kind == "probability" || x.row.Statistic == BatchRow.Happens
                || (x.row.Statistic == BatchRow.Mean && !rows.Any(r => r.Outcome == x.row.Outcome && r.Statistic == BatchRow.Happens)))
            .Select(x => x.i).ToList();

    private static List<(string Stem, string Caption, Func<Plot> Draw, int Height)> Plots(BatchResult result)
    {
        var plots = new List<(string, string, Func<Plot>, int)>();
        var rows = result.Rows[0];
        var batch = result.Batch;
        if (!batch.IsSweep)
        {
            var shares = Headline(rows).Where(q => rows[q].IsShare).ToList();
            if (shares.Count > 0)
                plots.Add(("probabilities", "Every probability (and the chance that each first step happens) in every run, with its 95% interval.",
                    () => BatchPlots.Shares(result, shares), BatchPlots.SharesHeight(shares.Count, batch.Runs.Count)));
            foreach (var (outcome, o) in result.Results[0].Outcomes.Select((outcome, o) => (outcome, o)).Where(x => x.outcome is DistributionResult))
                plots.Add(($"{outcome.Name}-cumulative", $"{outcome.Name} in every run: the share of trials at or below each value.",
                    () => BatchPlots.Cumulatives(result, o), ReportStyle.Height));
            return plots;
        }
        foreach (var q in Headline(rows))
        {
            var row = rows[q];
            var stem = row.Statistic == BatchRow.Probability ? row.Outcome : $"{row.Outcome}-{row.Statistic}";
            foreach (var p in Enumerable.Range(0, batch.SweptParameters.Count))
                plots.Add(($"{stem}-vs-{batch.SweptParameters[p]}", Caption(batch, row, p), () => SweepPlots.Against(result, q, p), ReportStyle.Height));
            if (batch.Kind == BatchKind.Grid && batch.SweptParameters.Count == 2 && row.Kind == "probability")
                plots.Add(($"{row.Outcome}-heatmap", $"{row.Outcome} at every point of the grid, in percent.", () => SweepPlots.Heatmap(result, q), ReportStyle.Height));
        }
        return plots;
    }

    private static string Caption(Batch batch, BatchRow row, int parameter)
    {
        var what = $"{row.Label} against {batch.SweptParameters[parameter]}";
        return batch.Kind switch
        {
            BatchKind.LatinHypercube => $"{what}: one dot per point of the Latin hypercube, with its 95% interval.",
            _ when batch.SweptParameters.Count == 1 => $"{what}, with its 95% interval as a band.",
            _ when batch.SweptParameters.Count == 2 => $"{what}: one line per value of {batch.SweptParameters[1 - parameter]}, each with its 95% interval as a band.",
            _ => $"{what}: at each value, the average over the other parameters' values; the band is the average of the intervals.",
        };
    }

    private static string Render(BatchResult result, IReadOnlyList<(string Stem, string Caption, byte[] Png)> plots)
    {
        var batch = result.Batch;
        var title = batch.IsSweep ? $"{batch.ScenarioName}: sweep over {string.Join(", ", batch.SweptParameters)}" : $"{batch.ScenarioName}: all variants";
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{E(title)}</title>\n<style>{Style}</style>\n</head>\n<body>\n");
        html.Append(CultureInfo.InvariantCulture, $"<h1>{E(title)}</h1>\n");
        var design = batch.Kind switch
        {
            BatchKind.Grid => string.Create(CultureInfo.InvariantCulture, $"a grid of {batch.Runs.Count:N0} points"),
            BatchKind.LatinHypercube => string.Create(CultureInfo.InvariantCulture, $"a Latin hypercube of {batch.Runs.Count:N0} points"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{batch.Runs.Count} runs: the base scenario and each variant"),
        };
        var manifest = result.Results[0].Manifest;
        var overrides = batch.Runs[0].Overrides.Take(batch.Runs[0].Overrides.Count - batch.SweptParameters.Count).ToList();
        html.Append(string.Create(CultureInfo.InvariantCulture, $"<p class=\"muted\">{E(manifest.ScenarioFile)}: {E(design)}, {result.Trials:N0} trials each, seed {result.Seed}")
            + (batch.IsSweep && batch.Runs[0].Variant is { } variant ? $", variant <b>{E(variant)}</b>" : "")
            + (overrides.Count > 0 ? $", with {E(string.Join(", ", overrides))}" : "") + ".</p>\n");
        html.Append(Headlines.Render(BatchHeadlines.Of(result)));
        html.Append("<p>Every run used common random numbers: trial <i>i</i> drew the same random streams in every run, so differences "
            + "between runs come from the scenario, not from luck. Each run's own results are in its folder.</p>\n");
        Table(html, result);
        html.Append("<h2>Plots</h2>\n");
        foreach (var (stem, caption, png) in plots)
            html.Append(CultureInfo.InvariantCulture, $"<figure id=\"{E(stem)}\"><img alt=\"{E(stem)}\" src=\"data:image/png;base64,{Convert.ToBase64String(png)}\"><figcaption>{E(caption)}</figcaption></figure>\n");
        html.Append($"<script>{ImageCheck}</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>One row per run: its label (or its parameters' values) and each headline quantity with its interval.</summary>
    private static void Table(StringBuilder html, BatchResult result)
    {
        var batch = result.Batch;
        var headline = Headline(result.Rows[0]);
        html.Append(CultureInfo.InvariantCulture, $"<h2>{(batch.IsSweep ? "Points" : "Runs")}</h2>\n<div style=\"overflow-x: auto\"><table>\n<tr><th>{(batch.IsSweep ? "point" : "run")}</th>");
        foreach (var name in batch.SweptParameters) html.Append(CultureInfo.InvariantCulture, $"<th>{E(name)}</th>");
        foreach (var q in headline) html.Append(CultureInfo.InvariantCulture, $"<th>{E(result.Rows[0][q].Label)}</th>");
        html.Append("</tr>\n");
        foreach (var ((run, _), rows) in result.Pairs.Zip(result.Rows))
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(run.Label)}</td>");
            foreach (var value in run.ParameterValues) html.Append(CultureInfo.InvariantCulture, $"<td class=\"n\">{E(SweepParameter.Format(value))}</td>");
            foreach (var q in headline)
            {
                var row = rows[q];
                string Show(double value) => row.IsShare ? Percent(value) : Number(value);
                html.Append(CultureInfo.InvariantCulture, $"<td class=\"n\">{Show(row.Estimate)}<br><span class=\"muted\">{Show(row.Ci95.Lower)} – {Show(row.Ci95.Upper)}</span></td>");
            }
            html.Append("</tr>\n");
        }
        html.Append("</table></div>\n");
    }
}
