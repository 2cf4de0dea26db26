using NorthKoreaShadowWar.Comparison;
using NorthKoreaShadowWar.Reporting;
using NorthKoreaShadowWar.Results;

namespace NorthKoreaShadowWar.Tests.Reporting;

/// <summary>The findings a report opens with: three to five plain sentences, each with its interval, from the run's own numbers.</summary>
public class HeadlinesTests
{
    private static RunResult Run(params OutcomeResult[] outcomes) => new(
        new RunManifest("made-up", null, null, 1, 1000, 10, "week", "", "test", [], "made-up.yaml"), outcomes, [], new RunPerformance(1, 0, 0, 0));

    private static ProbabilityResult P(string name, double p, double low, double high) => new(name, "reached: m.S", p, (low, high), 0, 1000);

    private static DistributionResult D(string name, double p05, double p50, double p95) =>
        new(name, "value: x", p50, (p50 - 1, p50 + 1), 1, [("p05", p05), ("p25", p05), ("p50", p50), ("p75", p95), ("p95", p95)], null, 1000, p05, p95, true);

    [Test]
    public void A_run_opens_with_its_largest_probabilities_its_likeliest_final_state_and_its_widest_distribution_with_intervals()
    {
        var run = Run(P("small", 0.02, 0.01, 0.03), P("large", 0.61, 0.58, 0.64), P("middle", 0.3, 0.27, 0.33),
            D("narrow", 9, 10, 11), D("wide", 100, 6000, 18000),
            new CategoricalResult("final_m", "final: m", [("Calm", 0.2, (0.18, 0.22)), ("War", 0.8, (0.78, 0.82))]));
        var findings = RunHeadlines.Of(run, []);
        Assert.Multiple(() =>
        {
            Assert.That(findings, Has.Count.InRange(3, Headlines.Most));
            Assert.That(findings[0], Is.EqualTo("large: 61.0% (95% interval 58.0% – 64.0%) of trials."));
            Assert.That(findings[1], Does.StartWith("middle: 30.0% (95% interval 27.0% – 33.0%)"));
            Assert.That(findings, Has.None.Contains("small:"), "only the largest probabilities");
            Assert.That(findings, Has.Some.EqualTo("final_m most often ends in War: 80.0% (95% interval 78.0% – 82.0%) of trials."));
            Assert.That(findings, Has.Some.StartsWith("The widest spread is wide's: half the trials at or below 6,000, but one in twenty above 18,000"));
            Assert.That(findings[^1], Does.Contain("sensitivity"), "a run alone cannot say what moves its numbers, and says where to look");
        });
    }

    [Test]
    public void A_comparison_opens_with_its_largest_significant_differences_and_their_intervals()
    {
        static ComparisonRow Row(string outcome, double a, double b, bool significant) =>
            new(new ComparedQuantity(outcome, "probability", null, QuantityReading.Value, 0, 0), new Estimate(a, (a, a)), new Estimate(b, (b, b)),
                b - a, (b - a - 0.01, b - a + 0.01), (b - a - 0.02, b - a + 0.02), 4, significant ? 0.001 : 0.5) { SignificantAfterHolm = significant };
        var comparison = new ComparisonResult(Run(), Run(), "baseline", "surge", true,
            [Row("tiny", 0.10, 0.11, true), Row("big", 0.20, 0.35, true), Row("noise", 0.5, 0.2, false)], []);
        var findings = ComparisonHeadlines.Of(comparison);
        Assert.Multiple(() =>
        {
            Assert.That(findings[0], Is.EqualTo("big: 35.0% in surge against 20.0% in baseline, +15.0 points (95% interval +14.0 points to +16.0 points)."));
            Assert.That(findings[1], Does.StartWith("tiny:"));
            Assert.That(findings, Has.None.Contains("noise"), "a difference that is not significant after Holm's correction is not a finding");
            Assert.That(findings[^1], Is.EqualTo("2 of 3 probabilities differ significantly after Holm's correction."));
        });
    }

    [Test]
    public void A_comparison_without_significant_differences_says_so_and_gives_the_largest()
    {
        var row = new ComparisonRow(new ComparedQuantity("noise", "probability", null, QuantityReading.Value, 0, 0),
            new Estimate(0.5, (0.4, 0.6)), new Estimate(0.45, (0.35, 0.55)), -0.05, (-0.12, 0.02), (-0.12, 0.02), null, 0.2);
        var findings = ComparisonHeadlines.Of(new ComparisonResult(Run(), Run(), "a", "b", false, [row], []));
        Assert.That(findings.Single(), Does.StartWith("No probability differs significantly between b and a after Holm's correction; the largest difference is noise:")
            .And.Contain("−5.0 points (95% interval −12.0 points to +2.0 points)"));
    }

    [Test]
    public void The_findings_are_rendered_as_a_list_of_at_most_five_and_escaped()
    {
        var html = Headlines.Render(["a < b", "2", "3", "4", "5", "6"]);
        Assert.Multiple(() =>
        {
            Assert.That(html, Does.StartWith("<section id=\"headlines\">\n<h2>In short</h2>"));
            Assert.That(html, Does.Contain("<li>a &lt; b</li>"));
            Assert.That(System.Text.RegularExpressions.Regex.Count(html, "<li>"), Is.EqualTo(Headlines.Most));
            Assert.That(Headlines.Render([]), Is.Empty);
        });
    }
}
