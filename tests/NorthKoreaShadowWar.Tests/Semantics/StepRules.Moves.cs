namespace NorthKoreaShadowWar.Tests.Semantics;

/// <summary>How machines move (docs/scenario-format.md, "What a trial computes", 1.).</summary>
internal static partial class StepRules
{
    private static IEnumerable<StepRule> Moves()
    {
        // Each guard reads the other machine's state at the start of step 1: both are still in their first state, so
        // both move. Were the updates sequential, b would see that a had already left X and stay.
        yield return new StepRule("Machines_move_synchronously_reading_the_states_at_the_start_of_the_step", """
            name: sync
            horizon: 2
            machines:
              a: { initial: X, states: [X, Y], transitions: [ { from: X, to: Y, p: 1, when: "b == P" } ] }
              b: { initial: P, states: [P, Q], transitions: [ { from: P, to: Q, p: 1, when: "a == X" } ] }
            """, 100,
            [Expect.Share("a", "X", 0, 1), Expect.Share("a", "Y", 1, 1), Expect.Share("b", "Q", 1, 1), Expect.Share("b", "Q", 2, 1)])
        { Deterministic = true };

        // Two transitions of 0.5 from X to Y: the machine moves for certain.
        yield return new StepRule("Transitions_with_the_same_from_and_to_add_their_probabilities", """
            name: add
            horizon: 1
            machines:
              a:
                initial: X
                states: [X, Y]
                transitions:
                  - { from: X, to: Y, p: 0.5 }
                  - { from: X, to: Y, p: 0.5 }
            outcomes:
              moved: { reached: a.Y }
            """, 2000, [Expect.Probability("moved", 1)])
        { Deterministic = true };

        // X -> Y at step 1; "*" -> X (while in Y) at step 2; X -> Y at step 3. "*" leaves X and Y, never the absorbing Z,
        // and Z is never entered (p 0).
        yield return new StepRule("From_star_leaves_every_non_absorbing_state_and_never_an_absorbing_one", """
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
            """, 100,
            [Expect.Share("a", "Y", 1, 1), Expect.Share("a", "X", 2, 1), Expect.Share("a", "Y", 3, 1), .. Expect.Shares("a", "Z", [1, 2, 3], 0)])
        { Deterministic = true };

        // The gate stays Open: X -> Y is disabled (its guard is false), X -> Z has 0.25 x 4 = 1 (the multiplier by 0
        // does not hold).
        yield return new StepRule("Guards_disable_a_transition_while_false_and_multipliers_scale_it_while_true", """
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
            """, 1000, [Expect.Probability("y", 0), Expect.Probability("z", 1)])
        { Deterministic = true };

        // The multipliers that hold (by 2 and by 3) multiply p; the one that does not (by 5) is left out: 0.1 x 2 x 3.
        yield return new StepRule("The_multipliers_that_hold_multiply_the_probability", """
            name: multipliers
            horizon: 1
            machines:
              gate: { initial: Open, states: [Open, Shut], transitions: [] }
              a:
                initial: X
                states: [X, Y]
                transitions:
                  - from: X
                    to: Y
                    p: 0.1
                    multipliers: [ { when: "gate == Open", by: 2 }, { when: "gate != Shut", by: 3 }, { when: gate.Shut, by: 5 } ]
            outcomes:
              y: { reached: a.Y }
            """, 100_000, [Expect.Probability("y", 0.1 * 2 * 3)]);
    }
}
