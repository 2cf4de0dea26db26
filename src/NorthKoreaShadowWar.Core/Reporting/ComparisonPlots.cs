using NorthKoreaShadowWar.Comparison;
using NorthKoreaShadowWar.Results;
using ScottPlot;

namespace NorthKoreaShadowWar.Reporting;

/// <summary>Plots of a comparison: the differences with their intervals, and each distribution of A and B overlaid.</summary>
internal static class ComparisonPlots
{
    private static readonly Color ColorA = ReportStyle.State(0);
    private static readonly Color ColorB = ReportStyle.State(1);

    /// <summary>The height that gives each of <paramref name="rows"/> rows of a chart room for its label.</summary>
    public static int HeightFor(int rows) => Math.Max(ReportStyle.Height, 26 * rows + 140);

    /// <summary>
    /// Every probability-scale difference B − A in percentage points as a dot with its 95% interval; behind it, in
    /// grey, the interval two independent runs would have given (the gain from common random numbers).
    /// </summary>
    public static Plot Differences(ComparisonResult comparison, IReadOnlyList<ComparisonRow> rows)
    {
        var plot = ReportStyle.NewPlot($"{comparison.LabelB} minus {comparison.LabelA}", "difference, percentage points (95% interval)", "");
        var zero = plot.Add.VerticalLine(0);
        zero.Color = Colors.DarkSlateGray;
        zero.LinePattern = LinePattern.Dashed;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var y = rows.Count - 1 - i;
            if (row.Paired)
            {
                var independent = plot.Add.Line(100 * row.IndependentCi95.Lower, y, 100 * row.IndependentCi95.Upper, y);
                independent.LineWidth = 9;
                independent.Color = Colors.Gray.WithAlpha(0.35);
            }
            var color = row.SignificantAfterHolm ? Colors.FireBrick : Colors.Black;
            var whisker = plot.Add.Line(100 * row.DifferenceCi95.Lower, y, 100 * row.DifferenceCi95.Upper, y);
            whisker.LineWidth = 2;
            whisker.Color = color;
            var dot = plot.Add.Marker(100 * row.Difference, y);
            dot.Color = color;
            dot.Size = 8;
        }
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            rows.Select((_, i) => (double)(rows.Count - 1 - i)).ToArray(), rows.Select(r => r.Quantity.Label).ToArray());
        plot.Axes.SetLimitsY(-0.7, rows.Count - 0.3);
        return plot;
    }

    /// <summary>
    /// A distribution outcome of A and of B as overlaid cumulative distribution functions; a side without its points
    /// (read from summary.json) is drawn through its minimum, quantiles and maximum (see <see cref="OutcomePlots.AddQuantileCurve"/>).
    /// </summary>
    public static Plot Cumulatives(ComparisonResult comparison, DistributionResult a, DistributionResult b)
    {
        var plot = ReportStyle.NewPlot($"{a.Name}: cumulative distributions", a.Name, "% of trials at or below");
        static ScottPlot.Plottables.Scatter? Add(Plot plot, DistributionResult outcome, Color color) =>
            outcome.Points.Count > 0 ? OutcomePlots.AddCumulative(plot, outcome, color) : OutcomePlots.AddQuantileCurve(plot, outcome, color);
        if (Add(plot, a, ColorA) is { } lineA) lineA.LegendText = comparison.LabelA;
        if (Add(plot, b, ColorB) is { } lineB) lineB.LegendText = comparison.LabelB;
        plot.Axes.SetLimitsY(0, 102);
        plot.ShowLegend(Alignment.LowerRight);
        return plot;
    }
}
