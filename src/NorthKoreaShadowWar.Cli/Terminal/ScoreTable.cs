using System.Globalization;
using NorthKoreaShadowWar.Backtesting;
using NorthKoreaShadowWar.Reporting;
using Spectre.Console;

namespace NorthKoreaShadowWar.Cli.Terminal;

/// <summary>Prints a backtest: mean scores by kind of forecast, the calibration bins, and the distributions' percentile ranks.</summary>
internal static class ScoreTable
{
    public static void Print(Backtest backtest, string folder)
    {
        var console = OutcomeTable.NewConsole(120);
        console.MarkupLine($"[bold]Forecasts of {backtest.Folders.Count} results folder(s) scored against {Markup.Escape(backtest.Observed.File)}[/]"
            + (backtest.Observed.Recorded is { } recorded ? $" (recorded {Markup.Escape(recorded)})" : ""));
        var scores = OutcomeTable.NewTable("Scores", "forecasts of", "count", "Brier score", "log score");
        foreach (var s in backtest.Summaries)
            scores.AddRow(s.Kind == "probability" ? "events" : "final states (Brier summed over states)", s.Forecasts.ToString(CultureInfo.InvariantCulture), Score(s.Brier), Score(s.LogScore));
        console.Write(scores);
        console.WriteLine($"Brier: 0 is perfect, always saying 50% earns 0.25. Log score: mean ln(probability given to what happened), 0 is perfect; "
            + $"probabilities clamped to [{BacktestScorer.ProbabilityFloor.ToString("0e0", CultureInfo.InvariantCulture)}, 1 - {BacktestScorer.ProbabilityFloor.ToString("0e0", CultureInfo.InvariantCulture)}].");
        var calibration = OutcomeTable.NewTable("Calibration", "forecast", "count", "mean forecast", "observed", "95% interval");
        foreach (var b in backtest.Calibration.Where(b => b.Count > 0))
            calibration.AddRow($"{OutcomeTable.Percent(b.Low)} – {OutcomeTable.Percent(b.High)}", b.Count.ToString(CultureInfo.InvariantCulture),
                OutcomeTable.Percent(b.MeanForecast), OutcomeTable.Percent(b.ObservedFrequency), $"{OutcomeTable.Percent(b.Ci95.Lower)} – {OutcomeTable.Percent(b.Ci95.Upper)}");
        console.Write(calibration);
        var events = backtest.Calibration.Sum(b => b.Count);
        if (events < BacktestReport.FewForecasts)
            console.WriteLine($"note: {events} event and state forecasts; a handful of forecasts cannot show calibration (the intervals are wide).");
        var distributions = backtest.Distributions;
        if (distributions.Count > 0)
        {
            var table = OutcomeTable.NewTable("Distributions", "folder", "outcome", "observed", "forecast median", "percentile rank", "within 90%", "CRPS");
            foreach (var d in distributions)
                table.AddRow(Markup.Escape(d.Folder), Markup.Escape(d.Outcome), Markup.Escape(d.Observed), OutcomeTable.Number(d.Forecast),
                    OutcomeTable.Percent(d.PercentileRank ?? double.NaN), d.Within90 == true ? "yes" : "no", d.Crps is { } crps ? Score(crps) : "–");
            console.Write(table);
            console.WriteLine($"{distributions.Count(d => d.Within90 == true)} of {distributions.Count} observed values within the forecast's 5th to 95th percentile (about 90% expected).");
            if (distributions.Any(d => d.Crps is null))
                console.WriteLine($"note: no CRPS where a folder has no {Results.DistributionsCsv.FileName} (written by an earlier version); run it again to score it.");
        }
        if (backtest.Unresolved.Count > 0) console.WriteLine($"not scored (not in the observed file): {backtest.Unresolved.Count} outcome forecast(s), listed in report.html");
        console.WriteLine($"scores: {folder}");
    }

    private static string Score(double value) => double.IsFinite(value) ? value.ToString("0.####", CultureInfo.InvariantCulture) : "–";
}
