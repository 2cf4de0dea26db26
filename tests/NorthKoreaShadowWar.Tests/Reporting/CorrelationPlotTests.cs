using NorthKoreaShadowWar.Reporting;
using NorthKoreaShadowWar.Tests.Support;
using ScottPlot;
using SkiaSharp;

namespace NorthKoreaShadowWar.Tests.Reporting;

/// <summary>Each correlated pair gets a scatter plot of its draws, one dot per trial.</summary>
public class CorrelationPlotTests
{
    [Test]
    public void Each_pair_is_a_scatter_plot_of_its_draws_that_renders_and_is_not_blank()
    {
        const int trials = 1_000;
        var file = Path.Combine(Paths.Scenarios, "examples", "correlated-inputs.yaml");
        var result = Simulate.File(file, trials);
        var plots = ReportPlots.Build(result, ScenarioPipeline.Prepare(file).Model.Scenario).Where(p => p.Kind == ReportPlotKind.Correlation).ToList();
        Assert.That(plots.Select(p => p.FileStem), Is.EqualTo(new[] { "correlation-troops0-casualty_rate", "correlation-arms_escalation-tech_transfer" }));
        foreach (var (plot, correlation) in plots.Zip(result.Correlations))
        {
            using var drawn = plot.Draw();
            var markers = drawn.GetPlottables().OfType<ScottPlot.Plottables.Markers>().Single();
            var png = drawn.GetImageBytes(ReportStyle.Width, ReportStyle.Height, ImageFormat.Png);
            using var bitmap = SKBitmap.Decode(png);
            long ink = 0;
            for (var y = 0; y < bitmap.Height; y += 2)
                for (var x = 0; x < bitmap.Width; x += 2)
                {
                    var pixel = bitmap.GetPixel(x, y);
                    if (pixel.Red < 235 || pixel.Green < 235 || pixel.Blue < 235) ink++;
                }
            Assert.Multiple(() =>
            {
                Assert.That(markers.Data.GetScatterPoints(), Has.Count.EqualTo(trials), "one dot per trial");
                Assert.That(markers.Data.GetScatterPoints()[0].X, Is.EqualTo(correlation.Points[0].First));
                Assert.That((bitmap.Width, bitmap.Height), Is.EqualTo((ReportStyle.Width, ReportStyle.Height)));
                Assert.That(ink / (bitmap.Width / 2.0 * (bitmap.Height / 2.0)), Is.GreaterThan(0.03), $"{plot.FileStem} is nearly blank");
            });
        }
    }
}
