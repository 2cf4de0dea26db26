using System.Text;
using MathNet.Numerics.Statistics;
using NorthKoreaShadowWar.Compilation;
using NorthKoreaShadowWar.Exact;
using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Scenarios;
using NorthKoreaShadowWar.Simulation;
using NorthKoreaShadowWar.Statistics;
using NorthKoreaShadowWar.Tests.Reference;
using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Simulation;

/// <summary>
/// Correlated parameters: the draws reach the rank correlation asked for, each keeps its own distribution, other
/// parameters draw exactly as before, and outcomes that depend on the correlation match hand-computed answers.
/// </summary>
public class CorrelatedParameterTests
{
    /// <summary>
    /// A scenario whose only job is to report its parameters: one value outcome per parameter, read at step 0, so a
    /// trial's outcomes are its draws.
    /// </summary>
    private static string Reporting(string parameters, string correlations) => $$"""
        name: draws
        horizon: 1
        parameters:
        {{parameters}}
        {{correlations}}
        machines:
          idle: { initial: Here, states: [Here] }
        outcomes:
          a_value: { value: a }
          b_value: { value: b }
          c_value: { value: c }
        """;

    /// <summary>Each trial's value outcomes (here: its parameters) as simulated by the kernel.</summary>
    private static double[][] Draws(string yaml, int trials, ulong seed = 1)
    {
        var model = ScenarioPipeline.PrepareText(yaml).Model;
        var simulator = new TrialSimulator(model, seed);
        var values = new double[model.ValuePrograms.Length];
        var draws = values.Select(_ => new double[trials]).ToArray();
        for (var trial = 0; trial < trials; trial++)
        {
            simulator.Run(trial, values);
            for (var v = 0; v < values.Length; v++) draws[v][trial] = values[v];
        }
        return draws;
    }

    private static IEnumerable<TestCaseData> MixedPairs()
    {
        yield return new TestCaseData("{ uniform: [0.1, 0.3] }", "{ lognormal: { p05: 3000, p95: 12000 } }", 0.6).SetName("Uniform and lognormal reach rank 0.6");
        yield return new TestCaseData("{ beta: { alpha: 2, beta: 5 } }", "{ pert: { min: 1, mode: 2, max: 6 } }", -0.4).SetName("Beta and PERT reach rank -0.4");
        yield return new TestCaseData("{ pert: { min: 0, mode: 0.1, max: 1 } }", "{ uniform: [0, 5] }", 0.9).SetName("PERT and uniform reach rank 0.9");
        yield return new TestCaseData("{ lognormal: { mu: 0, sigma: 1.5 } }", "{ beta: { alpha: 0.5, beta: 0.5 } }", -0.8).SetName("Lognormal and beta reach rank -0.8");
        yield return new TestCaseData("{ normal: { mean: 0, sd: 1 } }", "{ triangular: { min: 0, mode: 1, max: 4 } }", 0.2).SetName("Normal and triangular reach rank 0.2");
    }

    [TestCaseSource(nameof(MixedPairs))]
    public void Draws_reach_the_target_rank_correlation_and_keep_their_distributions(string first, string second, double rank)
    {
        const int trials = 4_000;
        var yaml = Reporting($"  a: {first}\n  b: {second}\n  c: {{ uniform: [0, 1] }}", $"correlations:\n  - {{ between: [a, b], rank: {rank} }}");
        var draws = Draws(yaml, trials);
        var achieved = Correlation.Spearman(draws[0], draws[1]);
        // Fisher's z of a Spearman correlation has standard error √(1.06 / (n − 3)).
        var tolerance = Tolerance.StandardErrors * RankCorrelation.FisherStandardError(trials);
        Assert.That(Math.Atanh(achieved), Is.EqualTo(Math.Atanh(rank)).Within(tolerance), $"achieved {achieved}");

        var parameters = ScenarioPipeline.PrepareText(yaml).Model.Scenario.Parameters;
        Assert.Multiple(() =>
        {
            for (var p = 0; p < 2; p++)
            {
                foreach (var q in new[] { 0.05, 0.25, 0.5, 0.75, 0.95 })
                {
                    var quantile = parameters[p].Distribution.Quantile(q);
                    var share = draws[p].Count(x => x <= quantile) / (double)trials;
                    Assert.That(share, Is.EqualTo(q).Within(Tolerance.Proportion(q, trials)), $"{parameters[p].Name}: share at or below its {q} quantile {quantile}");
                }
            }
        });
    }

