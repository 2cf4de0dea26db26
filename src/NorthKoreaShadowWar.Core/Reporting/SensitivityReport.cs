using System.Globalization;
using System.Text;
using NorthKoreaShadowWar.Comparison;
using NorthKoreaShadowWar.Sensitivity;
using ScottPlot;
using static NorthKoreaShadowWar.Reporting.HtmlReport;

namespace NorthKoreaShadowWar.Reporting;

/// <summary>Writes a sensitivity analysis' plots (PNG and SVG, in <c>plots/</c>) and its self-contained <c>report.html</c>.</summary>
internal static class SensitivityReport
{
    /// <summary>Renders the plots of <paramref name="result"/> and the report into <paramref name="directory"/>.</summary>
    public static void Write(SensitivityResult result, string directory)
    {
        var plots = new List<(string Stem, Func<Plot> Draw, int Height)>();
        var captions = new List<string>();
        foreach (var outcome in result.Outcomes)
        {
            var stem = SensitivityOutcomes.FileStem(outcome.Quantity);
            if (outcome.Tornado.Count > 0)
            {
                plots.Add(($"{stem}-tornado", () => SensitivityPlots.Tornado(outcome), ComparisonPlots.HeightFor(outcome.Tornado.Count)));
                captions.Add($"{outcome.Label} with each parameter at its 10th and 90th percentile (values in brackets) and every other "
                    + "parameter at its median, with 95% intervals; the dashed line is the value with every parameter at its median. "
                    + "Sorted by the size of the swing.");
            }
            if (outcome.Sobol.Count > 0)
            {
                plots.Add(($"{stem}-sobol", () => SensitivityPlots.Sobol(outcome), ComparisonPlots.HeightFor(2 * outcome.Sobol.Count)));
                var chance = outcome.Sobol.FirstOrDefault(s => s.Input == SensitivityRunner.Chance)?.Total.Value;
                captions.Add($"Sobol indices of the expected value of {outcome.Label}: the share of its variance over the parameters that each "
                    + "parameter explains alone (first-order) and with its interactions (total), with 95% bootstrap intervals; sorted by total. "
                    + (chance is { } share && double.IsFinite(share) ? $"Chance, the trials' own randomness, makes {Index(share)} of the variance of single trials; " : "")
                    + "the per-trial indices are in the table.");
            }
        }
        var images = PlotFiles.Save(plots, directory);
        var figures = plots.Select((p, i) => (p.Stem, Caption: captions[i], Png: images[i])).ToList();
        File.WriteAllText(Path.Combine(directory, "report.html"), Render(result, figures));
    }

    /// <summary>The one-line answer: "Most influential for OUTCOME: PARAM (total index X, 95% CI [a, b])", or null without Sobol indices.</summary>
    /// <remarks>The total index is that of the outcome's expected value (<see cref="SobolIndex.TotalShareOfExpectedVariance"/>).</remarks>
    public static string? Answer(OutcomeSensitivity outcome) => outcome.MostInfluential?.TotalShareOfExpectedVariance is { } total
        ? $"Most influential for {outcome.Label}: {outcome.MostInfluential.Input} (total index {Index(total.Value)}, 95% CI [{Index(total.Ci95.Lower)}, {Index(total.Ci95.Upper)}])"
        : null;

    /// <summary>An index in three decimals, or "–".</summary>
    public static string Index(double value) => double.IsFinite(value) ? value.ToString("0.000", CultureInfo.InvariantCulture) : "–";

