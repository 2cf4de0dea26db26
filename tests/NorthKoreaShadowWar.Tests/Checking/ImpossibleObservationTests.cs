namespace NorthKoreaShadowWar.Tests.Checking;

/// <summary>
/// Observations the scenario cannot produce, found from its structure (docs/checking.md): a state reached too early
/// (with the earliest step and the path), a variable outside the range it can lie in, a measurement where its error has no
/// density, a report that rules out every state the machine can be in; and statements with a reliability, which are not
/// errors but are named.
/// </summary>
public class ImpossibleObservationTests
{
    private const string Chain = """
        name: chain
        horizon: 10
        variables:
          x: { initial: 0 }
        machines:
          m:
            initial: A
            states: [A, B, C, D]
            each_step: { B: { x: "+= 1" }, C: { x: "+= 1" } }
            transitions:
              - { from: A, to: B, p: 0.5 }
              - { from: B, to: C, p: 0.5 }
              - { from: C, to: D, p: 0 }
        outcomes:
          c: { reached: m.C }
        """;

    private static string Evidence(string observation) => $"as_of: 5\nobservations:\n  - {{ source: s, {observation} }}\n";

    [Test]
    public void A_state_observed_before_it_can_be_reached_is_an_error_with_the_earliest_step_and_the_path()
    {
        var errors = CheckTesting.Impossible(Chain, Evidence("holds: \"m == C\", at: 1"));
        Assert.That(errors, Has.Count.EqualTo(1));
        Assert.That(errors[0], Does.StartWith("evidence.yaml:3:5: error: the scenario cannot produce this observation"));
        Assert.That(errors[0], Does.Contain("at step 1 'm' can only be in {A, B}; 'C' can first be reached at step 2 (A → B → C), after step 1"));
    }

    [Test]
    public void A_state_whose_only_way_in_has_probability_0_can_never_be_reached()
    {
        var errors = CheckTesting.Impossible(Chain, Evidence("first_held: \"m == D\", between: [1, 5]"));
        Assert.That(errors.Single(), Does.Contain("'D' can never be reached"));
    }

    [Test]
    public void The_same_state_at_a_step_it_can_be_reached_is_possible()
    {
        Assert.That(CheckTesting.Impossible(Chain, Evidence("holds: \"m == C\", at: 2")), Is.Empty);
        Assert.That(CheckTesting.Impossible(Chain, Evidence("does_not_hold: \"m == A\", at: 1")), Is.Empty);
    }

    [Test]
    public void A_condition_that_holds_in_every_trial_cannot_be_seen_not_to_hold()
    {
        var errors = CheckTesting.Impossible(Chain, Evidence("does_not_hold: \"m == A\", at: 0"));
        Assert.That(errors.Single(), Does.Contain("holds in every trial at step 0"));
        Assert.That(CheckTesting.Impossible(Chain, Evidence("not_held_by: \"m != D\", by: 3")).Single(), Does.Contain("holds in every trial at step 0"));
    }

    [Test]
    public void A_variable_outside_its_reachable_range_is_an_error_with_the_range()
    {
        // x grows by at most 1 a step, and only from step 1 (B is first reached at step 1).
        var errors = CheckTesting.Impossible(Chain, Evidence("holds: \"x > 3\", at: 3"));
        Assert.That(errors.Single(), Does.Contain("'x' can only lie in [0, 3] at step 3"));
        Assert.That(CheckTesting.Impossible(Chain, Evidence("holds: \"x > 2\", at: 3")), Is.Empty);
    }

    [Test]
    public void A_measurement_where_its_error_has_no_density_is_an_error()
    {
        var errors = CheckTesting.Impossible(Chain, Evidence("measured: x, at: 3, value: { uniform: [5, 8] }"));
        Assert.That(errors.Single(), Does.Contain("'x' can only lie in [0, 3] at step 3, where the measurement uniform(5, 8) has density 0"));
    }

    [Test]
    public void A_report_with_likelihood_0_in_every_state_the_machine_can_be_in_is_an_error()
    {
        var errors = CheckTesting.Impossible(Chain, Evidence("report: m, at: 1, likelihood: { C: 1, D: 1, otherwise: 0 }"));
        Assert.That(errors.Single(), Does.Contain("every state it can be in has likelihood 0"));
    }

    [Test]
    public void An_impossible_statement_with_a_reliability_is_named_but_is_not_an_error()
    {
        const string evidence = """
            as_of: 5
            observations:
              - { source: s, holds: "m == C", at: 1, reliability: 0.9 }
              - { source: t, report: m, at: 1, likelihood: { C: 0.9, otherwise: 0.2 } }
            """;
        Assert.That(CheckTesting.Impossible(Chain, evidence), Is.Empty);
        var result = CheckTesting.Run(Chain, evidence, trials: 4096, replicates: 4096);
        Assert.That(result.Observations[0].Impossible, Does.Contain("'C' can first be reached at step 2"));
        Assert.That(result.Observations[0].Note, Does.Contain("only a report error explains it"));
        Assert.That(result.Observations[1].Impossible, Does.Contain("the states it favours cannot be reached by then"));
        Assert.That(result.Observations[1].Note, Does.Contain("changes nothing but the marginal likelihood"));
    }
}
