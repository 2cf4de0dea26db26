using System.Globalization;
using NorthKoreaShadowWar.Comparison;
using NorthKoreaShadowWar.Sensitivity;
using ScottPlot;

namespace NorthKoreaShadowWar.Reporting;

/// <summary>Plots of a sensitivity analysis: each outcome's tornado and its Sobol indices. Probabilities are drawn in percent.</summary>
internal static class SensitivityPlots
{
    private static readonly Color LowColor = ReportStyle.State(0);
    private static readonly Color HighColor = ReportStyle.State(1);

    /// <summary>
    /// The tornado: one horizontal bar per parameter, sorted by the size of its swing, starting at the outcome with
    /// every parameter at its median; the outcome with the parameter at its 10th percentile in one colour, at its 90th
    /// in the other, each with its 95% interval; labelled with the parameter's p10 and p90 values.
    /// </summary>
    public static Plot Tornado(OutcomeSensitivity outcome)
    {
        var share = SensitivityOutcomes.IsShare(outcome.Quantity);
        var scale = share ? 100.0 : 1.0;
        var centre = scale * outcome.AtMedians!.Value;
        var bars = outcome.TornadoBySwing.ToList();
        var plot = ReportStyle.NewPlot($"{outcome.Label}: tornado", share ? "% of trials" : outcome.Quantity.Outcome, "");
        var y = (int i) => (double)(bars.Count - 1 - i);
        AddBars(plot, bars.Select((b, i) => (y(i), b.Low)).ToList(), centre, scale, LowColor, "parameter at its 10th percentile");
        AddBars(plot, bars.Select((b, i) => (y(i), b.High)).ToList(), centre, scale, HighColor, "parameter at its 90th percentile");
        var median = plot.Add.VerticalLine(centre);
        median.Color = Colors.DarkSlateGray;
        median.LinePattern = LinePattern.Dashed;
        median.LegendText = $"all parameters at their medians: {Show(outcome.AtMedians.Value, share)}";
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            bars.Select((_, i) => y(i)).ToArray(), bars.Select(b => $"{b.Parameter} ({Setting(b.LowSetting)} / {Setting(b.HighSetting)})").ToArray());
        plot.Axes.SetLimitsY(-0.7, bars.Count - 0.3);
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }

    /// <summary>
    /// Each parameter's first-order and total share of the variance of the outcome's expected value (the indices the
    /// parameters are ranked by) as paired horizontal bars with 95% interval whiskers, sorted by the total share.
    /// Chance has no bar: it is what the expected value averages over.
    /// </summary>
    public static Plot Sobol(OutcomeSensitivity outcome)
    {
        var parameters = outcome.Sobol.Where(s => s.TotalShareOfExpectedVariance is not null)
            .OrderByDescending(s => double.IsFinite(s.TotalShareOfExpectedVariance!.Value) ? s.TotalShareOfExpectedVariance.Value : double.MinValue).ToList();
        var plot = ReportStyle.NewPlot($"{outcome.Label}: Sobol indices of its expected value", "share of the variance of the expected value (95% interval)", "");
        var y = (int i) => (double)(parameters.Count - 1 - i);
        AddBars(plot, parameters.Select((s, i) => (y(i) + 0.2, s.ShareOfExpectedVariance!)).ToList(), 0, 1, LowColor, "first-order (alone)", 0.38);
        AddBars(plot, parameters.Select((s, i) => (y(i) - 0.2, s.TotalShareOfExpectedVariance!)).ToList(), 0, 1, HighColor, "total (with interactions)", 0.38);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            parameters.Select((_, i) => y(i)).ToArray(), parameters.Select(s => s.Input).ToArray());
        plot.Axes.SetLimitsY(-0.7, parameters.Count - 0.3);
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }

    /// <summary>Bars from <paramref name="from"/> to each estimate (times <paramref name="scale"/>) at the given heights, with interval whiskers.</summary>
    private static void AddBars(Plot plot, IReadOnlyList<(double Y, Estimate Estimate)> rows, double from, double scale, Color color, string legend, double size = 0.7)
    {
        var bars = rows.Select(r => new Bar
        {
            Position = r.Y,
            ValueBase = from,
            Value = double.IsFinite(r.Estimate.Value) ? scale * r.Estimate.Value : from,
            Error = 0,
            Size = size,
            FillColor = color.WithAlpha(0.85),
        }).ToList();
        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        barPlot.LegendText = legend;
        foreach (var (y, estimate) in rows.Where(r => double.IsFinite(r.Estimate.Ci95.Lower) && double.IsFinite(r.Estimate.Ci95.Upper)))
        {
            var whisker = plot.Add.Line(scale * estimate.Ci95.Lower, y, scale * estimate.Ci95.Upper, y);
            whisker.LineWidth = 2;
            whisker.Color = Colors.Black;
        }
    }

    private static string Show(double value, bool share) => share ? HtmlReport.Percent(value) : HtmlReport.Number(value);

    /// <summary>A parameter value in four significant figures: 0.002, 3,000.</summary>
    internal static string Setting(double value) =>
        Math.Abs(value) >= 1000 ? value.ToString("N0", CultureInfo.InvariantCulture) : value.ToString("G4", CultureInfo.InvariantCulture);
}
