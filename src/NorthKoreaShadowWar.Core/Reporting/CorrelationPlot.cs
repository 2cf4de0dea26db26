using System.Globalization;
using NorthKoreaShadowWar.Results;
using ScottPlot;

namespace NorthKoreaShadowWar.Reporting;

/// <summary>A correlated pair of parameters as a scatter plot of their draws in the first trials.</summary>
internal static class CorrelationPlot
{
    public static Plot Draw(CorrelationResult correlation)
    {
        var target = correlation.Target.ToString("0.##", CultureInfo.InvariantCulture);
        var achieved = correlation.Achieved.ToString("0.00", CultureInfo.InvariantCulture);
        var plot = ReportStyle.NewPlot($"{correlation.First} and {correlation.Second}: rank correlation {achieved} (target {target})",
            correlation.First, correlation.Second);
        var xs = correlation.Points.Select(p => p.First).ToArray();
        var ys = correlation.Points.Select(p => p.Second).ToArray();
        plot.Add.Markers(xs, ys, MarkerShape.FilledCircle, 4, ReportStyle.Estimate.WithAlpha(0.35));
        return plot;
    }
}
