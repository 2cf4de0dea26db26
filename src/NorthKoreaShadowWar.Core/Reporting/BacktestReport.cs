using System.Globalization;
using System.Text;
using NorthKoreaShadowWar.Backtesting;
using NorthKoreaShadowWar.Results;
using static NorthKoreaShadowWar.Reporting.HtmlReport;

namespace NorthKoreaShadowWar.Reporting;

/// <summary>Writes a backtest's reliability plot (PNG and SVG, in <c>plots/</c>) and its self-contained <c>report.html</c>.</summary>
internal static class BacktestReport
{
    /// <summary>Below this many event forecasts, the report and the terminal say that calibration cannot be judged.</summary>
    public const int FewForecasts = 30;

    /// <summary>Renders the plot and the report of <paramref name="backtest"/> into <paramref name="directory"/>.</summary>
    public static void Write(Backtest backtest, string directory)
    {
        var png = PlotFiles.Save([("reliability", () => ReliabilityPlot.Create(backtest.Calibration), ReportStyle.Height)], directory)[0];
        File.WriteAllText(Path.Combine(directory, "report.html"), Render(backtest, png));
    }

    private static string Render(Backtest backtest, byte[] reliability)
    {
        var html = new StringBuilder();
        var observed = backtest.Observed;
        const string title = "Forecasts scored against what happened";
        html.Append($"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n<style>{Style}</style>\n</head>\n<body>\n");
        html.Append($"<h1>{title}</h1>\n<p class=\"muted\">Observed: {E(observed.File)}" + (observed.Recorded is { } recorded ? $", recorded {E(recorded)}" : "")
            + $"<br>Forecasts: {E(string.Join(", ", backtest.Folders))}</p>\n");
        if (observed.Description is { } description) html.Append(CultureInfo.InvariantCulture, $"<p>{E(description)}</p>\n");
        html.Append("<h2>Scores</h2>\n<table>\n<tr><th>forecasts of</th><th>count</th><th>Brier score</th><th>log score</th></tr>\n");
        foreach (var s in backtest.Summaries)
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{(s.Kind == "probability" ? "events (probability outcomes)" : "final states (categorical outcomes, Brier summed over states)")}</td>"
                + $"<td class=\"n\">{s.Forecasts}</td><td class=\"n\">{Score(s.Brier)}</td><td class=\"n\">{Score(s.LogScore)}</td></tr>\n");
        html.Append("</table>\n<p class=\"muted\">Brier score: the mean squared difference between the probability forecast and what happened (1 or 0); "
            + "0 is perfect, always saying 50% earns 0.25. Log score: the mean natural log of the probability given to what happened; 0 is perfect, "
            + $"lower is worse. Probabilities are clamped to [{BacktestScorer.ProbabilityFloor.ToString("0e0", CultureInfo.InvariantCulture)}, 1 − "
            + $"{BacktestScorer.ProbabilityFloor.ToString("0e0", CultureInfo.InvariantCulture)}] first, so a forecast of 0% for what happened costs about −13.8, not −∞.</p>\n");
        Calibration(html, backtest, reliability);
        Distributions(html, backtest);
        html.Append("<h2>Every event and state forecast</h2>\n<table>\n<tr><th>folder</th><th>outcome</th><th>state</th><th>forecast</th><th>happened</th><th>Brier</th><th>log score</th></tr>\n");
        foreach (var s in backtest.Scores.Where(s => s.Happened is not null))
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(s.Folder)}</td><td>{E(s.Outcome)}</td><td>{E(s.Category ?? "")}</td><td class=\"n\">{Percent(s.Forecast)}</td>"
                + $"<td>{(s.Happened == true ? "yes" : "no")}</td><td class=\"n\">{Score(s.Brier)}</td><td class=\"n\">{Score(s.LogScore)}</td></tr>\n");
        html.Append("</table>\n");
        if (backtest.Unresolved.Count > 0)
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\">Not scored (not recorded in the observed file): {E(string.Join("; ", backtest.Unresolved))}</p>\n");
        html.Append($"<script>{ImageCheck}</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Calibration(StringBuilder html, Backtest backtest, byte[] reliability)
    {
        var events = backtest.Calibration.Sum(b => b.Count);
        html.Append("<h2>Calibration</h2>\n");
        html.Append(string.Create(CultureInfo.InvariantCulture, $"<p>Every event and every state forecast ({events}), grouped by its probability. Of the forecasts near 30%, about 30% should ")
            + "have happened; a bin whose interval misses the diagonal shows forecasts too confident or too timid there.</p>\n");
        if (events < FewForecasts)
            html.Append(CultureInfo.InvariantCulture, $"<p><b>Only {events} forecasts:</b> a handful of forecasts cannot show calibration; the intervals are wide, and the table is a record, not a verdict.</p>\n");
        html.Append("<table>\n<tr><th>forecast</th><th>count</th><th>mean forecast</th><th>happened</th><th>observed frequency</th><th>95% interval</th></tr>\n");
        foreach (var b in backtest.Calibration)
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Percent(b.Low)} – {Percent(b.High)}</td><td class=\"n\">{b.Count}</td><td class=\"n\">{Percent(b.MeanForecast)}</td>"
                + $"<td class=\"n\">{b.Happened}</td><td class=\"n\">{Percent(b.ObservedFrequency)}</td>"
                + $"<td class=\"n\">{(b.Count == 0 ? "" : $"{Percent(b.Ci95.Lower)} – {Percent(b.Ci95.Upper)}")}</td></tr>\n");
        html.Append("</table>\n");
        html.Append($"<figure id=\"reliability\"><img alt=\"reliability\" src=\"data:image/png;base64,{Convert.ToBase64String(reliability)}\">"
            + "<figcaption>Observed frequency against mean forecast for each bin with forecasts, with 95% Wilson intervals and the number of "
            + "forecasts; calibrated forecasts lie on the dashed diagonal.</figcaption></figure>\n");
    }

    private static void Distributions(StringBuilder html, Backtest backtest)
    {
        var distributions = backtest.Distributions;
        if (distributions.Count == 0) return;
        var within = distributions.Count(d => d.Within90 == true);
        html.Append("<h2>Distributions</h2>\n");
        html.Append(string.Create(CultureInfo.InvariantCulture, $"<p>{within} of {distributions.Count} observed values fell within the forecast's central 90% (5th to 95th percentile); ")
            + "well-calibrated forecasts catch about 90%. The percentile rank (PIT) is the share of the forecast below the observed value: "
            + "near 0 or 1 means what happened was in a tail of the forecast. CRPS, in the outcome's units, is 0 for a certain and correct "
            + "forecast and grows with the distance and the spread; it needs every value of the forecast, which a results folder keeps in "
            + $"{DistributionsCsv.FileName}.</p>\n");
        var withoutPoints = distributions.Where(d => d.Crps is null).Select(d => d.Folder).Distinct().ToList();
        if (withoutPoints.Count > 0)
            html.Append($"<p class=\"muted\">No CRPS for {E(string.Join(", ", withoutPoints))}: written without {DistributionsCsv.FileName} (by an earlier "
                + "version of the engine), so only the quantiles of its distributions are known. Run the scenario again to score it.</p>\n");
        html.Append("<table>\n<tr><th>folder</th><th>outcome</th><th>observed</th><th>forecast median</th><th>percentile rank</th><th>within 90%</th><th>CRPS</th></tr>\n");
        foreach (var d in distributions)
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(d.Folder)}</td><td>{E(d.Outcome)}</td><td class=\"n\">{E(d.Observed)}</td><td class=\"n\">{Number(d.Forecast)}</td>"
                + $"<td class=\"n\">{Percent(d.PercentileRank ?? double.NaN)}</td><td>{(d.Within90 == true ? "yes" : "no")}</td><td class=\"n\">{Score(d.Crps)}</td></tr>\n");
        html.Append("</table>\n");
    }

    private static string Score(double? value) => value is { } v && double.IsFinite(v) ? v.ToString("0.####", CultureInfo.InvariantCulture) : "–";
}
