using NorthKoreaShadowWar.Diagnostics;

using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Reference;

/// <summary>
/// The rules of docs/scenario-format.md ("What a trial computes", "Outcomes") pinned on the reference simulator
/// itself with deterministic scenarios (p = 0 or 1), as Simulation/StepSemanticsTests pins them on the kernel.
/// </summary>
public class ReferenceSemanticsTests
{
    [Test]
    public void Machines_move_synchronously_reading_the_states_at_the_start_of_the_step()
    {
        // Both guards read the other machine's state at the start of step 1, so both move. Were the updates
        // sequential, b would see that a had already left X and stay.
        var result = ReferenceRun.Text(SemanticsScenarios.Synchronous, trials: 3);
        Assert.Multiple(() =>
        {
            Assert.That(result.Share("a", "X", 0), Is.EqualTo(1.0));
            Assert.That(result.Share("a", "Y", 1), Is.EqualTo(1.0));
            Assert.That(result.Share("b", "Q", 1), Is.EqualTo(1.0));
        });
    }

    [Test]
    public void Transition_effects_apply_in_file_order_then_each_step_effects_of_the_new_states()
    {
        // Step 1: a's effect (+= 1) before b's (*= 2): (3 + 1) * 2 = 8; then each_step of Y adds 100.
        Assert.That(ReferenceRun.Text(SemanticsScenarios.EffectOrder, trials: 1).Distribution("x_end").Mean, Is.EqualTo(108));
    }

    [Test]
    public void Effect_values_read_variables_as_they_were_at_the_start_of_the_step()
    {
        // a's effect raises x from 3 to 4, but b's "= x" and the each_step "+= x" both read x at the start of
        // step 1: y = 3, then z = 0 + 3.
        const string yaml = """
            name: snapshot
            horizon: 1
            variables:
              x: { initial: 3 }
              y: { initial: 0 }
              z: { initial: 0 }
            machines:
              a: { initial: X, states: [X, Y], transitions: [ { from: X, to: Y, p: 1, effects: { x: "+= 1" } } ] }
              b:
                initial: P
                states: [P, Q]
                each_step: { Q: { z: "+= x" } }
                transitions: [ { from: P, to: Q, p: 1, effects: { y: "= x" } } ]
            outcomes:
              x_end: { value: x }
              y_end: { value: y }
              z_end: { value: z }
            """;
        var result = ReferenceRun.Text(yaml, trials: 1);
        Assert.Multiple(() =>
        {
            Assert.That(result.Distribution("x_end").Mean, Is.EqualTo(4));
            Assert.That(result.Distribution("y_end").Mean, Is.EqualTo(3));
            Assert.That(result.Distribution("z_end").Mean, Is.EqualTo(3));
        });
    }

    [Test]
    public void A_self_loop_is_taken_and_applies_its_effects()
    {
        // "*" includes X itself: the transition X -> X is a Stateless re-entry, and its effect applies each step.
        const string yaml = """
            name: loop
            horizon: 5
            variables:
              n: { initial: 0 }
            machines:
              a: { initial: X, states: [X, Done], absorbing: [Done], transitions: [ { from: "*", to: X, p: 1, effects: { n: "+= 1" } } ] }
            outcomes:
              n_end: { value: n }
              final_a: { final: a }
            """;
        var result = ReferenceRun.Text(yaml, trials: 2);
        Assert.Multiple(() =>
        {
            Assert.That(result.Distribution("n_end").Mean, Is.EqualTo(5));
            Assert.That(result.Categorical("final_a").Share("X"), Is.EqualTo(1.0));
        });
    }

