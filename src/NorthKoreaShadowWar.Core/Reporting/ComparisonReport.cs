using System.Globalization;
using System.Text;
using NorthKoreaShadowWar.Comparison;
using NorthKoreaShadowWar.Results;
using ScottPlot;
using static NorthKoreaShadowWar.Reporting.HtmlReport;

namespace NorthKoreaShadowWar.Reporting;

/// <summary>Writes a comparison's plots (PNG and SVG, in <c>plots/</c>) and its self-contained <c>report.html</c>.</summary>
internal static class ComparisonReport
{
    /// <summary>Renders the plots of <paramref name="comparison"/> and the report into <paramref name="directory"/>.</summary>
    public static void Write(ComparisonResult comparison, string directory)
    {
        var plots = Plots(comparison);
        var images = PlotFiles.Save(plots.Select(p => (p.Stem, p.Draw, p.Height)).ToList(), directory);
        File.WriteAllText(Path.Combine(directory, "report.html"), Render(comparison, plots.Select((p, i) => (p.Stem, p.Caption, images[i])).ToList()));
    }

    private static List<(string Stem, string Caption, Func<Plot> Draw, int Height)> Plots(ComparisonResult comparison)
    {
        var plots = new List<(string, string, Func<Plot>, int)>();
        var shares = comparison.Rows.Where(IsShare).ToList();
        if (shares.Count > 0)
        {
            plots.Add(("differences", $"Each probability in {comparison.LabelB} minus {comparison.LabelA}, in percentage points, with its 95% interval"
                + (comparison.CommonRandomNumbers ? "; the grey band is the interval two independent runs of the same size would give." : ".")
                + " Red: significant after Holm's correction.",
                () => ComparisonPlots.Differences(comparison, shares), ComparisonPlots.HeightFor(shares.Count)));
        }
        foreach (var row in comparison.Rows.Where(r => !IsShare(r)))
        {
            if (comparison.A.Outcomes[row.Quantity.IndexA] is DistributionResult a && comparison.B.Outcomes[row.Quantity.IndexB] is DistributionResult b)
                plots.Add(($"{row.Quantity.Outcome}-cumulative", $"{row.Quantity.Outcome} in both runs: the share of trials at or below each value"
                    + (a.Points.Count == 0 || b.Points.Count == 0 ? QuantileCurveNote : "."),
                    () => ComparisonPlots.Cumulatives(comparison, a, b), ReportStyle.Height));
        }
        return plots;
    }

    /// <summary>Said of a cumulative plot drawn from a result read back from summary.json.</summary>
    private const string QuantileCurveNote = "; a run read from its summary.json is drawn through its minimum, 5th, 25th, 50th, 75th "
        + "and 95th percentiles and maximum (the markers), joined by straight lines: summary.json keeps those, not every value.";

    private static bool IsShare(ComparisonRow row) => row.Quantity.Statistic is "probability" or "happens";

    private static string Render(ComparisonResult comparison, IReadOnlyList<(string Stem, string Caption, byte[] Png)> plots)
    {
        var html = new StringBuilder();
        var title = $"{comparison.LabelB} against {comparison.LabelA}";
        html.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{E(title)}</title>\n<style>{Style}</style>\n</head>\n<body>\n");
        html.Append(CultureInfo.InvariantCulture, $"<h1>{E(title)}</h1>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\">A: {E(Describe(comparison.A))}<br>B: {E(Describe(comparison.B))}</p>\n");
        html.Append(Headlines.Render(ComparisonHeadlines.Of(comparison)));
        html.Append(comparison.CommonRandomNumbers
            ? "<p>Both runs used common random numbers: trial <i>i</i> of B drew the same random streams as trial <i>i</i> of A, so each difference "
              + "and its interval come from the per-trial differences. The <i>variance reduction</i> column says how many times more trials two "
              + "independent runs would have needed for the same interval.</p>\n"
            : "<p>The two results were run independently, so each difference's interval combines the two runs' own uncertainties.</p>\n");
        if (comparison.A.Outcomes.Concat(comparison.B.Outcomes).OfType<DistributionResult>().Any(d => d.Points.Count == 0 && d.Count > 0))
            html.Append("<p class=\"muted\">A results folder's summary.json keeps each distribution's mean, quantiles, minimum and maximum, not every "
                + "value, so the cumulative plots of runs read from a folder join those points with straight lines: exact at the markers, "
                + "approximate between them.</p>\n");
        html.Append("<p class=\"muted\">A difference is marked significant when its 95% interval excludes 0; with many outcomes compared at once some "
            + "will be by chance, so the Holm column keeps only those that survive Holm's correction for all of them.</p>\n");
        html.Append("<h2>Differences</h2>\n<table>\n<tr><th>quantity</th><th>A</th><th>B</th><th>B − A</th><th>95% interval</th>"
            + (comparison.CommonRandomNumbers ? "<th>variance reduction</th>" : "") + "<th>p</th><th>significant (Holm)</th></tr>\n");
        foreach (var row in comparison.Rows)
        {
            var share = IsShare(row);
            string Show(double value) => share ? Percent(value) : Number(value);
            string Change(double value) => share ? (100 * value).ToString("+0.0;−0.0;0.0", CultureInfo.InvariantCulture) + " pts" : Number(value);
            html.Append($"<tr><td>{E(row.Quantity.Label)}</td><td class=\"n\">{Show(row.A.Value)}</td><td class=\"n\">{Show(row.B.Value)}</td>"
                + $"<td class=\"n\">{Change(row.Difference)}</td><td class=\"n\">{Change(row.DifferenceCi95.Lower)} – {Change(row.DifferenceCi95.Upper)}</td>"
                + (comparison.CommonRandomNumbers ? $"<td class=\"n\">{Reduction(row.VarianceReduction)}</td>" : "")
                + $"<td class=\"n\">{row.PValue.ToString("0.###", CultureInfo.InvariantCulture)}</td>"
                + $"<td>{(row.SignificantAfterHolm ? "<b>yes</b>" : row.Significant ? "not after correction" : "no")}</td></tr>\n");
        }
        html.Append("</table>\n");
        if (comparison.Unmatched.Count > 0)
        {
            html.Append("<p class=\"muted\">Not compared: ");
            html.Append(E(string.Join("; ", comparison.Unmatched)));
            html.Append("</p>\n");
        }
        html.Append("<h2>Plots</h2>\n");
        foreach (var (stem, caption, png) in plots)
            html.Append(CultureInfo.InvariantCulture, $"<figure id=\"{E(stem)}\"><img alt=\"{E(stem)}\" src=\"data:image/png;base64,{Convert.ToBase64String(png)}\"><figcaption>{E(caption)}</figcaption></figure>\n");
        html.Append($"<script>{ImageCheck}</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>A variance reduction for people: "12.3×", or "—" for an unpaired row.</summary>
    public static string Reduction(double? factor) => factor switch
    {
        null => "—",
        double.PositiveInfinity => "∞ (identical in every trial)",
        { } value => value.ToString("0.0", CultureInfo.InvariantCulture) + "×",
    };

    private static string Describe(RunResult result)
    {
        var manifest = result.Manifest;
        return $"{manifest.Scenario}" + (manifest.Variant is null ? "" : $", variant {manifest.Variant}")
            + (manifest.Overrides.Count > 0 ? $", with {string.Join(", ", manifest.Overrides)}" : "")
            + string.Create(CultureInfo.InvariantCulture, $" — {manifest.Trials:N0} trials, seed {manifest.Seed}");
    }
}
