using System.Globalization;
using NorthKoreaShadowWar.Batches;
using ScottPlot;

namespace NorthKoreaShadowWar.Reporting;

/// <summary>
/// Plots of a sweep: each quantity against each swept parameter with its 95% interval, and for a grid over two
/// parameters a heatmap of each probability. Shares are drawn in percent.
/// </summary>
internal static class SweepPlots
{
    /// <summary>
    /// Quantity <paramref name="quantity"/> (an index into each run's rows) against swept parameter
    /// <paramref name="parameter"/>. A grid over one parameter: a line with its interval as a band; over two: one such
    /// line per value of the other parameter; over more: at each value, the average over the other parameters (its
    /// band the average of the intervals, which is wider than the average's own). A Latin hypercube: one dot per
    /// point with its interval as a bar.
    /// </summary>
    public static Plot Against(BatchResult result, int quantity, int parameter)
    {
        var batch = result.Batch;
        var first = result.Rows[0][quantity];
        var name = batch.SweptParameters[parameter];
        var plot = ReportStyle.NewPlot($"{first.Label} against {name}", name, first.IsShare ? "% of trials (95% interval)" : $"{first.Label} (95% interval)");
        var scale = first.IsShare ? 100.0 : 1.0;
        var points = result.Pairs.Zip(result.Rows, (pair, rows) => (Values: pair.Run.ParameterValues, Row: rows[quantity])).ToList();
        if (batch.Kind == BatchKind.LatinHypercube)
        {
            foreach (var (values, row) in points)
            {
                var bar = plot.Add.Line(values[parameter], scale * row.Ci95.Lower, values[parameter], scale * row.Ci95.Upper);
                bar.Color = Colors.Gray;
                bar.LineWidth = 1.5f;
            }
            var dots = plot.Add.ScatterPoints(points.Select(p => p.Values[parameter]).ToArray(), points.Select(p => scale * p.Row.Estimate).ToArray());
            dots.Color = ReportStyle.Estimate;
            dots.MarkerSize = 7;
            return plot;
        }
        if (batch.SweptParameters.Count == 2)
        {
            var other = 1 - parameter;
            var lines = points.GroupBy(p => p.Values[other]).OrderBy(g => g.Key).ToList();
            foreach (var (line, i) in lines.Select((g, i) => (g, i)))
            {
                var curve = Band(plot, line.Select(p => (p.Values[parameter], p.Row.Estimate, p.Row.Ci95)).ToList(), scale, ReportStyle.State(i));
                curve.LegendText = $"{batch.SweptParameters[other]} = {SweepParameter.Format(line.Key)}";
            }
            plot.ShowLegend(Alignment.UpperLeft);
            return plot;
        }
        // One parameter, or the average over the others at each value of this one.
        var marginal = points.GroupBy(p => p.Values[parameter]).Select(g => (g.Key, g.Average(p => p.Row.Estimate),
            (g.Average(p => p.Row.Ci95.Lower), g.Average(p => p.Row.Ci95.Upper)))).ToList();
        var single = Band(plot, marginal, scale, ReportStyle.Estimate);
        if (batch.SweptParameters.Count > 2) single.LegendText = "average over the other parameters";
        if (batch.SweptParameters.Count > 2) plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    /// <summary>
    /// Probability quantity <paramref name="quantity"/> over a grid of two parameters as a heatmap, in percent, with a
    /// colour bar; the first parameter across, the second up, each cell labelled with its estimate when there is room.
    /// </summary>
    public static Plot Heatmap(BatchResult result, int quantity)
    {
        var batch = result.Batch;
        var first = result.Rows[0][quantity];
        var (across, up) = (batch.SweptParameters[0], batch.SweptParameters[1]);
        var plot = ReportStyle.NewPlot($"{first.Label} (%)", across, up);
        var xs = batch.Runs.Select(r => r.ParameterValues[0]).Distinct().Order().ToList();
        var ys = batch.Runs.Select(r => r.ParameterValues[1]).Distinct().Order().ToList();
        var cells = new double[ys.Count, xs.Count];
        foreach (var (run, rows) in batch.Runs.Zip(result.Rows))
            // Row 0 of the data is drawn at the top, so the lowest value of the second parameter goes in the last row.
            cells[ys.Count - 1 - ys.IndexOf(run.ParameterValues[1]), xs.IndexOf(run.ParameterValues[0])] = 100 * rows[quantity].Estimate;
        var heatmap = plot.Add.Heatmap(cells);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        heatmap.Rectangle = new CoordinateRect(-0.5, xs.Count - 0.5, -0.5, ys.Count - 0.5);
        var colourBar = plot.Add.ColorBar(heatmap);
        colourBar.Label = "% of trials";
        if (xs.Count * ys.Count <= 100)
            for (var i = 0; i < xs.Count; i++)
                for (var j = 0; j < ys.Count; j++)
                {
                    var value = cells[ys.Count - 1 - j, i];
                    var text = plot.Add.Text(string.Create(CultureInfo.InvariantCulture, $"{value:0.0}"), i, j);
                    text.LabelFontSize = 12;
                    text.LabelAlignment = Alignment.MiddleCenter;
                    text.LabelFontColor = value > (heatmap.DataRange.Min + heatmap.DataRange.Max) / 2 ? Colors.Black : Colors.White;
                }
        plot.Axes.Bottom.TickGenerator = Ticks(xs);
        plot.Axes.Left.TickGenerator = Ticks(ys);
        plot.Axes.SetLimits(-0.5, xs.Count - 0.5, -0.5, ys.Count - 0.5);
        return plot;
    }

    private static ScottPlot.TickGenerators.NumericManual Ticks(IReadOnlyList<double> values) =>
        new(values.Select((_, i) => (double)i).ToArray(), values.Select(v => v.ToString("G4", System.Globalization.CultureInfo.InvariantCulture)).ToArray());

    /// <summary>A line through the estimates with markers, over a translucent band between the interval's ends.</summary>
    private static ScottPlot.Plottables.Scatter Band(Plot plot, IReadOnlyList<(double X, double Estimate, (double Lower, double Upper) Ci95)> points, double scale, Color color)
    {
        var ordered = points.OrderBy(p => p.X).ToList();
        var xs = ordered.Select(p => p.X).ToArray();
        var band = plot.Add.FillY(xs, ordered.Select(p => scale * p.Ci95.Lower).ToArray(), ordered.Select(p => scale * p.Ci95.Upper).ToArray());
        band.FillColor = color.WithAlpha(0.2);
        band.LineWidth = 0;
        var line = plot.Add.Scatter(xs, ordered.Select(p => scale * p.Estimate).ToArray());
        line.Color = color;
        line.LineWidth = 2;
        line.MarkerSize = 6;
        return line;
    }
}
