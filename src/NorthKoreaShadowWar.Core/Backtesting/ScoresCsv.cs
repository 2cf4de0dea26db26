using System.Text;
using NorthKoreaShadowWar.Results;

namespace NorthKoreaShadowWar.Backtesting;

/// <summary>Writes a backtest's tables: <c>scores.csv</c> (one row per forecast) and <c>calibration.csv</c> (one row per bin).</summary>
internal static class ScoresCsv
{
    /// <summary>The columns of scores.csv, in order.</summary>
    public static readonly IReadOnlyList<string> ScoreColumns =
        ["folder", "outcome", "category", "forecast", "observed", "brier", "log_score", "pit", "in_90", "crps"];

    /// <summary>The columns of calibration.csv, in order.</summary>
    public static readonly IReadOnlyList<string> CalibrationColumns =
        ["bin_low", "bin_high", "count", "happened", "mean_forecast", "observed_frequency", "ci95_low", "ci95_high"];

    /// <summary>Writes scores.csv into <paramref name="path"/>.</summary>
    public static void WriteScores(Backtest backtest, string path)
    {
        var csv = new StringBuilder();
        CsvWriter.Row(csv, ScoreColumns);
        foreach (var s in backtest.Scores)
            CsvWriter.Row(csv, [s.Folder, s.Outcome, s.Category ?? "", CsvWriter.Number(s.Forecast), s.Observed, N(s.Brier), N(s.LogScore), N(s.PercentileRank),
                s.Within90 is { } within ? (within ? "true" : "false") : "", N(s.Crps)]);
        File.WriteAllText(path, csv.ToString(), new UTF8Encoding(false));
    }

    /// <summary>Writes calibration.csv into <paramref name="path"/>.</summary>
    public static void WriteCalibration(Backtest backtest, string path)
    {
        var csv = new StringBuilder();
        CsvWriter.Row(csv, CalibrationColumns);
        foreach (var b in backtest.Calibration)
            CsvWriter.Row(csv, [CsvWriter.Number(b.Low), CsvWriter.Number(b.High), b.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                b.Happened.ToString(System.Globalization.CultureInfo.InvariantCulture), CsvWriter.Number(b.MeanForecast), CsvWriter.Number(b.ObservedFrequency),
                b.Count == 0 ? "" : CsvWriter.Number(b.Ci95.Lower), b.Count == 0 ? "" : CsvWriter.Number(b.Ci95.Upper)]);
        File.WriteAllText(path, csv.ToString(), new UTF8Encoding(false));
    }

    private static string N(double? value) => value is { } v ? CsvWriter.Number(v) : "";
}
