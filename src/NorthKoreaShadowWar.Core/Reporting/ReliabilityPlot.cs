using System.Globalization;
using NorthKoreaShadowWar.Backtesting;
using ScottPlot;

namespace NorthKoreaShadowWar.Reporting;

/// <summary>
/// The reliability diagram of a backtest: for each bin of forecast probability with forecasts in it, how often what was
/// forecast happened (with its 95% Wilson interval) against the mean forecast, the number of forecasts beside each
/// point, and the diagonal on which perfectly calibrated forecasts lie.
/// </summary>
internal static class ReliabilityPlot
{
    public static Plot Create(IReadOnlyList<CalibrationBin> bins)
    {
        var plot = ReportStyle.NewPlot("Reliability: how often what was forecast happened", "mean forecast probability, %", "observed frequency, % (95% interval)");
        var diagonal = plot.Add.Line(0, 0, 100, 100);
        diagonal.Color = Colors.Gray;
        diagonal.LinePattern = LinePattern.Dashed;
        diagonal.LegendText = "perfect calibration";
        var filled = bins.Where(b => b.Count > 0).ToList();
        foreach (var bin in filled)
        {
            var x = 100 * bin.MeanForecast;
            var whisker = plot.Add.Line(x, 100 * bin.Ci95.Lower, x, 100 * bin.Ci95.Upper);
            whisker.LineWidth = 2;
            whisker.Color = ReportStyle.Estimate.WithAlpha(0.6);
            var label = plot.Add.Text($"n={bin.Count.ToString(CultureInfo.InvariantCulture)}", x + 1.2, 100 * bin.ObservedFrequency + 2.5);
            label.LabelFontSize = 13;
            label.LabelAlignment = Alignment.MiddleLeft;
        }
        if (filled.Count > 0)
        {
            var points = plot.Add.Scatter(filled.Select(b => 100 * b.MeanForecast).ToArray(), filled.Select(b => 100 * b.ObservedFrequency).ToArray());
            points.Color = ReportStyle.Estimate;
            points.MarkerSize = 10;
            points.LineWidth = 1.5f;
            points.LegendText = "forecasts in a 10% bin";
        }
        else
        {
            plot.Add.Text("no probability forecasts were scored", 20, 50).LabelFontSize = 18;
        }
        plot.Axes.SetLimits(-2, 102, -2, 105);
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }
}
