using NorthKoreaShadowWar.Batches;
using NorthKoreaShadowWar.Results;
using ScottPlot;

namespace NorthKoreaShadowWar.Reporting;

/// <summary>Plots of a batch of named runs: every probability of every run side by side, and each distribution's curves overlaid.</summary>
internal static class BatchPlots
{
    /// <summary>The height that gives every run of every quantity room.</summary>
    public static int SharesHeight(int quantities, int runs) => Math.Max(ReportStyle.Height, quantities * (10 * runs + 16) + 160);

    /// <summary>
    /// Each share quantity (given as indices into each run's rows) as a group of dots with their 95% intervals, one
    /// colour per run, the runs in batch order from the top of the group down.
    /// </summary>
    public static Plot Shares(BatchResult result, IReadOnlyList<int> quantities)
    {
        var plot = ReportStyle.NewPlot("Probabilities in every run, with 95% intervals", "% of trials", "");
        var runs = result.Batch.Runs.Count;
        var slot = 0.8 / runs;
        for (var r = 0; r < runs; r++)
        {
            var color = ReportStyle.State(r);
            var ys = new double[quantities.Count];
            var xs = new double[quantities.Count];
            for (var q = 0; q < quantities.Count; q++)
            {
                var row = result.Rows[r][quantities[q]];
                ys[q] = quantities.Count - 1 - q + 0.4 - slot * (r + 0.5);
                xs[q] = 100 * row.Estimate;
                var whisker = plot.Add.Line(100 * row.Ci95.Lower, ys[q], 100 * row.Ci95.Upper, ys[q]);
                whisker.Color = color;
                whisker.LineWidth = 2;
            }
            var dots = plot.Add.ScatterPoints(xs, ys);
            dots.Color = color;
            dots.MarkerSize = 6;
            dots.LegendText = result.Batch.Runs[r].Label;
        }
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            quantities.Select((_, q) => (double)(quantities.Count - 1 - q)).ToArray(), quantities.Select(q => result.Rows[0][q].Label).ToArray());
        plot.Axes.SetLimitsY(-0.6, quantities.Count - 0.4);
        // Below the chart, where it hides no dot.
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }

    /// <summary>Distribution outcome <paramref name="outcome"/> (an index into each run's outcomes) as every run's cumulative distribution, overlaid.</summary>
    public static Plot Cumulatives(BatchResult result, int outcome)
    {
        var name = result.Results[0].Outcomes[outcome].Name;
        var plot = ReportStyle.NewPlot($"{name}: cumulative distributions", name, "% of trials at or below");
        foreach (var ((run, runResult), r) in result.Pairs.Select((pair, r) => (pair, r)))
            if (OutcomePlots.AddCumulative(plot, (DistributionResult)runResult.Outcomes[outcome], ReportStyle.State(r)) is { } line)
                line.LegendText = run.Label;
        plot.Axes.SetLimitsY(0, 102);
        plot.ShowLegend(Alignment.LowerRight);
        return plot;
    }
}
