using NorthKoreaShadowWar.Comparison;
using NorthKoreaShadowWar.Sensitivity;
using NorthKoreaShadowWar.Statistics;
using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Sensitivity;

/// <summary>The tornado against exact probabilities, and the whole analysis against the thread count.</summary>
public class TornadoTests
{
    private const int Trials = 4000;

    private static SensitivityResult Analyse(string yaml, string outcome, SensitivitySettings settings)
    {
        var model = ScenarioPipeline.PrepareText(yaml).Model;
        var quantity = SensitivityOutcomes.Resolve(model, outcome, out var problem) ?? throw new InvalidOperationException(problem);
        return SensitivityRunner.Run(model, [quantity], settings);
    }

    [Test]
    public void Known_monotone_effects_have_their_signs_ranking_and_exact_probabilities()
    {
        var outcome = Analyse(SensitivityScenarios.Monotone, "moved", new SensitivitySettings { SobolSamples = 0, TornadoTrials = Trials, Threads = 2 }).Outcomes[0];
        TornadoBar Bar(string name) => outcome.Tornado.Single(b => b.Parameter == name);
        // U(0.1, 0.5): p10 = 0.14, median 0.3, p90 = 0.46; the chance of moving is up·(1 − down).
        const double low = 0.14, median = 0.3, high = 0.46;
        void Near(Estimate estimate, double exact, string what) =>
            Assert.That(estimate.Value, Is.EqualTo(exact).Within(Tolerance.Proportion(exact, Trials)), what);
        void SwingNear(TornadoBar bar, double exact)
        {
            var standardError = (bar.Swing.Ci95.Upper - bar.Swing.Ci95.Lower) / (2 * ConfidenceIntervals.Z95);
            Assert.That(bar.Swing.Value, Is.EqualTo(exact).Within(Tolerance.StandardErrors * standardError), $"swing of {bar.Parameter}");
        }
        Assert.Multiple(() =>
        {
            Assert.That(Bar("up").LowSetting, Is.EqualTo(low).Within(1e-12));
            Assert.That(Bar("up").HighSetting, Is.EqualTo(high).Within(1e-12));
            Near(outcome.AtMedians!, median * (1 - median), "all medians");
            Near(Bar("up").Low, low * (1 - median), "up low");
            Near(Bar("up").High, high * (1 - median), "up high");
            Near(Bar("down").Low, median * (1 - low), "down low");
            Near(Bar("down").High, median * (1 - high), "down high");
            SwingNear(Bar("up"), (high - low) * (1 - median));
            SwingNear(Bar("down"), -median * (high - low));
            Assert.That(Bar("up").Swing.Ci95.Lower, Is.GreaterThan(0));
            Assert.That(Bar("down").Swing.Ci95.Upper, Is.LessThan(0));
            Assert.That(Bar("inert").Swing.Ci95.Lower, Is.LessThanOrEqualTo(0));
            Assert.That(Bar("inert").Swing.Ci95.Upper, Is.GreaterThanOrEqualTo(0));
            Assert.That(outcome.Tornado.OrderByDescending(b => Math.Abs(b.Swing.Value)).Select(b => b.Parameter), Is.EqualTo(new[] { "up", "down", "inert" }));
        });
    }

    [Test]
    public void Common_random_numbers_make_the_swing_interval_narrower_than_independent_settings_would()
    {
        var bar = Analyse(SensitivityScenarios.Monotone, "moved", new SensitivitySettings { SobolSamples = 0, TornadoTrials = Trials, Threads = 2 })
            .Outcomes[0].Tornado.Single(b => b.Parameter == "up");
        var independent = Math.Sqrt((bar.Low.Value * (1 - bar.Low.Value) + bar.High.Value * (1 - bar.High.Value)) / Trials);
        var paired = (bar.Swing.Ci95.Upper - bar.Swing.Ci95.Lower) / (2 * ConfidenceIntervals.Z95);
        Assert.That(paired, Is.LessThan(independent / 1.2));
    }

    [Test]
    public void The_same_seed_gives_identical_numbers_on_one_and_two_threads()
    {
        const string yaml = """
            name: threads
            horizon: 12
            parameters:
              rate: { uniform: [0.1, 0.3] }
              stop: { beta: { alpha: 2, beta: 8 } }
            variables:
              losses: { initial: 0 }
            machines:
              front:
                initial: Quiet
                states: [Quiet, Fighting, Over]
                each_step: { Fighting: { losses: "+= 10 * rate" } }
                transitions:
                  - { from: Quiet, to: Fighting, p: rate }
                  - { from: Fighting, to: Over, p: stop }
            outcomes:
              losses_end: { value: losses }
            """;
        SensitivityResult Run(int threads) => Analyse(yaml, "losses_end",
            new SensitivitySettings { SobolSamples = 1024, TornadoTrials = 1500, Seed = 9, Threads = threads, BootstrapResamples = 100 });
        var (one, two) = (Run(1).Outcomes[0], Run(2).Outcomes[0]);
        Assert.Multiple(() =>
        {
            Assert.That(two.Sobol, Is.EqualTo(one.Sobol));
            Assert.That(two.Tornado, Is.EqualTo(one.Tornado));
            Assert.That(two.AtMedians, Is.EqualTo(one.AtMedians));
            Assert.That(two.SobolVariance, Is.EqualTo(one.SobolVariance));
            Assert.That(one.Sobol.Single(s => s.Input == "rate").Total.Value, Is.GreaterThan(0));
        });
    }
}
