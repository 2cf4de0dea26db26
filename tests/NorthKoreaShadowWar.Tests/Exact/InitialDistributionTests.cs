using NorthKoreaShadowWar.Exact;
using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Tests.Support;
using NorthKoreaShadowWar.Tests.Updating;

namespace NorthKoreaShadowWar.Tests.Exact;

/// <summary>
/// Machines that start from a distribution over states (docs/scenario-format.md, "Uncertain starting points"), beyond
/// the answers every engine must give for them (Semantics/StepRuleTests): the draw per trial, the same on any thread
/// count and on both general-loop paths, and exact conditioning on the starting state.
/// </summary>
public class InitialDistributionTests
{
    private const double Precision = 1e-9;

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

    /// <summary>The same model, its transition reading a variable so that a run takes the general loop.</summary>
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
