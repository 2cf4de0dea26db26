using NorthKoreaShadowWar.Precision;
using NorthKoreaShadowWar.Reporting;
using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Simulation;
using ScottPlot;
using SkiaSharp;

namespace NorthKoreaShadowWar.Tests.Precision;

/// <summary>The convergence plots: one per probability, one interval per batch, drawn and not blank.</summary>
public class ConvergencePlotTests
{
    [Test]
    public void Each_probability_has_a_convergence_plot_with_a_whisker_per_batch_that_renders()
    {
        var prepared = ScenarioPipeline.PrepareText(PrecisionScenarios.Small);
        var result = PrecisionRunner.Run(prepared.Model, new RunSettings { Trials = 1000, Seed = 2, Threads = 2 }, new PrecisionSettings(0.02));
        var batches = result.Precision!.Batches.Count;
        var plots = ReportPlots.Build(result, prepared.Model.Scenario).Where(p => p.Kind == ReportPlotKind.Convergence).ToList();
        Assert.That(plots.Select(p => p.FileStem), Is.EqualTo(result.Outcomes.OfType<ProbabilityResult>().Select(p => $"convergence-{p.Name}")));
        foreach (var plot in plots)
        {
            using var drawn = plot.Draw();
            var png = drawn.GetImageBytes(ReportStyle.Width, ReportStyle.Height, ImageFormat.Png);
            using var bitmap = SKBitmap.Decode(png);
            long ink = 0;
            for (var y = 0; y < bitmap.Height; y += 2)
                for (var x = 0; x < bitmap.Width; x += 2)
                    if (bitmap.GetPixel(x, y) is var pixel && (pixel.Red < 235 || pixel.Green < 235 || pixel.Blue < 235)) ink++;
            Assert.Multiple(() =>
            {
                Assert.That((bitmap.Width, bitmap.Height), Is.EqualTo((ReportStyle.Width, ReportStyle.Height)));
                Assert.That(ink / (bitmap.Width / 2.0 * (bitmap.Height / 2.0)), Is.GreaterThan(0.03), $"{plot.FileStem} is nearly blank");
                Assert.That(drawn.GetPlottables().OfType<ScottPlot.Plottables.LinePlot>().Count(), Is.EqualTo(batches), "one interval per batch");
            });
        }
    }

    [TestCase(512L, "512")]
    [TestCase(10_240L, "10.2k")]
    [TestCase(163_840L, "164k")]
    [TestCase(1_310_720L, "1.31M")]
    [TestCase(10_000_000L, "10M")]
    public void Trial_counts_on_the_axis_have_three_significant_figures(long trials, string label) =>
        Assert.That(ConvergencePlot.Compact(trials), Is.EqualTo(label));
}
