using NorthKoreaShadowWar.Reporting;
using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Tests.Support;
using ScottPlot;
using SkiaSharp;

namespace NorthKoreaShadowWar.Tests.Reporting;

/// <summary>Each plot kind renders at its size, is not blank, and draws what it should.</summary>
public class PlotTests
{
    private static IReadOnlyList<ReportPlot> plots = [];
    private static RunResult result = null!;

    [OneTimeSetUp]
    public void RunBaseline()
    {
        var prepared = ScenarioPipeline.Prepare(Path.Combine(Paths.Scenarios, "baseline.yaml"));
        result = Simulate.File(Path.Combine(Paths.Scenarios, "baseline.yaml"), trials: 2_000);
        plots = ReportPlots.Build(result, prepared.Model.Scenario);
    }

    private static (int Width, int Height, double InkShare) Render(ReportPlot plot)
    {
        using var drawn = plot.Draw();
        var png = drawn.GetImageBytes(ReportStyle.Width, ReportStyle.Height, ImageFormat.Png);
        using var bitmap = SKBitmap.Decode(png);
        long ink = 0;
        for (var y = 0; y < bitmap.Height; y += 2)
            for (var x = 0; x < bitmap.Width; x += 2)
            {
                var pixel = bitmap.GetPixel(x, y);
                if (pixel.Red < 235 || pixel.Green < 235 || pixel.Blue < 235) ink++;
            }
        return (bitmap.Width, bitmap.Height, ink / (bitmap.Width / 2.0 * (bitmap.Height / 2.0)));
    }

    [TestCase(nameof(ReportPlotKind.Probabilities))]
    [TestCase(nameof(ReportPlotKind.Histogram))]
    [TestCase(nameof(ReportPlotKind.Cumulative))]
    [TestCase(nameof(ReportPlotKind.CumulativeIncidence))]
    [TestCase(nameof(ReportPlotKind.FinalStates))]
    [TestCase(nameof(ReportPlotKind.Occupancy))]
    public void Every_plot_of_a_kind_renders_at_its_size_and_is_not_blank(string kindName)
    {
        var kind = Enum.Parse<ReportPlotKind>(kindName);
        var ofKind = plots.Where(p => p.Kind == kind).ToList();
        Assert.That(ofKind, Is.Not.Empty);
        foreach (var plot in ofKind)
        {
            var (width, height, ink) = Render(plot);
            Assert.Multiple(() =>
            {
                Assert.That((width, height), Is.EqualTo((ReportStyle.Width, ReportStyle.Height)), plot.FileStem);
                Assert.That(ink, Is.GreaterThan(0.03), $"{plot.FileStem} is nearly blank");
            });
        }
    }

    [Test]
    public void The_probability_plot_has_one_bar_per_probability_outcome()
    {
        using var plot = plots.Single(p => p.Kind == ReportPlotKind.Probabilities).Draw();
        var bars = plot.GetPlottables().OfType<ScottPlot.Plottables.BarPlot>().Single();
        Assert.That(bars.Bars.Count, Is.EqualTo(result.Outcomes.OfType<ProbabilityResult>().Count()));
    }

    [Test]
    public void Final_state_plots_have_one_bar_per_state_coloured_as_in_the_occupancy_plot()
    {
        var scenario = ScenarioPipeline.Prepare(Path.Combine(Paths.Scenarios, "baseline.yaml")).Model.Scenario;
        var machine = scenario.Machines.Select(m => m.Name).ToList().IndexOf("sk_aid");
        var storyteller = new NorthKoreaShadowWar.Description.Storyteller(scenario);
        var labels = Enumerable.Range(0, scenario.Machines[machine].States.Count).Select(s => storyteller.StateLabel(machine, s)).ToList();
        using var finalStates = plots.Single(p => p.FileStem == "final_sk").Draw();
        using var occupancy = plots.Single(p => p.FileStem == "occupancy-sk_aid").Draw();
        var bars = finalStates.GetPlottables().OfType<ScottPlot.Plottables.BarPlot>().Single().Bars;
        var areas = occupancy.GetPlottables().OfType<ScottPlot.Plottables.FillY>().ToList();
        Assert.That(bars, Has.Count.EqualTo(labels.Count));
        Assert.That(areas, Is.Not.Empty);
        foreach (var area in areas)
        {
            var state = labels.IndexOf(area.LegendText);
            Assert.That(state, Is.GreaterThanOrEqualTo(0), area.LegendText);
            Assert.That(area.FillColor.WithAlpha(1).ToHex(), Is.EqualTo(bars[state].FillColor.WithAlpha(1).ToHex()), area.LegendText);
        }
    }

    [Test]
    public void Occupancy_plots_stack_to_one_hundred_percent()
    {
        foreach (var machine in result.Occupancy)
            for (var t = 0; t < machine.States[0].Shares.Length; t++)
                Assert.That(machine.States.Sum(s => s.Shares[t]), Is.EqualTo(1).Within(1e-9), $"{machine.Machine} step {t}");
        var plot = plots.Single(p => p.FileStem == "occupancy-deployment");
        using var drawn = plot.Draw();
        Assert.That(drawn.GetPlottables().OfType<ScottPlot.Plottables.FillY>().Count(), Is.EqualTo(plot.SeriesCount));
    }
}