    [Test]
    public void A_group_of_three_reaches_every_pair_and_a_pair_not_given_stays_uncorrelated()
    {
        const int trials = 4_000;
        var yaml = Reporting("  a: { uniform: [0, 1] }\n  b: { lognormal: { p05: 1, p95: 10 } }\n  c: { pert: { min: 0, mode: 3, max: 4 } }",
            "correlations:\n  - { between: [a, b], rank: 0.5 }\n  - { between: [c, b], rank: -0.3 }");
        var draws = Draws(yaml, trials);
        var tolerance = Tolerance.StandardErrors * RankCorrelation.FisherStandardError(trials);
        // a and c are linked only through b; their normal scores are uncorrelated as written (0), so their ranks are too.
        Assert.Multiple(() =>
        {
            Assert.That(Math.Atanh(Correlation.Spearman(draws[0], draws[1])), Is.EqualTo(Math.Atanh(0.5)).Within(tolerance));
            Assert.That(Math.Atanh(Correlation.Spearman(draws[2], draws[1])), Is.EqualTo(Math.Atanh(-0.3)).Within(tolerance));
            Assert.That(Math.Atanh(Correlation.Spearman(draws[0], draws[2])), Is.EqualTo(0).Within(tolerance));
        });
    }

    [Test]
    public void A_rank_correlation_of_one_makes_the_draws_move_in_lockstep()
    {
        var draws = Draws(Reporting("  a: { uniform: [0, 1] }\n  b: { beta: { alpha: 2, beta: 5 } }\n  c: 0", "correlations:\n  - { between: [a, b], rank: 1 }"), 500);
        Assert.That(Correlation.Spearman(draws[0], draws[1]), Is.EqualTo(1).Within(1e-9));
    }

    [Test]
    public void Parameters_outside_the_correlations_draw_exactly_as_without_them()
    {
        const string parameters = "  a: { uniform: [0, 1] }\n  b: { beta: { alpha: 2, beta: 5 } }\n  c: { pert: { min: 1, mode: 2, max: 6 } }";
        var without = Draws(Reporting(parameters, ""), 1_000, seed: 3);
        var with = Draws(Reporting(parameters, "correlations:\n  - { between: [a, b], rank: 0.7 }"), 1_000, seed: 3);
        Assert.Multiple(() =>
        {
            Assert.That(with[2], Is.EqualTo(without[2]), "c is not correlated: its draws must be bit-identical");
            Assert.That(with[0], Is.Not.EqualTo(without[0]), "a is correlated: it is drawn through the copula");
        });
    }

    [Test]
    public void Uncorrelated_parameters_are_drawn_by_their_samplers_from_their_own_streams_as_before_correlations_existed()
    {
        // What every run did before the correlations block: parameter k of trial i is Sample() on stream (seed, i, 1 + k).
        const string parameters = "  a: { uniform: [0, 1] }\n  b: { beta: { alpha: 2, beta: 5 } }\n  c: { pert: { min: 1, mode: 2, max: 6 } }";
        var yaml = Reporting(parameters, "correlations:\n  - { between: [a, c], rank: -0.2 }");
        var draws = Draws(yaml, 200, seed: 8);
        var b = ScenarioPipeline.PrepareText(yaml).Model.Scenario.Parameters[1].Distribution;
        var random = new StreamRandom();
        var expected = Enumerable.Range(0, 200).Select(trial =>
        {
            random.Reset(RandomStreams.For(8, trial, RandomStreams.ForParameter(1)));
            return b.Sample(random);
        });
        Assert.That(draws[1], Is.EqualTo(expected));
    }

    [Test]
    public void Runs_give_identical_numbers_on_one_and_two_threads()
    {
        var file = Path.Combine(Paths.Scenarios, "examples", "correlated-inputs.yaml");
        string Numbers(int threads)
        {
            var result = Simulate.File(file, trials: 3_000, seed: 11, threads: threads);
            Assert.That(result.Correlations, Has.Count.EqualTo(2));
            using var stream = new MemoryStream();
            SummaryJsonWriter.Write(result with { Performance = new RunPerformance(0, 0, 0, 0) }, stream);
            return Encoding.UTF8.GetString(stream.ToArray());
        }
        Assert.That(Numbers(2), Is.EqualTo(Numbers(1)));
    }

