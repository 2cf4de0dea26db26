using System.Globalization;
using NorthKoreaShadowWar.Description;
using NorthKoreaShadowWar.Results;
using ScottPlot;

namespace NorthKoreaShadowWar.Reporting;

/// <summary>Draws each kind of outcome with ScottPlot. Probabilities and shares are drawn in percent.</summary>
internal static class OutcomePlots
{
    /// <summary>Every probability outcome as a horizontal bar with its 95% interval.</summary>
    public static Plot Probabilities(IReadOnlyList<ProbabilityResult> outcomes)
    {
        var plot = ReportStyle.NewPlot("Probabilities with 95% intervals", "% of trials", "");
        var bars = outcomes.Select((p, i) => new Bar
        {
            Position = outcomes.Count - 1 - i,
            Value = 100 * p.Estimate,
            Error = 0,
            FillColor = ReportStyle.Estimate.WithAlpha(0.8),
            Label = string.Create(CultureInfo.InvariantCulture, $"{100 * p.Estimate:0.0}%"),
        }).ToList();
        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        foreach (var (p, i) in outcomes.Select((p, i) => (p, i)))
        {
            var y = outcomes.Count - 1 - i;
            var whisker = plot.Add.Line(100 * p.Ci95.Lower, y, 100 * p.Ci95.Upper, y);
            whisker.LineWidth = 2;
            whisker.Color = Colors.Black;
        }
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            outcomes.Select((_, i) => (double)(outcomes.Count - 1 - i)).ToArray(), outcomes.Select(p => p.Name).ToArray());
        plot.Axes.SetLimitsX(0, 105);
        plot.Axes.SetLimitsY(-0.7, outcomes.Count - 0.3);
        return plot;
    }

    /// <summary>A distribution as a histogram (share of trials per bin) with the mean and quantiles marked.</summary>
    public static Plot Histogram(DistributionResult outcome, string valueLabel)
    {
        var plot = ReportStyle.NewPlot($"{outcome.Name}: distribution", valueLabel, "% of trials");
        var total = outcome.Points.Sum(p => p.Weight);
        if (total == 0) return NoData(plot);
        var bins = Bins(outcome.Points);
        var bars = bins.Select(b => new Bar
        {
            Position = b.Centre,
            Value = 100 * b.Count / total,
            Size = b.Width * 0.9,
            FillColor = ReportStyle.Estimate.WithAlpha(0.75),
            LineWidth = 0,
        }).ToList();
        plot.Add.Bars(bars);
        var marks = new List<(string, double, Color)>();
        foreach (var (label, value) in outcome.Quantiles.Where(q => q.Label is "p05" or "p50" or "p95"))
        {
            var line = plot.Add.VerticalLine(value);
            line.LinePattern = LinePattern.Dashed;
            line.Color = Colors.DarkSlateGray;
            marks.Add((label, value, Colors.DarkSlateGray));
        }
        var mean = plot.Add.VerticalLine(outcome.Mean);
        mean.Color = Colors.FireBrick;
        marks.Add(("mean", outcome.Mean, Colors.FireBrick));
        var highest = bars.Max(b => b.Value);
        // The tags hang inside the data area above the tallest bar, in as many rows as they need.
        var xMin = bins[0].Centre - bins[0].Width / 2;
        var xMax = bins[^1].Centre + bins[^1].Width / 2;
        var top = highest * 1.15 / (1 - 3 * PlotTags.RowShare);
        var (_, rows) = PlotTags.AlongTop(plot, marks, xMin, xMax, top);
        if (bins[^1].TailFrom is { } from)
        {
            var last = bars[^1];
            var tail = plot.Add.Text($"≥ {HtmlReport.Number(from)}", last.Position, last.Value);
            tail.LabelFontSize = PlotTags.FontSize;
            tail.LabelAlignment = Alignment.LowerCenter;
            tail.LabelFontColor = Colors.DarkSlateGray;
        }
        plot.Axes.SetLimitsY(0, Math.Max(top, highest * 1.15 / (1 - rows * PlotTags.RowShare)));
        return plot;
    }

    /// <summary>A distribution's empirical cumulative distribution function.</summary>
    public static Plot Cumulative(DistributionResult outcome, string valueLabel)
    {
        var plot = ReportStyle.NewPlot($"{outcome.Name}: cumulative distribution", valueLabel, "% of trials at or below");
        if (AddCumulative(plot, outcome, ReportStyle.Estimate) is null) return NoData(plot);
        plot.Axes.SetLimitsY(0, 102);
        return plot;
    }

    /// <summary>Adds the empirical cumulative distribution function of <paramref name="outcome"/> as a step line; null when it has no values.</summary>
    public static ScottPlot.Plottables.Scatter? AddCumulative(Plot plot, DistributionResult outcome, Color color)
    {
        var total = outcome.Points.Sum(p => p.Weight);
        if (total == 0) return null;
        var xs = new List<double>();
        var ys = new List<double>();
        double running = 0;
        foreach (var (value, weight) in outcome.Points)
        {
            running += weight;
            xs.Add(value);
            ys.Add(100 * running / total);
        }
        var line = plot.Add.Scatter(xs.ToArray(), ys.ToArray());
        line.ConnectStyle = ConnectStyle.StepHorizontal;
        line.MarkerSize = 0;
        line.LineWidth = 2;
        line.Color = color;
        return line;
    }

    /// <summary>
    /// Adds the cumulative distribution of <paramref name="outcome"/> as known from its smallest value, quantiles and
    /// largest value alone (a result read from summary.json has no points): straight lines between them, a marker on
    /// each; null when it has no values.
    /// </summary>
    public static ScottPlot.Plottables.Scatter? AddQuantileCurve(Plot plot, DistributionResult outcome, Color color)
    {
        var knots = DistributionCdf.QuantileKnots(outcome);
        if (knots.Count == 0) return null;
        var line = plot.Add.Scatter(knots.Select(k => k.Value).ToArray(), knots.Select(k => 100 * k.Share).ToArray());
        line.MarkerSize = 7;
        line.LineWidth = 2;
        line.Color = color;
        return line;
    }

    /// <summary>A first step as the share of trials in which it has happened by each step, over the horizon.</summary>
    public static Plot CumulativeIncidence(DistributionResult outcome, int horizon, string unit)
    {
        var never = outcome.Never ?? 0;
        var plot = ReportStyle.NewPlot(string.Create(CultureInfo.InvariantCulture, $"{outcome.Name}: happened by each {unit} (never: {100 * never:0.0}%)"),
            StepWords.Plural(unit), "% of trials");
        var counts = new double[horizon + 1];
        foreach (var (value, count) in outcome.Points) counts[(int)value] += count;
        var xs = Enumerable.Range(0, horizon + 1).Select(t => (double)t).ToArray();
        var ys = new double[horizon + 1];
        // All trials (or all probability), including those where it never happened.
        var happened = outcome.Points.Sum(p => p.Weight);
        var all = never < 1 ? happened / (1 - never) : 1;
        double running = 0;
        for (var t = 0; t <= horizon; t++)
        {
            running += counts[t];
            ys[t] = all > 0 ? 100 * running / all : 0;
        }
        var line = plot.Add.Scatter(xs, ys);
        line.ConnectStyle = ConnectStyle.StepHorizontal;
        line.MarkerSize = 0;
        line.LineWidth = 2.5f;
        line.Color = ReportStyle.Estimate;
        var ceiling = plot.Add.HorizontalLine(100 * (1 - never));
        ceiling.LinePattern = LinePattern.Dotted;
        ceiling.Color = Colors.Gray;
        // Its tag inside the data area, at the left end of the line, instead of on the axis over the tick labels.
        var tag = plot.Add.Text(string.Create(CultureInfo.InvariantCulture, $"by {unit} {horizon}"), 0, 100 * (1 - never));
        tag.LabelFontSize = PlotTags.FontSize;
        tag.LabelAlignment = never > 0.1 ? Alignment.LowerLeft : Alignment.UpperLeft;
        tag.LabelFontColor = Colors.DimGray;
        plot.Axes.SetLimits(0, horizon, 0, 102);
        return plot;
    }

    /// <summary>A machine's final states as bars with their 95% intervals, one colour per state.</summary>
    public static Plot FinalStates(CategoricalResult outcome, IReadOnlyList<string> stateLabels, int horizon, string unit)
    {
        var plot = ReportStyle.NewPlot(string.Create(CultureInfo.InvariantCulture, $"{outcome.Name}: state after {unit} {horizon}"), "", "% of trials");
        var bars = outcome.Categories.Select((c, i) => new Bar
        {
            Position = i,
            Value = 100 * c.Probability,
            ValueBase = 0,
            Error = 0,
            FillColor = ReportStyle.State(i),
            Label = string.Create(CultureInfo.InvariantCulture, $"{100 * c.Probability:0.0}%"),
        }).ToList();
        plot.Add.Bars(bars);
        foreach (var (c, i) in outcome.Categories.Select((c, i) => (c, i)))
        {
            var whisker = plot.Add.Line(i, 100 * c.Ci95.Lower, i, 100 * c.Ci95.Upper);
            whisker.LineWidth = 2;
            whisker.Color = Colors.Black;
        }
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, stateLabels.Count).Select(i => (double)i).ToArray(), stateLabels.ToArray());
        plot.Axes.SetLimitsY(0, Math.Min(110, bars.Max(b => b.Value) * 1.2 + 2));
        return plot;
    }

    private static Plot NoData(Plot plot)
    {
        var text = plot.Add.Text("no trials had a value", 0, 0);
        text.LabelFontSize = 18;
        return plot;
    }

    /// <summary>
    /// One bin per whole number when the values are few whole numbers; otherwise 40 equal bins from the smallest
    /// value to the 99.5th percentile, the rare values beyond counted in the last bin so a long tail does not
    /// squeeze the rest; that bin then has <c>TailFrom</c>, the least value it counts, and the plot labels it "≥ TailFrom".
    /// </summary>
    internal static IReadOnlyList<(double Centre, double Width, double Count, double? TailFrom)> Bins(IReadOnlyList<(double Value, double Weight)> points)
    {
        var minimum = points[0].Value;
        var maximum = points[^1].Value;
        var total = points.Sum(p => p.Weight);
        double seen = 0;
        foreach (var (value, count) in points)
        {
            seen += count;
            if (seen < 0.995 * total) continue;
            maximum = value;
            break;
        }
        if (points.All(p => p.Value == Math.Round(p.Value)) && maximum - minimum <= 120)
        {
            // Whole numbers: every value has its own bin, except a tail beyond the 99.5th percentile that would stretch the axis.
            if (points[^1].Value - minimum <= 120) return points.Select(p => (p.Value, 1.0, p.Weight, (double?)null)).ToList();
            var shown = points.Where(p => p.Value < maximum).Select(p => (p.Value, 1.0, p.Weight, (double?)null)).ToList();
            shown.Add((maximum, 1.0, points.Where(p => p.Value >= maximum).Sum(p => p.Weight), maximum));
            return shown;
        }
        const int binCount = 40;
        var width = maximum > minimum ? (maximum - minimum) / binCount : 1;
        var counts = new double[binCount];
        foreach (var (value, count) in points)
            counts[Math.Clamp((int)((value - minimum) / width), 0, binCount - 1)] += count;
        var clipped = points[^1].Value > minimum + binCount * width;
        return counts.Select((count, i) => (minimum + (i + 0.5) * width, width, count, clipped && i == binCount - 1 ? minimum + i * width : (double?)null)).ToList();
    }
}