    [Test]
    public void First_step_and_reached_count_from_the_initial_state_as_step_zero()
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
        var result = ReferenceRun.Text(yaml, trials: 5);
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
    public void Steps_in_counts_steps_one_to_horizon_and_value_at_reads_after_that_step()
    {
        const string yaml = """
            name: steps
            horizon: 10
            variables:
              days: { initial: 0 }
            machines:
              a: { initial: X, states: [X, Y], each_step: { X: { days: "+= 1" } }, transitions: [] }
              b: { initial: P, states: [P, Q], absorbing: [Q], transitions: [ { from: P, to: Q, p: 1 } ] }
            outcomes:
              in_x: { steps_in: a.X }
              in_p: { steps_in: b.P }
              in_q: { steps_in: b.Q }
              days_at_0: { value: days, at: 0 }
              days_at_3: { value: days, at: 3 }
              days_end: { value: days }
            """;
        var result = ReferenceRun.Text(yaml, trials: 4);
        Assert.Multiple(() =>
        {
            Assert.That(result.Distribution("in_x").Mean, Is.EqualTo(10));
            Assert.That(result.Distribution("in_p").Mean, Is.EqualTo(0));
            Assert.That(result.Distribution("in_q").Mean, Is.EqualTo(10));
            Assert.That(result.Distribution("days_at_0").Mean, Is.EqualTo(0));
            Assert.That(result.Distribution("days_at_3").Mean, Is.EqualTo(3));
            Assert.That(result.Distribution("days_end").Mean, Is.EqualTo(10));
            Assert.That(Enumerable.Range(1, 10).Select(t => result.Share("b", "Q", t)), Is.All.EqualTo(1.0));
        });
    }

    [Test]
    public void Transitions_with_the_same_from_and_to_add_their_probabilities()
    {
        Assert.That(ReferenceRun.Text(SemanticsScenarios.SameFromAndTo, trials: 2000).Probability("moved").Estimate, Is.EqualTo(1.0));
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
                    multipliers: [ { when: "gate == Open", by: 4 }, { when: "gate == Shut", by: 0 } ]
            outcomes:
              y: { reached: a.Y }
              z: { reached: a.Z }
            """;
        var result = ReferenceRun.Text(yaml, trials: 1000);
        Assert.Multiple(() =>
        {
            Assert.That(result.Probability("y").Estimate, Is.EqualTo(0.0));
            Assert.That(result.Probability("z").Estimate, Is.EqualTo(1.0));
        });
    }

    [Test]
    public void Parameters_are_drawn_clipped_and_derived_in_order()
    {
        // The clip pins a's draw to 0.5; b is derived from it and read by the initial value of v.
        const string yaml = """
            name: params
            horizon: 1
            parameters:
              b: "a * 2"
              a: { uniform: [0, 1], clip: [0.5, 0.5] }
            variables:
              v: { initial: "b + 1" }
            machines:
              m: { initial: X, states: [X, Y], transitions: [ { from: X, to: Y, p: a } ] }
            outcomes:
              v_end: { value: v }
            """;
        var result = ReferenceRun.Text(yaml, trials: 3);
        Assert.That(result.Distribution("v_end").Mean, Is.EqualTo(2));
    }

    [Test]
    public void Outgoing_probabilities_over_one_stop_the_run_naming_machine_state_trial_and_step()
    {
        // The probabilities read x, so validation cannot decide them: 0 at step 1, 0.6 + 0.6 at step 2.
        const string yaml = """
            name: over
            horizon: 5
            variables:
              x: { initial: 0 }
            machines:
              clock: { initial: T, states: [T, U], each_step: { T: { x: "+= 1" } }, transitions: [] }
              a:
                initial: X
                states: [X, Y, Z]
                transitions:
                  - { from: X, to: Y, p: "x * 0.6" }
                  - { from: X, to: Z, p: "x * 0.6" }
            """;
        var error = Assert.Throws<SimulationException>(() => ReferenceRun.Text(yaml, trials: 1));
        Assert.That(error!.Message, Is.EqualTo("machine 'a', state 'X': the outgoing probabilities add up to 1.2, in trial 0 at step 2"));
    }

    [Test]
    public void A_negative_probability_stops_the_run()
    {
        const string yaml = """
            name: negative
            horizon: 3
            variables:
              x: { initial: -1 }
            machines:
              a: { initial: X, states: [X, Y], transitions: [ { from: X, to: Y, p: "x * 0.1" } ] }
            """;
        var error = Assert.Throws<SimulationException>(() => ReferenceRun.Text(yaml, trials: 1));
        Assert.That(error!.Message, Does.StartWith("machine 'a', state 'X': a transition has probability -0.1, in trial 0 at step 1"));
    }
}