    /// <summary>
    /// For uniform a and b whose normal scores correlate ρ = 2 sin(π r / 6), P(a &lt; ½ and b &lt; ½) is the chance that
    /// both normal scores are below 0: ¼ + asin(ρ) / (2π) (Sheppard's formula).
    /// </summary>
    private static double BothBelowHalf(double rank) => 0.25 + Math.Asin(RankCorrelation.NormalScale(rank)) / (2 * Math.PI);

    private static string BothBelowHalfScenario(double rank) => $$"""
        name: both_low
        horizon: 1
        parameters:
          a: { uniform: [0, 1] }
          b: { uniform: [0, 1] }
        correlations:
          - { between: [a, b], rank: {{rank}} }
        machines:
          idle: { initial: Here, states: [Here] }
        outcomes:
          both_low: { reached: "a < 0.5 and b < 0.5" }
        """;

    [TestCase(0.7)]
    [TestCase(-0.5)]
    [TestCase(0)]
    public void An_outcome_that_depends_on_the_correlation_matches_the_hand_computed_answer(double rank)
    {
        const int trials = 20_000;
        const int referenceTrials = 8_000;
        var exact = BothBelowHalf(rank);
        var kernel = Simulate.Text(BothBelowHalfScenario(rank), trials).Probability("both_low").Estimate;
        var reference = ReferenceRun.Text(BothBelowHalfScenario(rank), referenceTrials, seed: 4).Probability("both_low").Estimate;
        Assert.Multiple(() =>
        {
            Assert.That(kernel, Is.EqualTo(exact).Within(Tolerance.Proportion(exact, trials)), "kernel");
            Assert.That(reference, Is.EqualTo(exact).Within(Tolerance.Proportion(exact, referenceTrials)), "reference simulator");
        });
    }

    [Test]
    public void Conditional_exact_runs_see_the_same_correlated_draws_as_the_simulator()
    {
        // Two machines each move once with probability a and b: P(both moved after one step) = E[a b] per draw, which
        // conditional-exact computes exactly for each trial's draw. For uniforms on [0, 1], E[a b] = 1/4 + r / 12.
        const int trials = 2_000;
        const string correlations = "correlations:\n  - { between: [a, b], rank: 0.6 }";
        var chain = $$"""
            name: both_move
            horizon: 1
            parameters:
              a: { uniform: [0, 1] }
              b: { uniform: [0, 1] }
              c: { uniform: [0, 1] }
            {{correlations}}
            machines:
              first: { initial: Still, states: [Still, Moved], transitions: [ { from: Still, to: Moved, p: a } ] }
              second: { initial: Still, states: [Still, Moved], transitions: [ { from: Still, to: Moved, p: b } ] }
            outcomes:
              both: { reached: "first == Moved and second == Moved" }
            """;
        var model = ScenarioPipeline.PrepareText(chain).Model;
        var conditional = ConditionalExactRunner.Run(model, new RunSettings { Trials = trials, Seed = 9, Threads = 2 }).Result;
        var draws = Draws(Reporting("  a: { uniform: [0, 1] }\n  b: { uniform: [0, 1] }\n  c: { uniform: [0, 1] }", correlations), trials, seed: 9);
        var products = draws[0].Zip(draws[1], (a, b) => a * b).ToArray();
        var estimate = ((ProbabilityResult)conditional.Outcomes[0]).Estimate;
        Assert.Multiple(() =>
        {
            Assert.That(estimate, Is.EqualTo(products.Average()).Within(1e-12), "the same draws, trial by trial");
            Assert.That(estimate, Is.EqualTo(0.25 + 0.6 / 12).Within(Tolerance.Mean(products.StandardDeviation(), trials)), "E[a b] = 1/4 + r/12");
            Assert.That(conditional.Correlations.Single().Trials, Is.EqualTo(trials));
        });
    }

