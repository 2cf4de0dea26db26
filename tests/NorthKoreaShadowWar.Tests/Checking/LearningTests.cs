namespace NorthKoreaShadowWar.Tests.Checking;

/// <summary>
/// What the evidence can teach (docs/checking.md): an outcome that shares nothing with the evidence is reported as
/// independent of it; one that shares only the observed machine as moved through the path; a parameter's posterior
/// against its prior on a conjugate case.
/// </summary>
public class LearningTests
{
    private const string TwoMachines = """
        name: two
        horizon: 12
        parameters:
          pa: { beta: { alpha: 2, beta: 3 } }
          pb: { uniform: [0.1, 0.5] }
          fixed_rate: 0.1
        variables:
          hits: { initial: 0 }
          a_weeks: { initial: 0 }
        machines:
          a:
            initial: Off
            states: [Off, On]
            each_step: { On: { a_weeks: "+= 1" } }
            transitions: [ { from: Off, to: On, p: pa } ]
          b:
            initial: Off
            states: [Off, On]
            each_step: { On: { hits: "+= 1" } }
            transitions: [ { from: Off, to: On, p: pb } ]
          c:
            initial: Off
            states: [Off, On]
            transitions: [ { from: Off, to: On, p: fixed_rate, when: "a == On" } ]
        outcomes:
          a_on: { reached: a.On }
          b_on: { reached: b.On }
          hits_end: { value: hits }
          c_on: { reached: c.On }
          a_weeks_end: { value: a_weeks }
        """;

    private const string FirstHeldAt4 = "as_of: 4\nobservations:\n  - { source: s, first_held: \"a == On\", between: [4, 4] }\n";

    [Test]
    public void An_outcome_that_shares_nothing_with_the_evidence_is_independent_of_it()
    {
        var result = CheckTesting.Run(TwoMachines, FirstHeldAt4);
        var byName = result.Outcomes.ToDictionary(o => o.Outcome);
        Assert.Multiple(() =>
        {
            Assert.That(byName["b_on"].Verdict, Is.EqualTo("independent"));
            Assert.That(byName["b_on"].SharedWithEvidence, Is.Empty);
            Assert.That(byName["hits_end"].Verdict, Is.EqualTo("independent"), "a variable changed only by an unobserved machine");
            Assert.That(byName["a_on"].Verdict, Is.EqualTo("parameters"));
            Assert.That(byName["a_on"].InformedParameters, Is.EqualTo(new[] { "pa" }));
            Assert.That(byName["a_weeks_end"].SharedWithEvidence, Is.EqualTo(new[] { "a" }), "a variable changed by the observed machine");
            Assert.That(byName["c_on"].SharedWithEvidence, Is.EqualTo(new[] { "a" }), "its guard reads the observed machine");
            Assert.That(result.Parameters.Single(p => p.Name == "pb").Informed, Is.False);
        });
    }

    [Test]
    public void An_outcome_on_the_observed_machine_with_no_drawn_parameter_moves_only_through_the_path()
    {
        var model = CheckTesting.Switch("0.2");
        var result = CheckTesting.Run(model, "as_of: 2\nobservations:\n  - { source: s, does_not_hold: \"m == On\", at: 2 }\n", trials: 4096, replicates: 4096);
        var outcome = result.Outcomes.Single();
        Assert.That(outcome.Verdict, Is.EqualTo("path only"));
        Assert.That(outcome.Parameters, Is.Empty);
    }

    [Test]
    public void A_beta_prior_observed_to_first_succeed_at_step_4_gives_the_beta_posterior()
    {
        // Beta(2, 3) and a first success at step 4 (likelihood p (1 − p)³) give Beta(3, 6): mean 1/3, sd √(18 / (81 · 10)).
        var result = CheckTesting.Run(TwoMachines, FirstHeldAt4, trials: 65_536);
        var pa = result.Parameters.Single(p => p.Name == "pa");
        var priorSd = Math.Sqrt(2.0 * 3 / (25 * 6));
        var posteriorSd = Math.Sqrt(18.0 / 810);
        Assert.That(pa.PriorMean, Is.EqualTo(0.4).Within(5 * priorSd / Math.Sqrt(result.Trials)));
        Assert.That(pa.PriorSd, Is.EqualTo(priorSd).Within(0.01 * priorSd));
        Assert.That(pa.PosteriorMean, Is.EqualTo(1.0 / 3).Within(5 * posteriorSd / Math.Sqrt(result.EffectiveDraws)));
        Assert.That(pa.PosteriorSd, Is.EqualTo(posteriorSd).Within(5 * posteriorSd / Math.Sqrt(2 * result.EffectiveDraws)));
        Assert.That(pa.SpreadRatio, Is.LessThan(0.8));
        Assert.That(pa.Informed, Is.True);
        Assert.That(pa.AtEdge, Is.False);
    }
}
