using NorthKoreaShadowWar.Backtesting;
using NorthKoreaShadowWar.Diagnostics;
using NorthKoreaShadowWar.Results;

namespace NorthKoreaShadowWar.Tests.Backtesting;

public class ScoreTests
{
    private static RunResult Forecast(params OutcomeResult[] outcomes) => new(
        new RunManifest("made-up", null, null, 1, 1000, 10, "week", "", "test", [], "made-up.yaml"), outcomes, [], new RunPerformance(1, 0, 0, 0));

    private static ProbabilityResult P(string name, double p) => new(name, "reached: m.S", p, (p, p), 0, 1000);

    private static ObservedOutcome Happened(string name, bool happened) => new(name, default) { Happened = happened };

    private static DistributionResult Steps(string name, IReadOnlyList<(double Value, double Weight)> points, double? never) =>
        new(name, "first_step: m == S", 0, (0, 0), 0, [("p05", 0), ("p25", 2), ("p50", 4), ("p75", 7), ("p95", 9)], never, 10, 0, 9, true) { Points = points };

    [Test]
    public void The_Brier_and_log_scores_of_probability_forecasts_are_those_computed_by_hand()
    {
        var forecast = Forecast(P("a", 0.9), P("b", 0.2), P("c", 0.6), P("d", 0));
        var observed = new ObservedFile("observed.yaml", null, [Happened("a", true), Happened("b", false), Happened("c", false), Happened("d", true)]);
        var backtest = BacktestScorer.Score([("run", forecast)], observed);
        var summary = backtest.Summaries.Single(s => s.Kind == "probability");
        // (0.1² + 0.2² + 0.6² + 1²) / 4; (ln 0.9 + ln 0.8 + ln 0.4 + ln 1e-6) / 4, the 0% forecast clamped to 1e-6.
        Assert.Multiple(() =>
        {
            Assert.That(summary.Forecasts, Is.EqualTo(4));
            Assert.That(summary.Brier, Is.EqualTo((0.01 + 0.04 + 0.36 + 1) / 4).Within(1e-12));
            Assert.That(summary.LogScore, Is.EqualTo((Math.Log(0.9) + Math.Log(0.8) + Math.Log(0.4) + Math.Log(1e-6)) / 4).Within(1e-12));
            Assert.That(backtest.Scores.Select(s => s.Brier!.Value), Is.EqualTo(new[] { 0.01, 0.04, 0.36, 1 }).Within(1e-12));
        });
    }

    [Test]
    public void A_categorical_forecast_scores_the_Brier_sum_over_its_states_and_the_log_of_the_state_observed()
    {
        var final = new CategoricalResult("final", "final: m", [("A", 0.5, (0, 1)), ("B", 0.3, (0, 1)), ("C", 0.2, (0, 1))]);
        var observed = new ObservedFile("observed.yaml", null, [new ObservedOutcome("final", default) { State = "B" }]);
        var backtest = BacktestScorer.Score([("run", Forecast(final))], observed);
        var summary = backtest.Summaries.Single(s => s.Kind == "categorical");
        Assert.Multiple(() =>
        {
            Assert.That(summary.Forecasts, Is.EqualTo(1));
            Assert.That(summary.Brier, Is.EqualTo(0.5 * 0.5 + 0.7 * 0.7 + 0.2 * 0.2).Within(1e-12));
            Assert.That(summary.LogScore, Is.EqualTo(Math.Log(0.3)).Within(1e-12));
            Assert.That(backtest.Scores.Select(s => s.Happened), Is.EqualTo(new bool?[] { false, true, false }));
            Assert.That(backtest.Scores.Select(s => s.LogScore), Is.EqualTo(new double?[] { null, Math.Log(0.3), null }));
        });
    }

