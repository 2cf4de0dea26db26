using NorthKoreaShadowWar.Reporting;
using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Tests.Support;
using ScottPlot;

namespace NorthKoreaShadowWar.Tests.Reporting;

/// <summary>
/// The tags that name marked values (quantiles, the mean, a first step's ceiling) lie inside the data area, where they
/// cannot cover the axes' tick labels, and never on one another; a histogram whose tail is gathered into its last bin
/// says so on that bin. Checked on the laid-out plot: the tags' boxes in pixels against the data area in pixels.
/// </summary>
public class PlotTagLayoutTests
{
    private static IReadOnlyList<ReportPlot> plots = [];

    [OneTimeSetUp]
    public void RunBaseline()
    {
        var prepared = ScenarioPipeline.Prepare(Path.Combine(Paths.Scenarios, "baseline.yaml"));
        var result = Simulate.File(Path.Combine(Paths.Scenarios, "baseline.yaml"), trials: 2_000);
        plots = ReportPlots.Build(result, prepared.Model.Scenario);
    }

    /// <summary>Each text of <paramref name="plot"/> as the box it is drawn in, after laying the plot out at the report's size.</summary>
    private static (PixelRect DataArea, IReadOnlyList<(string Text, PixelRect Box)> Tags) Layout(Plot plot)
    {
        plot.GetImageBytes(ReportStyle.Width, ReportStyle.Height, ImageFormat.Png);
        var dataArea = plot.RenderManager.LastRender.DataRect;
        using var paint = Paint.NewDisposablePaint();
        var tags = plot.GetPlottables().OfType<ScottPlot.Plottables.Text>().Select(text =>
        {
            var anchor = plot.GetPixel(text.Location);
            var box = text.LabelStyle.Measure(paint).Rect(text.LabelAlignment);
            var padding = text.LabelStyle.PixelPadding;
            return (text.LabelText, new PixelRect(anchor.X + box.Left - padding.Left, anchor.X + box.Right + padding.Right,
                anchor.Y + box.Bottom + padding.Bottom, anchor.Y + box.Top - padding.Top));
        }).ToList();
        return (dataArea, tags);
    }

    private static bool Overlap(PixelRect a, PixelRect b) =>
        a.Left < b.Right && b.Left < a.Right && a.Top < b.Bottom && b.Top < a.Bottom;

    private static IEnumerable<ReportPlot> Tagged() =>
        plots.Where(p => p.Kind is ReportPlotKind.Histogram or ReportPlotKind.CumulativeIncidence);

    [Test]
    public void Every_tag_lies_inside_the_data_area_clear_of_the_tick_labels_and_of_every_other_tag()
    {
        Assert.That(Tagged(), Is.Not.Empty);
        foreach (var plot in Tagged())
        {
            using var drawn = plot.Draw();
            var (dataArea, tags) = Layout(drawn);
            Assert.That(tags, Is.Not.Empty, plot.FileStem);
            Assert.Multiple(() =>
            {
                foreach (var (text, box) in tags)
                    Assert.That(box.Left >= dataArea.Left - 0.5 && box.Right <= dataArea.Right + 0.5 && box.Top >= dataArea.Top - 0.5 && box.Bottom <= dataArea.Bottom + 0.5,
                        $"{plot.FileStem}: the tag '{text}' ({box}) lies outside the data area ({dataArea}), over the axes");
                for (var i = 0; i < tags.Count; i++)
                    for (var j = i + 1; j < tags.Count; j++)
                        Assert.That(Overlap(tags[i].Box, tags[j].Box), Is.False, $"{plot.FileStem}: the tags '{tags[i].Text}' and '{tags[j].Text}' overlap");
                // A line's own label is drawn on the axis, over the tick labels: none is used.
                foreach (var line in drawn.GetPlottables().OfType<ScottPlot.Plottables.AxisLine>())
                    Assert.That(line.LabelText, Is.Empty, $"{plot.FileStem}: a line labelled on its axis");
            });
        }
    }

    [Test]
    public void Quantile_tags_that_would_overlap_are_set_in_rows()
    {
        // p50 and the mean a hair apart: side by side their tags would overlap, so one goes below the other.
        var points = Enumerable.Range(0, 1000).Select(v => ((double)v * 10, 1.0)).ToList();
        var outcome = new DistributionResult("x", "value: x", 5000, (4990, 5010), 2900, [("p05", 500), ("p25", 2500), ("p50", 5000), ("p75", 7500), ("p95", 9500)],
            null, 1000, 0, 9990, true) { Points = points };
        using var histogram = OutcomePlots.Histogram(outcome, "x");
        var (_, tags) = Layout(histogram);
        var p50 = tags.Single(t => t.Text == "p50").Box;
        var mean = tags.Single(t => t.Text == "mean").Box;
        Assert.Multiple(() =>
        {
            Assert.That(Overlap(p50, mean), Is.False);
            Assert.That(Math.Abs(p50.Top - mean.Top), Is.GreaterThan(p50.Height / 2), "in different rows");
        });
    }

    [Test]
    public void The_last_bin_of_a_clipped_tail_is_labelled_with_the_least_value_it_holds()
    {
        // 999 values from 0 to 99.8 and one far out at 10,000: the last of the 40 bins gathers everything from its lower edge on.
        var points = Enumerable.Range(0, 999).Select(v => (v / 10.0, 1.0)).Append((10_000.0, 1.0)).ToList();
        var bins = OutcomePlots.Bins(points);
        var outcome = new DistributionResult("x", "value: x", 60, (50, 70), 300, [("p05", 5), ("p25", 25), ("p50", 50), ("p75", 75), ("p95", 95)],
            null, 1000, 0, 10_000, true) { Points = points };
        using var histogram = OutcomePlots.Histogram(outcome, "x");
        var (dataArea, tags) = Layout(histogram);
        Assert.Multiple(() =>
        {
            Assert.That(bins.Take(bins.Count - 1).Select(b => b.TailFrom), Is.All.Null);
            Assert.That(bins[^1].TailFrom, Is.EqualTo(bins[^1].Centre - bins[^1].Width / 2).Within(1e-9));
            Assert.That(tags.Select(t => t.Text), Has.One.EqualTo($"≥ {HtmlReport.Number(bins[^1].TailFrom!.Value)}"));
            Assert.That(tags.Single(t => t.Text.StartsWith('≥')).Box.Bottom, Is.LessThanOrEqualTo(dataArea.Bottom + 0.5));
        });
        var noTail = Enumerable.Range(0, 100).Select(v => (v / 10.0, 10.0)).ToList();
        Assert.That(OutcomePlots.Bins(noTail).Select(b => b.TailFrom), Is.All.Null, "the largest value within the 99.5th percentile: no tail, no label");
        var steps = Enumerable.Range(0, 100).Select(v => ((double)v, 10.0)).Append((500.0, 1.0)).ToList();
        Assert.That(OutcomePlots.Bins(steps)[^1].TailFrom, Is.EqualTo(99), "whole numbers: the tail beyond the 99.5th percentile gathered at it");
    }

    [Test]
    public void The_baseline_casualties_histogram_labels_its_clipped_tail()
    {
        using var histogram = plots.Single(p => p.FileStem == "casualties_end-histogram").Draw();
        Assert.That(Layout(histogram).Tags.Select(t => t.Text), Has.Some.StartsWith("≥ "));
    }
}
