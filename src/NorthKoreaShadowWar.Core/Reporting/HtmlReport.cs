using System.Globalization;
using System.Net;
using System.Text;
using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Scenarios.Validation;

namespace NorthKoreaShadowWar.Reporting;

/// <summary>
/// A self-contained report: one HTML file with its images inline and no external resources, so it opens
/// offline in any browser and can be mailed as it is.
/// </summary>
internal static class HtmlReport
{
    internal const string Style = """
        body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 2rem auto; max-width: 1000px; color: #222; line-height: 1.45; }
        h1 { font-size: 1.7rem; margin-bottom: .2rem; } h2 { margin-top: 2.2rem; border-bottom: 1px solid #ccc; }
        table { border-collapse: collapse; margin: .8rem 0; font-size: .92rem; }
        code { font-size: .8rem; }
        th, td { border-bottom: 1px solid #e3e3e3; padding: .3rem .6rem; text-align: left; vertical-align: top; }
        td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        figure { margin: 1.2rem 0; } figure img { max-width: 100%; border: 1px solid #eee; }
        figcaption { font-size: .9rem; color: #555; } .muted { color: #666; font-size: .9rem; }
        .diagram svg { max-width: 100%; height: auto; }
        pre { background: #f6f6f6; padding: .8rem; overflow-x: auto; font-size: .8rem; }
        @media print { h2 { page-break-before: auto; } figure { page-break-inside: avoid; } }
        """;

    /// <summary>
    /// Counts the images that loaded and says so on the page if any did not; the counts are left on the body
    /// (<c>data-images</c>, <c>data-images-broken</c>) where a headless browser can read them.
    /// </summary>
    internal const string ImageCheck = """
        window.addEventListener('load', function () {
          var images = document.images, broken = 0;
          for (var i = 0; i < images.length; i++) if (!images[i].complete || images[i].naturalWidth === 0) broken++;
          document.body.setAttribute('data-images', String(images.length));
          document.body.setAttribute('data-images-broken', String(broken));
          if (broken > 0) {
            var warning = document.createElement('p');
            warning.textContent = broken + ' image(s) in this report failed to load.';
            warning.style.color = '#b00';
            document.body.insertBefore(warning, document.body.firstChild);
          }
        });
        """;

