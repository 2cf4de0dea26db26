using NorthKoreaShadowWar.Exact;
using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Tests.Support;
using NorthKoreaShadowWar.Tests.Updating;

namespace NorthKoreaShadowWar.Tests.Exact;

/// <summary>
/// Machines that start from a distribution over states (docs/scenario-format.md, "Uncertain starting points"): exact
/// against answers by hand, Monte Carlo against exact within 5 standard errors on both loops, the draw per trial and
/// the same on any thread count, probabilities from parameters, and exact conditioning on the starting state.
/// </summary>
public class InitialDistributionTests
{
    private const double Precision = 1e-9;
    private const long Trials = 200_000;

    /// <summary>Starts On with probability 0.3, else Off; Off → On with probability 0.2 per step.</summary>
    private const string Uncertain = """
        name: uncertain-start
        horizon: 6
        machines:
          m:
            initial: { Off: 0.7, On: 0.3 }
            states: [Off, On]
            absorbing: [On]
            transitions: [ { from: Off, to: On, p: 0.2 } ]
        outcomes:
          on_by_2: { reached: m.On, within: 2 }
          final_m: { final: m }
        """;

    /// <summary>The same model, its transition reading a variable so that the general loop runs it.</summary>
    private const string UncertainGeneral = """
        name: uncertain-start-general
        horizon: 6
        variables:
          x: { initial: 0 }
        machines:
          m:
            initial: { Off: 0.7, On: 0.3 }
            states: [Off, On]
            absorbing: [On]
            transitions: [ { from: Off, to: On, p: "0.2 + 0 * x" } ]
        outcomes:
          on_by_2: { reached: m.On, within: 2 }
          final_m: { final: m }
        """;

    /// <summary>P(On by step 2) = 1 − P(Off at steps 0, 1 and 2) = 1 − 0.7 · 0.8².</summary>
    private const double OnBy2 = 1 - 0.7 * 0.8 * 0.8;

    private static RunResult Exact(string yaml) => ExactSolver.Solve(ScenarioPipeline.PrepareText(yaml).Model);

    [Test]
    public void Exact_gives_the_answer_by_hand_for_an_uncertain_start()
    {
        var result = Exact(Uncertain);
        Assert.Multiple(() =>
        {
            Assert.That(result.Share("m", "On", 0), Is.EqualTo(0.3).Within(Precision));
            Assert.That(result.Share("m", "On", 1), Is.EqualTo(0.3 + 0.7 * 0.2).Within(Precision));
            Assert.That(result.Probability("on_by_2").Estimate, Is.EqualTo(OnBy2).Within(Precision));
        });
    }

    [TestCase(Uncertain, null, TestName = "Monte_Carlo_agrees_with_exact_for_an_uncertain_start_on_the_table_loop")]
    [TestCase(UncertainGeneral, true, TestName = "Monte_Carlo_agrees_with_exact_for_an_uncertain_start_on_the_generated_general_loop")]
    [TestCase(UncertainGeneral, false, TestName = "Monte_Carlo_agrees_with_exact_for_an_uncertain_start_on_the_interpreted_general_loop")]
    public void Monte_Carlo_agrees_with_exact(string yaml, bool? generatedCode)
    {
        // Exact cannot track the variable the general loop's model reads; its dynamics are the table loop's model's.
        var exact = Exact(Uncertain);
        var simulated = Simulate.Text(yaml, Trials, generatedCode, seed: 17);
        Assert.Multiple(() =>
        {
            foreach (var step in new[] { 0, 1, 3, 6 })
            {
                var p = exact.Share("m", "On", step);
                Assert.That(simulated.Share("m", "On", step), Is.EqualTo(p).Within(Tolerance.Proportion(p, Trials)), $"step {step}");
            }
            Assert.That(simulated.Probability("on_by_2").Estimate, Is.EqualTo(OnBy2).Within(Tolerance.Proportion(OnBy2, Trials)));
        });
    }

    [Test]
    public void The_generated_and_interpreted_general_loops_draw_the_same_starts()
    {
        var generated = Simulate.Text(UncertainGeneral, 20_000, generatedCode: true, seed: 5);
        var interpreted = Simulate.Text(UncertainGeneral, 20_000, generatedCode: false, seed: 5);
        Assert.That(Numbers(generated), Is.EqualTo(Numbers(interpreted)));
    }