    [Test]
    public void A_run_reports_each_pairs_target_and_achieved_rank_correlation()
    {
        const int trials = 3_000;
        var yaml = Reporting("  a: { uniform: [0, 1] }\n  b: { lognormal: { p05: 1, p95: 10 } }\n  c: { beta: { alpha: 2, beta: 2 } }",
            "correlations:\n  - { between: [a, b], rank: 0.5, description: why }\n  - { between: [c, a], rank: -0.3 }");
        var result = Simulate.Text(yaml, trials, seed: 2);
        var draws = Draws(yaml, trials, seed: 2);
        Assert.Multiple(() =>
        {
            Assert.That(result.Correlations.Select(c => (c.First, c.Second, c.Target, c.Trials)),
                Is.EqualTo(new[] { ("a", "b", 0.5, (long)trials), ("c", "a", -0.3, (long)trials) }));
            Assert.That(result.Correlations[0].Achieved, Is.EqualTo(Correlation.Spearman(draws[0], draws[1])).Within(1e-12));
            Assert.That(result.Correlations[1].Achieved, Is.EqualTo(Correlation.Spearman(draws[2], draws[0])).Within(1e-12));
            Assert.That(result.Correlations[0].Description, Is.EqualTo("why"));
            Assert.That(result.Correlations[0].Ci95.Lower, Is.LessThan(result.Correlations[0].Achieved));
            Assert.That(result.Correlations[0].Ci95.Upper, Is.GreaterThan(result.Correlations[0].Achieved));
            Assert.That(result.Correlations[0].Points, Has.Count.EqualTo(AchievedCorrelations.PlotPoints));
        });
    }

    [Test]
    public void Measured_trials_are_the_runs_own_and_at_most_the_limit()
    {
        var yaml = Reporting("  a: { uniform: [0, 1] }\n  b: { uniform: [0, 1] }\n  c: 0", "correlations:\n  - { between: [a, b], rank: 0.4 }");
        var model = ScenarioPipeline.PrepareText(yaml).Model;
        var later = AchievedCorrelations.Measure(model, new RunSettings { FirstTrial = 2_048, Trials = 1_000, Seed = 5 }).Single();
        var draws = Draws(yaml, 3_048, seed: 5);
        Assert.Multiple(() =>
        {
            Assert.That(later.Achieved, Is.EqualTo(Correlation.Spearman(draws[0].Skip(2_048), draws[1].Skip(2_048))).Within(1e-12));
            Assert.That(AchievedCorrelations.MaximumTrials, Is.EqualTo(100_000));
        });
    }

    [Test]
    public void The_copula_factors_the_normal_scale_correlation_two_sin_pi_r_over_six()
    {
        var model = ScenarioPipeline.PrepareText(Reporting("  a: { uniform: [0, 1] }\n  b: { uniform: [0, 1] }\n  c: { uniform: [0, 1] }",
            "correlations:\n  - { between: [c, a], rank: 0.5 }")).Model;
        var rho = 2 * Math.Sin(Math.PI * 0.5 / 6);
        var group = model.CorrelatedGroups.Single();
        Assert.Multiple(() =>
        {
            Assert.That(group.Parameters, Is.EqualTo(new[] { 0, 2 }));
            Assert.That(group.Factor, Is.EqualTo(new[] { 1, 0, rho, Math.Sqrt(1 - rho * rho) }).Within(1e-12), "Cholesky factor, row by row");
            Assert.That(model.IndependentParameters, Is.EqualTo(new[] { 1 }));
        });
    }

    [Test]
    public void The_normal_scale_correlation_gives_the_rank_correlation_back()
    {
        // Known values: rank 0.5 needs normal scores correlated 2 sin(π/12) = 0.5176; ranks are unchanged at 0 and ±1.
        Assert.Multiple(() =>
        {
            Assert.That(RankCorrelation.NormalScale(0.5), Is.EqualTo(0.517638090205).Within(1e-12));
            Assert.That(RankCorrelation.NormalScale(1), Is.EqualTo(1).Within(1e-15));
            Assert.That(RankCorrelation.NormalScale(-1), Is.EqualTo(-1).Within(1e-15));
            Assert.That(RankCorrelation.RankScale(RankCorrelation.NormalScale(-0.37)), Is.EqualTo(-0.37).Within(1e-12));
        });
    }
}