    /// <summary>The report's HTML, with <paramref name="plots"/> embedded as PNG.</summary>
    public static string Render(RunResult result, ResolvedScenario scenario, IReadOnlyList<(ReportPlot Plot, byte[] Png)> plots,
        IReadOnlyList<(string Machine, string Html)>? diagrams = null, string? lead = null, IReadOnlyList<string>? findings = null)
    {
        var manifest = result.Manifest;
        var source = scenario.Source;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append(CultureInfo.InvariantCulture, $"<title>{E(manifest.Title ?? manifest.Scenario)}</title>\n<style>{Style}</style>\n</head>\n<body>\n");
        html.Append(CultureInfo.InvariantCulture, $"<h1>{E(manifest.Title ?? manifest.Scenario)}</h1>\n");
        html.Append(string.Create(CultureInfo.InvariantCulture, $"<p class=\"muted\">{manifest.Trials:N0} trials of {manifest.Horizon} {manifest.Step}s")
            + (manifest.Variant is null ? "" : $" — variant <b>{E(manifest.Variant)}</b>")
            + (manifest.Overrides.Count > 0 ? $" — with {E(string.Join(", ", manifest.Overrides))}" : "") + "</p>\n");
        html.Append(Headlines.Render(findings ?? RunHeadlines.Of(result, [])));
        if (lead is not null) html.Append(lead);
        if (source.Description is { } description) html.Append(CultureInfo.InvariantCulture, $"<p>{E(description)}</p>\n");
        if (source.Sources.Count > 0)
        {
            html.Append("<h2>Sources</h2>\n<ul>\n");
            foreach (var item in source.Sources) html.Append(CultureInfo.InvariantCulture, $"<li>{E(item)}</li>\n");
            html.Append("</ul>\n");
        }
        Outcomes(html, result, scenario);
        if (result.Precision is { } precision) Precision(html, precision);
        html.Append("<h2>Plots</h2>\n");
        foreach (var (plot, png) in plots.Where(p => p.Plot.Kind != ReportPlotKind.Correlation)) Figure(html, plot, png);
        if (diagrams is { Count: > 0 })
        {
            html.Append("<h2>State diagrams</h2>\n");
            foreach (var (machine, diagram) in diagrams) html.Append(CultureInfo.InvariantCulture, $"<h3>{E(machine)}</h3>\n{diagram}\n");
        }
        Parameters(html, scenario);
        Correlations(html, result, plots.Where(p => p.Plot.Kind == ReportPlotKind.Correlation).ToList());
        Manifest(html, result);
        html.Append($"<script>{ImageCheck}</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Outcomes(StringBuilder html, RunResult result, ResolvedScenario scenario)
    {
        string About(OutcomeResult outcome)
        {
            var description = scenario.Outcomes.Single(o => o.Name == outcome.Name).Definition.Description;
            return (description is null ? "" : $"{E(description)}<br>") + $"<code class=\"muted\">{E(outcome.Definition)}</code>";
        }
        html.Append("<h2>Outcomes</h2>\n");
        var probabilities = result.Outcomes.OfType<ProbabilityResult>().ToList();
        if (probabilities.Count > 0)
        {
            html.Append("<h3>Probabilities</h3>\n<table>\n<tr><th>outcome</th><th>estimate</th><th>95% interval</th><th>what it is</th></tr>\n");
            foreach (var p in probabilities)
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(p.Name)}</td><td class=\"n\">{Percent(p.Estimate)}</td><td class=\"n\">{Percent(p.Ci95.Lower)} – {Percent(p.Ci95.Upper)}</td><td>{About(p)}</td></tr>\n");
            html.Append("</table>\n");
        }
        var distributions = result.Outcomes.OfType<DistributionResult>().ToList();
        if (distributions.Count > 0)
        {
            html.Append("<h3>Distributions</h3>\n<table>\n<tr><th>outcome</th><th>mean</th><th>95% interval</th><th>p05<br><span class=\"muted\">95% interval</span></th><th>p50<br><span class=\"muted\">95% interval</span></th><th>p95<br><span class=\"muted\">95% interval</span></th><th>never</th><th>what it is</th></tr>\n");
            foreach (var d in distributions)
            {
                // Each quantile with its order-statistic interval beneath it, when there is one.
                string Q(string label)
                {
                    var value = Number(d.Quantiles.Single(q => q.Label == label).Value);
                    var ci = d.QuantilesCi95.Where(q => q.Label == label).Select(q => q.Ci95).ToList();
                    return ci.Count == 0 ? value : $"{value}<br><span class=\"muted\">{Bound(ci[0].Lower)} – {Bound(ci[0].Upper)}</span>";
                }
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(d.Name)}</td><td class=\"n\">{Number(d.Mean)}</td><td class=\"n\">{Number(d.Ci95.Lower)} – {Number(d.Ci95.Upper)}</td>"
                    + $"<td class=\"n\">{Q("p05")}</td><td class=\"n\">{Q("p50")}</td><td class=\"n\">{Q("p95")}</td>"
                    + $"<td class=\"n\">{(d.Never is { } never ? Percent(never) : "")}</td><td>{About(d)}</td></tr>\n");
            }
            html.Append("</table>\n");
        }
        var categoricals = result.Outcomes.OfType<CategoricalResult>().ToList();
        if (categoricals.Count > 0)
        {
            html.Append("<h3>Final states</h3>\n<table>\n<tr><th>outcome</th><th>state</th><th>share</th><th>95% interval</th></tr>\n");
            foreach (var c in categoricals)
            {
                var first = true;
                foreach (var (category, probability, ci) in c.Categories.Where(x => x.Probability > 0))
                {
                    html.Append(CultureInfo.InvariantCulture, $"<tr><td>{(first ? E(c.Name) : "")}</td><td>{E(category)}</td><td class=\"n\">{Percent(probability)}</td><td class=\"n\">{Percent(ci.Lower)} – {Percent(ci.Upper)}</td></tr>\n");
                    first = false;
                }
            }
            html.Append("</table>\n");
        }
    }

    private static void Precision(StringBuilder html, PrecisionSummary precision)
    {
        var target = precision.Target;
        html.Append("<h2>Precision</h2>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p>Target: every probability and final-state share within ±{Points(target)} percentage points, and every mean within "
            + $"±{(100 * target).ToString("0.###", CultureInfo.InvariantCulture)}% of itself (95% intervals). ");
        html.Append(precision.Met
            ? string.Create(CultureInfo.InvariantCulture, $"<b>Met</b> after {precision.Trials:N0} trials in {precision.Batches.Count} batch(es).</p>\n")
            : string.Create(CultureInfo.InvariantCulture, $"<b>Not met</b>: stopped at the limit of {precision.MaximumTrials:N0} trials (<code>--max-trials</code>).</p>\n"));
        html.Append("<table>\n<tr><th>trials</th><th>intervals within the target</th><th>widest, relative to its target</th></tr>\n");
        foreach (var batch in precision.Batches)
        {
            var widest = batch.Widest;
            var widestText = widest is null ? "" : $"{E(widest.Label)}: ±{Figures(widest.HalfWidth)} (allowed ±{Figures(widest.AllowedHalfWidth)})";
            html.Append(CultureInfo.InvariantCulture, $"<tr><td class=\"n\">{batch.Trials:N0}</td><td class=\"n\">{batch.Measures.Count(m => m.Met)} of {batch.Measures.Count}</td><td>{widestText}</td></tr>\n");
        }
        html.Append("</table>\n");
    }

    /// <summary>Three significant figures, for half-widths that may be far below 1.</summary>
    private static string Figures(double value) => double.IsFinite(value) ? value.ToString("G3", CultureInfo.InvariantCulture) : "–";

    private static string Points(double probability) => (100 * probability).ToString("0.###", CultureInfo.InvariantCulture);

    private static void Parameters(StringBuilder html, ResolvedScenario scenario)
    {
        if (scenario.Parameters.Count == 0) return;
        html.Append("<h2>Parameters</h2>\n<p class=\"muted\">Drawn once per trial.</p>\n<table>\n<tr><th>parameter</th><th>distribution</th></tr>\n");
        foreach (var parameter in scenario.Parameters)
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(parameter.Name)}</td><td>{E(parameter.Distribution.Describe())}</td></tr>\n");
        html.Append("</table>\n");
    }

    internal static void Figure(StringBuilder html, ReportPlot plot, byte[] png)
    {
        html.Append(CultureInfo.InvariantCulture, $"<figure id=\"{E(plot.FileStem)}\"><img alt=\"{E(plot.Title)}\" src=\"data:image/png;base64,{Convert.ToBase64String(png)}\">");
        html.Append(CultureInfo.InvariantCulture, $"<figcaption>{E(plot.Caption)}</figcaption></figure>\n");
    }

    /// <summary>Each correlated pair: the rank correlation asked for, the one the draws achieved, and the draws as a scatter plot.</summary>
    private static void Correlations(StringBuilder html, RunResult result, IReadOnlyList<(ReportPlot Plot, byte[] Png)> plots)
    {
        if (result.Correlations.Count == 0) return;
        html.Append("<h2>Correlated parameters</h2>\n<p class=\"muted\">Rank (Spearman) correlations between parameters, drawn through a Gaussian copula; "
            + "achieved: measured on the draws of the run's first trials, with a 95% interval.</p>\n");
        html.Append("<table>\n<tr><th>parameters</th><th>target</th><th>achieved</th><th>95% interval</th><th>trials</th><th>why</th></tr>\n");
        foreach (var c in result.Correlations)
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(c.First)} – {E(c.Second)}</td><td class=\"n\">{Rank(c.Target)}</td><td class=\"n\">{Rank(c.Achieved)}</td>"
                + $"<td class=\"n\">{Rank(c.Ci95.Lower)} – {Rank(c.Ci95.Upper)}</td><td class=\"n\">{c.Trials:N0}</td><td>{E(c.Description ?? "")}</td></tr>\n");
        html.Append("</table>\n");
        foreach (var (plot, png) in plots) Figure(html, plot, png);
    }

    private static string Rank(double value) => double.IsFinite(value) ? value.ToString("0.000", CultureInfo.InvariantCulture) : "–";

    private static void Manifest(StringBuilder html, RunResult result)
    {
        var m = result.Manifest;
        var p = result.Performance;
        html.Append("<h2>How this was run</h2>\n<table>\n");
        foreach (var (key, value) in new (string, string)[]
        {
            ("scenario", m.Scenario), ("file", m.ScenarioFile), ("scenario SHA-256", m.ScenarioSha256), ("variant", m.Variant ?? "none"),
            ("overrides", m.Overrides.Count == 0 ? "none" : string.Join(", ", m.Overrides)), ("seed", m.Seed.ToString(CultureInfo.InvariantCulture)),
            ("trials", m.Trials.ToString("N0", CultureInfo.InvariantCulture)), ("horizon", string.Create(CultureInfo.InvariantCulture, $"{m.Horizon} {m.Step}s")), ("engine version", m.EngineVersion),
            ("cost", string.Create(CultureInfo.InvariantCulture, $"{p.MachineSteps:N0} machine-steps in {p.SimulateSeconds:F2} s on {p.Threads} thread(s), {p.NanosecondsPerMachineStep:F1} ns per machine-step")),
        })
            html.Append(CultureInfo.InvariantCulture, $"<tr><th>{E(key)}</th><td>{E(value)}</td></tr>\n");
        html.Append("</table>\n");
    }

    internal static string E(string text) => WebUtility.HtmlEncode(text);

    /// <summary>An interval's end: a number, or −∞ / +∞ where the values cannot bound that side.</summary>
    private static string Bound(double value) =>
        double.IsNegativeInfinity(value) ? "−∞" : double.IsPositiveInfinity(value) ? "+∞" : Number(value);

    internal static string Percent(double value) => double.IsFinite(value) ? (100 * value).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "–";

    internal static string Number(double value) =>
        !double.IsFinite(value) ? "–" : Math.Abs(value) >= 100 ? value.ToString("N0", CultureInfo.InvariantCulture) : value.ToString("0.##", CultureInfo.InvariantCulture);
}