    private static string Render(SensitivityResult result, IReadOnlyList<(string Stem, string Caption, byte[] Png)> figures)
    {
        var source = result.Scenario.Source;
        var title = $"Sensitivity: {source.Title ?? source.Name}";
        var settings = result.Settings;
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{E(title)}</title>\n<style>{Style}</style>\n</head>\n<body>\n");
        html.Append(CultureInfo.InvariantCulture, $"<h1>{E(title)}</h1>\n<p class=\"muted\">{E(Describe(result))}</p>\n");
        html.Append(Headlines.Render(SensitivityHeadlines.Of(result)));
        foreach (var warning in result.Warnings) html.Append(CultureInfo.InvariantCulture, $"<p style=\"color:#b00\">Warning: {E(warning)}</p>\n");
        html.Append("<p>Which assumption matters most? The <b>tornado</b> moves one uncertain parameter at a time from its 10th to its 90th "
            + "percentile, every other parameter at its median, and shows how far the outcome moves (the <i>swing</i>). Every setting runs the "
            + "same trials with the same random numbers, so the swing's interval is narrow. The <b>Sobol indices</b> let every parameter vary "
            + "over its whole distribution at once: the <i>first-order</i> index is the share of the outcome's variance a parameter explains on "
            + "its own, the <i>total</i> index the share it explains alone or together with others. A total index near 0 means the assumption "
            + "hardly matters.</p>\n");
        html.Append("<p>Parameters are ranked by the <b>total index of the expected value</b>: the share of the variance of the outcome's "
            + "expected value (for a probability outcome, of the probability itself) that a parameter explains alone or with other parameters. "
            + "The per-trial total index also counts how a parameter reshuffles the random numbers a trial draws (a machine that stops moving "
            + "earlier or later shifts every later draw), which says nothing about the assumption; the per-trial indices are shown for "
            + "completeness.</p>\n");
        html.Append("<p><b>chance</b> stands for the trial's own randomness (which way each machine moves each step, given the parameters). "
            + "Its total index is the part of the trial-to-trial variation that no assumption explains: for a probability it is usually most "
            + "of it, since one trial's outcome is 0 or 1 whatever the parameters. The <i>share of expected variance</i> looks past it: each "
            + "parameter's share of the variance of the outcome's expected value (the probability itself, for a probability outcome).</p>\n");
        foreach (var outcome in result.Outcomes) Outcome(html, outcome, figures);
        Parameters(html, result);
        html.Append("<h2>How this was run</h2>\n<table>\n");
        foreach (var (key, value) in new (string, string)[]
        {
            ("scenario", source.Name), ("variant", result.Variant ?? "none"), ("overrides", result.Overrides.Count == 0 ? "none" : string.Join(", ", result.Overrides)),
            ("seed", settings.Seed.ToString(CultureInfo.InvariantCulture)),
            ("tornado", settings.TornadoTrials == 0 ? "not run" : string.Create(CultureInfo.InvariantCulture, $"{settings.TornadoTrials:N0} trials at each of {2 * result.Parameters.Count + 1} settings")),
            ("Sobol design", settings.SobolSamples == 0 ? "not run" : string.Create(CultureInfo.InvariantCulture, $"N = {settings.SobolSamples:N0} rows, N·(2k + 3) = {settings.SobolTrials(result.Parameters.Count):N0} trials; "
                + $"{settings.BootstrapResamples} bootstrap resamples")),
            ("cost", string.Create(CultureInfo.InvariantCulture, $"{result.Trials:N0} trials, {result.MachineSteps:N0} machine-steps in {result.SimulateTime.TotalSeconds:F1} s")),
        })
            html.Append(CultureInfo.InvariantCulture, $"<tr><th>{E(key)}</th><td>{E(value)}</td></tr>\n");
        html.Append($"</table>\n<script>{ImageCheck}</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Outcome(StringBuilder html, OutcomeSensitivity outcome, IReadOnlyList<(string Stem, string Caption, byte[] Png)> figures)
    {
        var share = SensitivityOutcomes.IsShare(outcome.Quantity);
        string Show(double value) => share ? Percent(value) : Number(value);
        string Interval((double Lower, double Upper) ci, Func<double, string> show) => $"{show(ci.Lower)} – {show(ci.Upper)}";
        html.Append(CultureInfo.InvariantCulture, $"<h2>{E(outcome.Label)}</h2>\n");
        if (Answer(outcome) is { } answer) html.Append(CultureInfo.InvariantCulture, $"<p><b>{E(answer)}</b></p>\n");
        if (outcome.AtMedians is { } medians) html.Append(CultureInfo.InvariantCulture, $"<p>With every parameter at its median: {Show(medians.Value)} ({Interval(medians.Ci95, Show)}).</p>\n");
        html.Append("<table>\n<tr><th>input</th><th>total index of the expected value</th><th>first-order index of the expected value</th>"
            + "<th>p10 / p90</th><th>low</th><th>high</th><th>swing</th><th>total index per trial</th><th>first-order index per trial</th></tr>\n");
        foreach (var (input, bar, index) in outcome.Rows)
        {
            string Cell(Estimate? estimate, Func<double, string> show) =>
                estimate is null ? "<td></td>" : $"<td class=\"n\">{show(estimate.Value)}<br><span class=\"muted\">{Interval(estimate.Ci95, show)}</span></td>";
            html.Append($"<tr><td>{E(input)}</td>" + Cell(index?.TotalShareOfExpectedVariance, Index) + Cell(index?.ShareOfExpectedVariance, Index)
                + $"<td class=\"n\">{(bar is null ? "" : $"{SensitivityPlots.Setting(bar.LowSetting)} / {SensitivityPlots.Setting(bar.HighSetting)}")}</td>"
                + $"<td class=\"n\">{(bar is null ? "" : Show(bar.Low.Value))}</td><td class=\"n\">{(bar is null ? "" : Show(bar.High.Value))}</td>"
                + Cell(bar?.Swing, share ? Points : Number) + Cell(index?.Total, Index) + Cell(index?.FirstOrder, Index) + "</tr>\n");
        }
        html.Append("</table>\n");
        var stem = SensitivityOutcomes.FileStem(outcome.Quantity);
        foreach (var (figureStem, caption, png) in figures.Where(f => f.Stem.StartsWith(stem + "-", StringComparison.Ordinal)))
            html.Append(CultureInfo.InvariantCulture, $"<figure id=\"{E(figureStem)}\"><img alt=\"{E(figureStem)}\" src=\"data:image/png;base64,{Convert.ToBase64String(png)}\"><figcaption>{E(caption)}</figcaption></figure>\n");
    }

    private static string Points(double value) => (100 * value).ToString("+0.0;−0.0;0.0", CultureInfo.InvariantCulture) + " pts";

    private static void Parameters(StringBuilder html, SensitivityResult result)
    {
        html.Append("<h2>Uncertain parameters</h2>\n<table>\n<tr><th>parameter</th><th>distribution</th></tr>\n");
        foreach (var parameter in result.Scenario.Parameters.Where(p => result.Parameters.Contains(p.Name)))
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(parameter.Name)}</td><td>{E(parameter.Distribution.Describe())}</td></tr>\n");
        html.Append("</table>\n");
    }

    /// <summary>What was analysed, in one line.</summary>
    public static string Describe(SensitivityResult result)
    {
        var settings = result.Settings;
        return $"{result.Scenario.Source.Name}" + (result.Variant is null ? "" : $", variant {result.Variant}")
            + (result.Overrides.Count > 0 ? $", with {string.Join(", ", result.Overrides)}" : "")
            + string.Create(CultureInfo.InvariantCulture, $" — {result.Parameters.Count} uncertain parameters, seed {settings.Seed}, {result.Trials:N0} trials in {result.SimulateTime.TotalSeconds:F1} s");
    }
}