    [TestCase(Uncertain)]
    [TestCase(UncertainGeneral)]
    public void The_start_is_drawn_per_trial_and_the_same_on_any_thread_count(string yaml)
    {
        var one = Simulate.Text(yaml, 30_001, seed: 9, threads: 1);
        var three = Simulate.Text(yaml, 30_001, seed: 9, threads: 3);
        var start = one.Share("m", "On", 0);
        Assert.Multiple(() =>
        {
            Assert.That(Numbers(three), Is.EqualTo(Numbers(one)));
            Assert.That(start, Is.EqualTo(0.3).Within(Tolerance.Proportion(0.3, 30_001)), "each trial draws its own start");
            Assert.That(Simulate.Text(yaml, 30_001, seed: 10, threads: 1).Share("m", "On", 0), Is.Not.EqualTo(start), "another seed, other starts");
        });
    }

    [Test]
    public void A_distribution_from_a_fixed_parameter_is_exact_and_from_a_drawn_one_averages_over_it()
    {
        const string fromParameter = """
            name: from-parameter
            horizon: 3
            parameters:
              q: QVALUE
            machines:
              m:
                initial: { Off: "1 - q", On: q }
                states: [Off, On]
                absorbing: [On]
                transitions: [ { from: Off, to: On, p: 0.2 } ]
            outcomes:
              final_m: { final: m }
            """;
        var fixedQ = Exact(fromParameter.Replace("QVALUE", "0.35", StringComparison.Ordinal));
        // q uniform on [0.2, 0.6]: a trial starts On with probability E[q] = 0.4.
        var drawn = Simulate.Text(fromParameter.Replace("QVALUE", "{ uniform: [0.2, 0.6] }", StringComparison.Ordinal), Trials, seed: 3);
        Assert.Multiple(() =>
        {
            Assert.That(fixedQ.Share("m", "On", 0), Is.EqualTo(0.35).Within(Precision));
            Assert.That(fixedQ.Share("m", "On", 1), Is.EqualTo(0.35 + 0.65 * 0.2).Within(Precision));
            Assert.That(drawn.Share("m", "On", 0), Is.EqualTo(0.4).Within(Tolerance.Proportion(0.4, Trials)));
        });
    }

    [Test]
    public void Exact_evidence_at_step_1_gives_the_posterior_of_the_start_by_hand()
    {
        // P(On at 1) = 0.3 + 0.7 · 0.2 = 0.44; P(started On | On at 1) = 0.3 / 0.44.
        var result = Condition("as_of: 1\nobservations:\n  - { source: s, holds: \"m == On\", at: 1 }\n");
        Assert.Multiple(() =>
        {
            Assert.That(result.LogMarginalLikelihood, Is.EqualTo(Math.Log(0.44)).Within(Precision));
            Assert.That(result.Posterior.Share("m", "On", 0), Is.EqualTo(0.3 / 0.44).Within(Precision));
        });
    }

    [Test]
    public void Exact_evidence_at_step_0_weighs_the_start_by_its_likelihood()
    {
        // Reported On with likelihood 0.9 if On, 0.2 if Off: P(started On | report) = 0.3 · 0.9 / (0.3 · 0.9 + 0.7 · 0.2).
        var result = Condition("as_of: 0\nobservations:\n  - { source: s, report: m, at: 0, likelihood: { On: 0.9, Off: 0.2 } }\n");
        var z = 0.3 * 0.9 + 0.7 * 0.2;
        Assert.Multiple(() =>
        {
            Assert.That(result.LogMarginalLikelihood, Is.EqualTo(Math.Log(z)).Within(Precision));
            Assert.That(result.Posterior.Share("m", "On", 0), Is.EqualTo(0.3 * 0.9 / z).Within(Precision));
            Assert.That(result.Posterior.Share("m", "On", 1), Is.EqualTo((0.3 * 0.9 + 0.7 * 0.2 * 0.2) / z).Within(Precision));
        });
    }

    /// <summary>The numbers a run reports for the model: every share of every step, and the outcome's estimate.</summary>
    private static string Numbers(RunResult result) =>
        string.Join(' ', result.Occupancy.SelectMany(m => m.States).SelectMany(s => s.Shares).Select(x => x.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))
        + " " + result.Probability("on_by_2").Estimate.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    private static ConditionedExactResult Condition(string evidence)
    {
        var (prepared, file) = UpdateTesting.Load(Uncertain, evidence);
        return ConditionedExactSolver.Solve(prepared.Model, file);
    }
}
