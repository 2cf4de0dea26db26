using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Simulation;

/// <summary>The rules of docs/scenario-format.md ("What a trial computes") that decide the numbers, pinned with deterministic scenarios (p = 0 or 1).</summary>
[TestFixture(true)]
[TestFixture(false)]
public class StepSemanticsTests(bool generatedCode)
{
    /// <summary>Runs the scenario with its per-step code generated or interpreted: both must give the same numbers and errors.</summary>
    private RunResult Run(string yaml, long trials, ulong seed = 1, int threads = 2) => Simulate.Text(yaml, trials, generatedCode, seed, threads);

    [Test]
    public void Machines_move_synchronously_reading_the_states_at_the_start_of_the_step()
    {
        // Each guard reads the other machine's state at the start of step 1: both are still in their first
        // state, so both move. Were updates sequential, the second machine would see the first one moved.
        var result = Run(SemanticsScenarios.Synchronous, trials: 3);
        Assert.Multiple(() =>
        {
            Assert.That(result.Share("a", "Y", 1), Is.EqualTo(1.0));
            Assert.That(result.Share("b", "Q", 1), Is.EqualTo(1.0));
            Assert.That(result.Share("a", "X", 0), Is.EqualTo(1.0));
        });
    }

    [Test]
    public void Transition_effects_apply_in_file_order_then_each_step_effects_of_the_new_states()
    {
        // Step 1: a's effect (+= 1) before b's (*= 2): (3 + 1) * 2 = 8; then each_step of Y adds 100.
        Assert.That(Run(SemanticsScenarios.EffectOrder, trials: 1).Distribution("x_end").Mean, Is.EqualTo(108));
    }

    [Test]
    public void Effect_values_read_variables_as_they_were_at_the_start_of_the_step()
    {
        // a's effect raises x from 3 to 4, but b's effect "= x" reads x at the start of the step: 3.
        const string yaml = """
            name: snapshot
            horizon: 1
            variables:
              x: { initial: 3 }
              y: { initial: 0 }
            machines:
              a: { initial: X, states: [X, Y], transitions: [ { from: X, to: Y, p: 1, effects: { x: "+= 1" } } ] }
              b: { initial: P, states: [P, Q], transitions: [ { from: P, to: Q, p: 1, effects: { y: "= x" } } ] }
            outcomes:
              x_end: { value: x }
              y_end: { value: y }
            """;
        var result = Run(yaml, trials: 1);
        Assert.Multiple(() =>
        {
            Assert.That(result.Distribution("x_end").Mean, Is.EqualTo(4));
            Assert.That(result.Distribution("y_end").Mean, Is.EqualTo(3));
        });
    }

    [Test]
    public void First_step_is_zero_when_the_condition_holds_initially_and_counts_steps_after_which_it_holds()
    {
        const string yaml = """
            name: first
            horizon: 10
            variables:
              x: { initial: 0 }
            machines:
              a:
                initial: X
                states: [X, Y]
                each_step: { X: { x: "+= 1" } }
                transitions: []
            outcomes:
              at_start: { first_step: "a == X" }
              x_reaches_4: { first_step: "x >= 4" }
              never_y: { first_step: a.Y }
              reached_at_0: { reached: a.X, within: 0 }
              x_by_3: { reached: "x >= 4", within: 3 }
              x_by_4: { reached: "x >= 4", within: 4 }
            """;
        var result = Run(yaml, trials: 5);
        Assert.Multiple(() =>
        {
            Assert.That(result.Distribution("at_start").Mean, Is.EqualTo(0));
            Assert.That(result.Distribution("x_reaches_4").Mean, Is.EqualTo(4));
            Assert.That(result.Distribution("never_y").Never, Is.EqualTo(1.0));
            Assert.That(result.Distribution("never_y").Count, Is.EqualTo(0));
            Assert.That(result.Probability("reached_at_0").Estimate, Is.EqualTo(1.0));
            Assert.That(result.Probability("x_by_3").Estimate, Is.EqualTo(0.0));
            Assert.That(result.Probability("x_by_4").Estimate, Is.EqualTo(1.0));
        });
    }

    [Test]
    public void Steps_in_counts_steps_one_to_horizon_and_not_the_initial_state()
    {
        const string yaml = """
            name: steps
            horizon: 10
            machines:
              a: { initial: X, states: [X, Y], transitions: [] }
              b: { initial: P, states: [P, Q], transitions: [ { from: P, to: Q, p: 1 } ] }
            outcomes:
              in_x: { steps_in: a.X }
              in_p: { steps_in: b.P }
              in_q: { steps_in: b.Q }
            """;
        var result = Run(yaml, trials: 4);
        Assert.Multiple(() =>
        {
            Assert.That(result.Distribution("in_x").Mean, Is.EqualTo(10));
            Assert.That(result.Distribution("in_p").Mean, Is.EqualTo(0));
            Assert.That(result.Distribution("in_q").Mean, Is.EqualTo(10));
        });
    }