    [Test]
    public void The_percentile_rank_of_a_value_is_its_mid_rank_in_the_forecast_and_never_ranks_above_every_step()
    {
        // Steps 0..9, each in 10% of the trials where it happened; it never happened in 20% of all trials.
        var points = Enumerable.Range(0, 10).Select(v => ((double)v, 1.0)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(BacktestScorer.PercentileRank(Steps("s", points, null), 3), Is.EqualTo((0.3, 0.4)));
            Assert.That(BacktestScorer.PercentileRank(Steps("s", points, 0.2), 3).Below, Is.EqualTo(0.8 * 0.3).Within(1e-12));
            Assert.That(BacktestScorer.PercentileRank(Steps("s", points, 0.2), null), Is.EqualTo((0.8, 1.0)));
            var score = BacktestScorer.Score([("run", Forecast(Steps("s", points, 0.2)))],
                new ObservedFile("o.yaml", null, [new ObservedOutcome("s", default) { Never = true }])).Scores.Single();
            Assert.That(score.PercentileRank, Is.EqualTo(0.9).Within(1e-12));
            Assert.That(score.Within90, Is.True, "the 20% never overlaps the central 90%");
        });
    }

    [Test]
    public void Without_points_the_percentile_rank_interpolates_between_minimum_quantiles_and_maximum()
    {
        var forecast = Steps("s", [], null);   // min 0, p05 0, p25 2, p50 4, p75 7, p95 9, max 9
        Assert.Multiple(() =>
        {
            Assert.That(BacktestScorer.PercentileRank(forecast, 3).AtOrBelow, Is.EqualTo(0.25 + 0.25 * 1 / 2.0).Within(1e-12));
            Assert.That(BacktestScorer.PercentileRank(forecast, 0), Is.EqualTo((0.0, 0.05)), "min and p05 share the value: the function jumps there");
            Assert.That(BacktestScorer.PercentileRank(forecast, 9), Is.EqualTo((0.95, 1.0)));
            Assert.That(BacktestScorer.PercentileRank(forecast, 12), Is.EqualTo((1.0, 1.0)));
        });
    }

    [Test]
    public void The_CRPS_of_an_even_coin_between_0_and_1_observed_at_0_is_a_quarter()
    {
        // E|X − 0| = 0.5 and E|X − X′| = 0.5, so CRPS = 0.5 − 0.25.
        var forecast = new DistributionResult("v", "value: x", 0.5, (0, 1), 0.5, [("p50", 0)], null, 2, 0, 1, true) { Points = [(0, 1), (1, 1)] };
        Assert.That(BacktestScorer.Crps(forecast, 0, 10), Is.EqualTo(0.25).Within(1e-12));
        Assert.That(BacktestScorer.Crps(forecast, 3, 10), Is.EqualTo(2.5 - 0.25).Within(1e-12));
    }

    [Test]
    public void Calibration_bins_count_forecasts_and_how_often_they_happened()
    {
        var forecast = Forecast(P("a", 0.05), P("b", 0.15), P("c", 0.12), P("d", 0.95), P("e", 1), P("f", 0.1));
        var observed = new ObservedFile("o.yaml", null,
            [Happened("a", false), Happened("b", true), Happened("c", false), Happened("d", true), Happened("e", false), Happened("f", false)]);
        var bins = BacktestScorer.Score([("run", forecast)], observed).Calibration;
        Assert.Multiple(() =>
        {
            Assert.That(bins.Select(b => b.Count), Is.EqualTo(new[] { 1, 3, 0, 0, 0, 0, 0, 0, 0, 2 }));
            Assert.That(bins[1].MeanForecast, Is.EqualTo((0.15 + 0.12 + 0.1) / 3).Within(1e-12));
            Assert.That(bins[1].ObservedFrequency, Is.EqualTo(1 / 3.0).Within(1e-12));
            Assert.That(bins[1].Ci95, Is.EqualTo(NorthKoreaShadowWar.Statistics.ConfidenceIntervals.Wilson(1, 3)));
            Assert.That(bins[9].MeanForecast, Is.EqualTo(0.975).Within(1e-12));
            Assert.That(bins[9].ObservedFrequency, Is.EqualTo(0.5));
            Assert.That(bins[0].ObservedFrequency, Is.Zero);
            Assert.That(double.IsNaN(bins[5].ObservedFrequency));
        });
    }

    [Test]
    public void An_outcome_not_recorded_is_listed_as_unresolved_and_not_scored()
    {
        var backtest = BacktestScorer.Score([("run", Forecast(P("a", 0.3), P("b", 0.4)))], new ObservedFile("o.yaml", null, [Happened("a", true)]));
        Assert.That(backtest.Scores.Select(s => s.Outcome), Is.EqualTo(new[] { "a" }));
        Assert.That(backtest.Unresolved, Is.EqualTo(new[] { "run: b" }));
    }

    [Test]
    public void The_reliability_plot_renders_to_png_and_svg()
    {
        var directory = Directory.CreateTempSubdirectory("shadowwar-reliability-").FullName;
        try
        {
            var backtest = BacktestScorer.Score([("run", Forecast(P("a", 0.25), P("b", 0.7)))], new ObservedFile("o.yaml", null, [Happened("a", true), Happened("b", true)]));
            NorthKoreaShadowWar.Reporting.BacktestReport.Write(backtest, directory);
            Assert.That(new FileInfo(Path.Combine(directory, "plots", "reliability.png")).Length, Is.GreaterThan(10_000));
            Assert.That(File.ReadAllText(Path.Combine(directory, "plots", "reliability.svg")), Does.Contain("<svg").And.Contain("n=1"));
            Assert.That(File.ReadAllText(Path.Combine(directory, "report.html")), Does.Contain("data:image/png;base64,").And.Contain("cannot show calibration"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Test]
    public void A_record_of_a_state_the_machine_does_not_have_is_an_error_with_a_suggestion()
    {
        var final = new CategoricalResult("final", "final: m", [("Neutral", 0.5, (0, 1)), ("Lethal", 0.5, (0, 1))]);
        var diagnostics = new DiagnosticBag();
        ObservedFileReader.Parse("outcomes:\n  final: Lethl\n"u8.ToArray(), "o.yaml", [Forecast(final)], diagnostics);
        Assert.That(diagnostics.Items.Single().ToString(), Does.StartWith("o.yaml:2:10: error: 'final' is the final state of a machine").And.Contain("(did you mean 'Lethal'?)"));
    }
}
