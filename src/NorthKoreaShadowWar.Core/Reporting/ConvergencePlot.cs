using System.Globalization;
using NorthKoreaShadowWar.Results;
using ScottPlot;

namespace NorthKoreaShadowWar.Reporting;

/// <summary>
/// A convergence monitor for one probability of a precision-controlled run: the estimate and its 95% interval after
/// each batch, against trials on a doubling (logarithmic) scale, with the final estimate ± the target for reference.
/// </summary>
internal static class ConvergencePlot
{
    public static Plot Draw(string outcome, PrecisionSummary precision)
    {
        var points = precision.Batches
            .Select(b => (b.Trials, Measure: b.Measures.Single(m => m.Kind == PrecisionMeasureKind.Probability && m.Outcome == outcome)))
            .ToList();
        var plot = ReportStyle.NewPlot($"{outcome}: estimate as trials accumulate", "trials (doubling each batch)", "% of trials");
        // Batches double, so log2 spaces them evenly.
        var xs = points.Select(p => Math.Log2(p.Trials)).ToArray();
        var estimates = points.Select(p => 100 * p.Measure.Estimate).ToArray();
        var lowers = points.Select(p => 100 * p.Measure.Ci95.Lower).ToArray();
        var uppers = points.Select(p => 100 * p.Measure.Ci95.Upper).ToArray();
        if (points.Count > 1)
        {
            var band = plot.Add.FillY(xs, lowers, uppers);
            band.FillColor = ReportStyle.Estimate.WithAlpha(0.2);
            band.LineWidth = 0;
            band.LegendText = "95% interval";
        }
        for (var i = 0; i < points.Count; i++)
        {
            var whisker = plot.Add.Line(xs[i], lowers[i], xs[i], uppers[i]);
            whisker.LineWidth = 2;
            whisker.Color = Colors.Black;
        }
        var line = plot.Add.Scatter(xs, estimates);
        line.Color = ReportStyle.Estimate;
        line.LineWidth = 2;
        line.MarkerSize = 8;
        line.LegendText = "estimate";
        var final = estimates[^1];
        var target = 100 * precision.Target;
        foreach (var (y, text) in new[] { (final + target, $"final ± {target.ToString("0.###", CultureInfo.InvariantCulture)} points"), (final - target, "") })
        {
            var reference = plot.Add.HorizontalLine(y);
            reference.LinePattern = LinePattern.Dashed;
            reference.Color = Colors.DarkSlateGray;
            reference.LineWidth = 1.5f;
            // In the legend rather than on the axis, where a line's label would cover the tick labels.
            reference.LegendText = text;
        }
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(xs, points.Select(p => Compact(p.Trials)).ToArray());
        var low = Math.Min(lowers.Min(), final - target);
        var high = Math.Max(uppers.Max(), final + target);
        var margin = Math.Max(0.1, 0.12 * (high - low));
        plot.Axes.SetLimits(xs[0] - 0.5, xs[^1] + 0.5, Math.Max(0, low - margin), Math.Min(100, high + margin));
        plot.ShowLegend(Edge.Right);
        plot.Legend.FontSize = 13;
        return plot;
    }

    /// <summary>A trial count in three significant figures: 10.2k, 164k, 1.31M.</summary>
    internal static string Compact(long trials) => trials switch
    {
        < 1_000 => trials.ToString(CultureInfo.InvariantCulture),
        < 1_000_000 => ThreeFigures(trials / 1e3) + "k",
        < 1_000_000_000 => ThreeFigures(trials / 1e6) + "M",
        _ => ThreeFigures(trials / 1e9) + "G",
    };

    private static string ThreeFigures(double value) =>
        value.ToString(value >= 100 ? "0" : value >= 10 ? "0.#" : "0.##", CultureInfo.InvariantCulture);
}
