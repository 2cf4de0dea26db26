using MathNet.Numerics.Distributions;
using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Simulation;
using NorthKoreaShadowWar.Statistics;

namespace NorthKoreaShadowWar.Tests.Statistics;

/// <summary>
/// Do the reported 95% intervals contain the truth 95% of the time? Many independent small runs (seeds 1..R) of a
/// model whose answers are known exactly; for each interval, the share of runs whose interval holds the truth
/// must lie within 5 standard errors of the coverage it promises: 0.95 for Wilson intervals of probabilities and
/// normal intervals of means, and for order-statistic intervals of quantiles their exact coverage (at least 0.95,
/// more for step counts, whose ties make them conservative).
/// </summary>
public class CoverageTests
{
    private const int Repetitions = 1000;
    private const double Nominal = 0.95;
    private const int Horizon = 20;
    private const double StepProbability = 0.1;

    /// <summary>
    /// A geometric chain (On is entered with probability 0.1 per step), a normal and a uniform parameter: first
    /// steps, probabilities, means and quantiles that have closed forms.
    /// </summary>
    private const string Scenario = """
        name: coverage
        horizon: 20
        parameters:
          level: { normal: { mean: 5, sd: 2 } }
          size: { uniform: [0, 10] }
        variables:
          x: { initial: level }
          y: { initial: size }
        machines:
          a:
            initial: Off
            states: [Off, On]
            absorbing: [On]
            transitions: [ { from: Off, to: On, p: 0.1 } ]
        outcomes:
          on_within_1: { reached: a.On, within: 1 }
          on_within_5: { reached: a.On, within: 5 }
          final_a: { final: a }
          first: { first_step: a.On }
          level_end: { value: x }
          size_end: { value: y }
          in_on: { steps_in: a.On }
        """;

    private enum IntervalKind { Wilson, NormalMean, OrderStatistic }

    /// <param name="ExpectedCoverage">The coverage the interval promises, given the number of trials of a run.</param>
    private sealed record Check(string Name, IntervalKind Kind, double Truth, Func<RunResult, (double Lower, double Upper)> Interval, Func<long, double> ExpectedCoverage);

    private static readonly Dictionary<(long Trials, string Check), int> Hits = [];

    private static IEnumerable<long> TrialCounts() => [50, 400];

    [OneTimeSetUp]
    public void RunTheRepetitions()
    {
        var model = ScenarioPipeline.PrepareText(Scenario).Model;
        foreach (var trials in TrialCounts())
            for (var repetition = 1; repetition <= Repetitions; repetition++)
            {
                var result = ResultsBuilder.Build(MonteCarloRunner.Run(model, new RunSettings { Trials = trials, Seed = (ulong)repetition, Threads = 1 }));
                foreach (var check in Checks())
                {
                    var (lower, upper) = check.Interval(result);
                    var covered = lower <= check.Truth && check.Truth <= upper;
                    Hits[(trials, check.Name)] = Hits.GetValueOrDefault((trials, check.Name)) + (covered ? 1 : 0);
                }
            }
    }

    [TestCaseSource(nameof(TrialCounts))]
    public void Wilson_intervals_of_probabilities_cover_the_exact_probability_95_percent_of_the_time(long trials) =>
        AssertCoverage(trials, IntervalKind.Wilson);

    [TestCaseSource(nameof(TrialCounts))]
    public void Normal_intervals_of_means_cover_the_exact_mean_95_percent_of_the_time(long trials) =>
        AssertCoverage(trials, IntervalKind.NormalMean);

    [TestCaseSource(nameof(TrialCounts))]
    public void Order_statistic_intervals_of_quantiles_cover_the_exact_quantile_as_often_as_they_promise(long trials) =>
        AssertCoverage(trials, IntervalKind.OrderStatistic);

    private static void AssertCoverage(long trials, IntervalKind kind)
    {
        Assert.Multiple(() =>
        {
            foreach (var check in Checks().Where(c => c.Kind == kind))
            {
                var expected = check.ExpectedCoverage(trials);
                var observed = (double)Hits[(trials, check.Name)] / Repetitions;
                var tolerance = Support.Tolerance.Proportion(expected, Repetitions);
                TestContext.Out.WriteLine($"{trials} trials, {check.Name}: coverage {observed:F3} (promised {expected:F4}, ±{tolerance:F3})");
                Assert.That(expected, Is.GreaterThanOrEqualTo(Nominal - 1e-12), $"{check.Name}: the interval promises at least 95%");
                Assert.That(observed, Is.EqualTo(expected).Within(tolerance), $"{check.Name} with {trials} trials");
            }
        });
    }

