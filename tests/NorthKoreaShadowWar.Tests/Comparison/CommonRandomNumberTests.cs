using NorthKoreaShadowWar.Comparison;
using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Simulation;
using NorthKoreaShadowWar.Statistics;
using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Comparison;

/// <summary>Paired runs against closed forms, plain runs and independent runs.</summary>
public class CommonRandomNumberTests
{
    // One escalation ladder; the what-if raises the weekly chance of the first rung.
    private const string Scenario = """
        name: ladder
        horizon: 5
        parameters:
          p: 0.10
        machines:
          tension:
            initial: Calm
            states: [Calm, Raised, Crisis]
            transitions:
              - { from: Calm, to: Raised, p: p }
              - { from: Raised, to: Crisis, p: 0.3 }
        outcomes:
          raised_by_5: { reached: tension.Raised, within: 5 }
          weeks_to_crisis: { first_step: tension == Crisis }
          weeks_raised: { steps_in: tension.Raised }
          final_tension: { final: tension }
        """;

    private static ComparisonResult Compare(long trials, int threads = 2, string b = "p=0.15")
    {
        var a = ScenarioPipeline.PrepareText(Scenario).Model;
        var what = ScenarioPipeline.PrepareText(Scenario, overrides: [b]).Model;
        var quantities = ComparedQuantities.Match(OutcomeShape.Of(a), OutcomeShape.Of(what), out _);
        var run = PairedRunner.Run(a, what, quantities, new RunSettings { Trials = trials, Seed = 11, Threads = threads });
        return ComparisonBuilder.Paired(run, ResultsBuilder.Build(run.A), ResultsBuilder.Build(run.B), "A", "B");
    }

    private static ComparisonRow Row(ComparisonResult comparison, string label) => comparison.Rows.Single(r => r.Quantity.Label == label);

    [Test]
    public void The_paired_difference_matches_the_closed_form_within_its_interval()
    {
        const int trials = 20_000;
        var row = Row(Compare(trials), "raised_by_5");
        // P(raised within 5 weeks) = 1 − (1 − p)^5.
        var exact = (1 - Math.Pow(0.85, 5)) - (1 - Math.Pow(0.90, 5));
        var standardError = (row.DifferenceCi95.Upper - row.DifferenceCi95.Lower) / (2 * ConfidenceIntervals.Z95);
        Assert.That(row.Difference, Is.EqualTo(exact).Within(Tolerance.StandardErrors * standardError));
    }

    [Test]
    public void Common_random_numbers_give_a_narrower_interval_than_independent_runs()
    {
        const int trials = 20_000;
        var row = Row(Compare(trials), "raised_by_5");
        // Both runs decide the first rung by u < p with the same u each week, so B is raised whenever A is and the
        // runs disagree with probability q = P(raised_B) − P(raised_A): Var(B − A) = q(1 − q), against the sum of
        // the two proportions' variances for independent runs.
        var (pA, pB) = (1 - Math.Pow(0.90, 5), 1 - Math.Pow(0.85, 5));
        var q = pB - pA;
        var expectedReduction = (pA * (1 - pA) + pB * (1 - pB)) / (q * (1 - q));
        // The estimate's error is dominated by that of q(1 − q): |1 − 2q| times the standard error of q.
        var relativeError = Math.Abs(1 - 2 * q) * Math.Sqrt(q * (1 - q) / trials) / (q * (1 - q));
        Assert.Multiple(() =>
        {
            Assert.That(row.DifferenceCi95.Upper - row.DifferenceCi95.Lower, Is.LessThan((row.IndependentCi95.Upper - row.IndependentCi95.Lower) / 1.5));
            Assert.That(row.VarianceReduction, Is.EqualTo(expectedReduction).Within(Tolerance.StandardErrors * relativeError * expectedReduction));
        });
    }

    [Test]
    public void The_independent_interval_covers_what_two_independently_seeded_runs_actually_differ_by()
    {
        // The independent interval is what differing seeds would give: check its width against the spread of
        // 40 independent differences (sample standard deviation within 5 of its standard errors).
        const int trials = 4096;
        var row = Row(Compare(trials), "raised_by_5");
        var predicted = (row.IndependentCi95.Upper - row.IndependentCi95.Lower) / (2 * ConfidenceIntervals.Z95);
        var differences = Enumerable.Range(0, 40).Select(i =>
        {
            var a = Simulate.Text(Scenario, trials, seed: (ulong)(100 + 2 * i)).Probability("raised_by_5").Estimate;
            var b = Simulate.Text(Scenario, trials, seed: (ulong)(101 + 2 * i), overrides: "p=0.15").Probability("raised_by_5").Estimate;
            return b - a;
        }).ToList();
        var mean = differences.Average();
        var spread = Math.Sqrt(differences.Sum(d => (d - mean) * (d - mean)) / (differences.Count - 1));
        // The standard error of a sample standard deviation from n normal values is about sd / sqrt(2(n − 1)).
        Assert.That(spread, Is.EqualTo(predicted).Within(Tolerance.StandardErrors * predicted / Math.Sqrt(2 * 39)));
    }

    [Test]
    public void Each_side_of_a_paired_run_is_exactly_a_plain_run()
    {
        const int trials = 3000;
        var comparison = Compare(trials);
        var plainA = Simulate.Text(Scenario, trials, seed: 11);
        var plainB = Simulate.Text(Scenario, trials, seed: 11, overrides: "p=0.15");
        Assert.Multiple(() =>
        {
            Assert.That(comparison.A.Probability("raised_by_5").Successes, Is.EqualTo(plainA.Probability("raised_by_5").Successes));
            Assert.That(comparison.B.Probability("raised_by_5").Successes, Is.EqualTo(plainB.Probability("raised_by_5").Successes));
            Assert.That(comparison.B.Distribution("weeks_raised").Mean, Is.EqualTo(plainB.Distribution("weeks_raised").Mean));
            Assert.That(comparison.B.Categorical("final_tension").Categories, Is.EqualTo(plainB.Categorical("final_tension").Categories));
        });
    }

    [Test]
    public void The_numbers_do_not_depend_on_the_threads()
    {
        var one = Compare(5000, threads: 1);
        var two = Compare(5000, threads: 2);
        Assert.That(two.Rows.Select(r => (r.Difference, r.DifferenceCi95, r.VarianceReduction)),
            Is.EqualTo(one.Rows.Select(r => (r.Difference, r.DifferenceCi95, r.VarianceReduction))));
    }

    [Test]
    public void Identical_runs_differ_by_nothing_and_nothing_is_significant()
    {
        var comparison = Compare(2000, b: "p=0.10");
        Assert.Multiple(() =>
        {
            Assert.That(comparison.Rows.Where(r => r.Paired).Select(r => r.Difference), Is.All.Zero);
            Assert.That(comparison.Rows.Where(r => r.Significant), Is.Empty);
        });
    }

    [Test]
    public void Every_kind_of_outcome_is_compared()
    {
        var labels = Compare(1024).Rows.Select(r => r.Quantity.Label).ToList();
        Assert.That(labels, Is.EqualTo(new[]
        {
            "raised_by_5", "weeks_to_crisis (happens)", "weeks_to_crisis (mean when it happens)", "weeks_raised",
            "final_tension = Calm", "final_tension = Raised", "final_tension = Crisis",
        }));
    }
}