    [Test]
    public void Stopping_a_frozen_trial_early_changes_no_number()
    {
        // Both machines absorb at step 1; the run stops simulating, yet occupancy, steps_in and the
        // each_step effect of the absorbing state must be as if all 20 steps ran.
        const string yaml = """
            name: frozen
            horizon: 20
            variables:
              days: { initial: 0 }
            machines:
              a:
                initial: X
                states: [X, Done]
                absorbing: [Done]
                each_step: { Done: { days: "+= 1" } }
                transitions: [ { from: X, to: Done, p: 1 } ]
              b:
                initial: P
                states: [P, End]
                absorbing: [End]
                transitions: [ { from: P, to: End, p: 1 } ]
            outcomes:
              days_end: { value: days }
              in_end: { steps_in: b.End }
              done_from: { first_step: a.Done }
            """;
        var result = Run(yaml, trials: 7);
        Assert.Multiple(() =>
        {
            Assert.That(result.Distribution("days_end").Mean, Is.EqualTo(20));
            Assert.That(result.Distribution("in_end").Mean, Is.EqualTo(20));
            Assert.That(result.Distribution("done_from").Mean, Is.EqualTo(1));
            Assert.That(Enumerable.Range(1, 20).Select(t => result.Share("b", "End", t)), Is.All.EqualTo(1.0));
        });
    }

    [Test]
    public void A_frozen_trial_without_effects_is_counted_in_every_remaining_step()
    {
        const string yaml = """
            name: tail
            horizon: 50
            machines:
              a: { initial: X, states: [X, Done], absorbing: [Done], transitions: [ { from: X, to: Done, p: 1 } ] }
            outcomes:
              in_done: { steps_in: a.Done }
              final_a: { final: a }
            """;
        var result = Run(yaml, trials: 3);
        Assert.Multiple(() =>
        {
            Assert.That(result.Distribution("in_done").Mean, Is.EqualTo(50));
            Assert.That(result.Share("a", "Done", 50), Is.EqualTo(1.0));
            Assert.That(result.Categorical("final_a").Categories.Single(c => c.Category == "Done").Probability, Is.EqualTo(1.0));
        });
    }

    [Test]
    public void Transitions_with_the_same_from_and_to_add_their_probabilities()
    {
        // Two transitions of 0.5 to the same state: the machine moves for certain.
        Assert.That(Run(SemanticsScenarios.SameFromAndTo, trials: 2000).Probability("moved").Estimate, Is.EqualTo(1.0));
    }

    [Test]
    public void From_star_leaves_every_non_absorbing_state_and_never_an_absorbing_one()
    {
        const string yaml = """
            name: star
            horizon: 3
            machines:
              a:
                initial: X
                states: [X, Y, Z]
                absorbing: [Z]
                transitions:
                  - { from: X, to: Y, p: 1 }
                  - { from: "*", to: Z, p: 0 }
                  - { from: "*", to: X, p: 1, when: "a == Y" }
            outcomes:
              final_a: { final: a }
            """;
        // X -> Y -> X -> Y: "*" applies to X and Y; Z is never entered (p 0).
        var result = Run(yaml, trials: 2);
        Assert.That(result.Share("a", "Y", 3), Is.EqualTo(1.0));
    }

    [Test]
    public void Guards_disable_a_transition_while_false_and_multipliers_scale_it_while_true()
    {
        const string yaml = """
            name: guards
            horizon: 1
            machines:
              gate: { initial: Open, states: [Open, Shut], transitions: [] }
              a:
                initial: X
                states: [X, Y, Z]
                transitions:
                  - { from: X, to: Y, p: 0.25, when: "gate == Shut" }
                  - from: X
                    to: Z
                    p: 0.25
                    multipliers: [ { when: "gate == Open", by: 4 } ]
            outcomes:
              y: { reached: a.Y }
              z: { reached: a.Z }
            """;
        var result = Run(yaml, trials: 1000);
        Assert.Multiple(() =>
        {
            Assert.That(result.Probability("y").Estimate, Is.EqualTo(0.0));
            Assert.That(result.Probability("z").Estimate, Is.EqualTo(1.0));
        });
    }
}