    private static IEnumerable<Check> Checks()
    {
        static double Nominal95(long _) => Nominal;
        double Reached(int steps) => 1 - Math.Pow(1 - StepProbability, steps);
        yield return new("on_within_1", IntervalKind.Wilson, Reached(1), r => Probability(r, "on_within_1"), Nominal95);
        yield return new("on_within_5", IntervalKind.Wilson, Reached(5), r => Probability(r, "on_within_5"), Nominal95);
        yield return new("final_a On", IntervalKind.Wilson, Reached(Horizon),
            r => ((CategoricalResult)Find(r, "final_a")).Categories.Single(c => c.Category == "On").Ci95, Nominal95);

        yield return new("first mean", IntervalKind.NormalMean, Mean(FirstStepDistribution()), r => Distribution(r, "first").Ci95, Nominal95);
        yield return new("level_end mean", IntervalKind.NormalMean, 5, r => Distribution(r, "level_end").Ci95, Nominal95);
        yield return new("in_on mean", IntervalKind.NormalMean, Mean(StepsInDistribution()), r => Distribution(r, "in_on").Ci95, Nominal95);

        foreach (var (label, q) in ResultsBuilder.ReportedQuantiles)
        {
            double Continuous(long trials)
            {
                var (lower, upper) = OrderStatisticInterval.Ranks(trials, q);
                return OrderStatisticInterval.Coverage(trials, q, lower, upper);
            }
            yield return new($"size_end {label}", IntervalKind.OrderStatistic, 10 * q, r => QuantileCi(r, "size_end", label), Continuous);
            yield return new($"level_end {label}", IntervalKind.OrderStatistic, Normal.InvCDF(5, 2, q), r => QuantileCi(r, "level_end", label), Continuous);
            yield return new($"in_on {label}", IntervalKind.OrderStatistic, DiscreteQuantile(StepsInDistribution(), q),
                r => QuantileCi(r, "in_on", label), trials => DiscreteCoverage(StepsInDistribution(), q, trials));
        }
    }

    /// <summary>P(first step = t), t = 1..horizon, given that it happens (t = 0 is impossible: a starts Off).</summary>
    private static double[] FirstStepDistribution()
    {
        var probabilities = new double[Horizon + 1];
        var happens = 1 - Math.Pow(1 - StepProbability, Horizon);
        for (var t = 1; t <= Horizon; t++) probabilities[t] = StepProbability * Math.Pow(1 - StepProbability, t - 1) / happens;
        return probabilities;
    }

    /// <summary>P(steps in On = k), k = 0..horizon: entered at step t, a is On after steps t..horizon, k = horizon − t + 1.</summary>
    private static double[] StepsInDistribution()
    {
        var probabilities = new double[Horizon + 1];
        probabilities[0] = Math.Pow(1 - StepProbability, Horizon);
        for (var k = 1; k <= Horizon; k++) probabilities[k] = StepProbability * Math.Pow(1 - StepProbability, Horizon - k);
        return probabilities;
    }

    private static double Mean(double[] probabilities) => probabilities.Select((p, k) => p * k).Sum();

    /// <summary>The q-quantile of a distribution on 0..n: the smallest k with P(X ≤ k) ≥ q.</summary>
    private static int DiscreteQuantile(double[] probabilities, double q)
    {
        double cumulative = 0;
        for (var k = 0; k < probabilities.Length; k++)
            if ((cumulative += probabilities[k]) >= q - 1e-12) return k;
        return probabilities.Length - 1;
    }

    /// <summary>
    /// The exact coverage of the order-statistic interval (ranks l, u) for a quantile ξ of a discrete distribution:
    /// with A values below ξ and B equal to it, X₍l₎ ≤ ξ iff A + B ≥ l, and X₍u₎ ≥ ξ iff A ≤ u − 1. A is
    /// binomial(n, P(X &lt; ξ)) and, given A = i, B is binomial(n − i, P(X = ξ) / P(X ≥ ξ)).
    /// </summary>
    private static double DiscreteCoverage(double[] probabilities, double q, long trials)
    {
        var quantile = DiscreteQuantile(probabilities, q);
        var below = probabilities.Take(quantile).Sum();
        var at = probabilities[quantile];
        var n = (int)trials;
        var (lower, upper) = OrderStatisticInterval.Ranks(trials, q);
        double coverage = 0;
        for (var i = 0; i <= Math.Min(upper - 1, n); i++)
        {
            var needed = lower - i; // B must be at least this
            var enoughAt = needed <= 0 ? 1 : 1 - Binomial.CDF(Math.Min(1, at / (1 - below)), n - i, needed - 1);
            coverage += Binomial.PMF(below, n, i) * enoughAt;
        }
        return coverage;
    }

    private static (double, double) Probability(RunResult result, string name) => ((ProbabilityResult)Find(result, name)).Ci95;

    private static DistributionResult Distribution(RunResult result, string name) => (DistributionResult)Find(result, name);

    private static (double, double) QuantileCi(RunResult result, string name, string label) =>
        Distribution(result, name).QuantilesCi95.Single(q => q.Label == label).Ci95;

    private static OutcomeResult Find(RunResult result, string name) => result.Outcomes.Single(o => o.Name == name);
}
