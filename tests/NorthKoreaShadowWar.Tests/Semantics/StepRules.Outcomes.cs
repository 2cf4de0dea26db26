namespace NorthKoreaShadowWar.Tests.Semantics;

/// <summary>What the outcomes count, and stopping a trial that can no longer change (docs/scenario-format.md, "Outcomes").</summary>
internal static partial class StepRules
{
    private static IEnumerable<StepRule> OutcomeRules()
    {
        // x is 0 at step 0 and t after step t (X's each_step adds 1 after every step). A condition that holds at step 0
        // has first step 0; x >= 4 first holds after step 4; a never enters Y. value reads x after the step "at" names
        // (the last by default); steps_in counts steps 1..10, not the initial state.
        yield return new StepRule("First_step_reached_and_value_count_from_the_initial_state_as_step_zero", """
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
              x_at_0: { value: x, at: 0 }
              x_at_3: { value: x, at: 3 }
              x_end: { value: x }
              in_x: { steps_in: a.X }
            """, 10,
            [
                Expect.Mean("at_start", 0), Expect.Never("at_start", 0), Expect.Mean("x_reaches_4", 4), Expect.Never("never_y", 1),
                Expect.Probability("reached_at_0", 1), Expect.Probability("x_by_3", 0), Expect.Probability("x_by_4", 1),
                Expect.Mean("x_at_0", 0), Expect.Mean("x_at_3", 3), Expect.Mean("x_end", 10), Expect.Mean("in_x", 10),
            ])
        { Deterministic = true, NotOnTableLoop = Effects, NotExact = ValueOutcomes };

        // a cycles A -> B -> C -> A (a table row each), b cycles P -> Q -> R -> P under a guard that reads a variable (rows
        // computed every step). A first step is the first entry: a.B after step 1, a.C after 2, and leaving and entering
        // again (a.B after step 4) moves nothing; a condition on several states is met on entering the first of them and
        // not again on moving between them; the initial state meets its conditions at step 0.
        yield return new StepRule("A_first_step_is_the_first_entry_and_entering_again_changes_nothing", """
            name: entries
            horizon: 6
            variables:
              x: { initial: 0 }
            machines:
              a:
                initial: A
                states: [A, B, C]
                transitions: [ { from: A, to: B, p: 1 }, { from: B, to: C, p: 1 }, { from: C, to: A, p: 1 } ]
              b:
                initial: P
                states: [P, Q, R]
                transitions:
                  - { from: P, to: Q, p: 1, when: "x >= 0" }
                  - { from: Q, to: R, p: 1, when: "x >= 0" }
                  - { from: R, to: P, p: 1, when: "x >= 0" }
            outcomes:
              first_a: { first_step: a.A }
              first_b: { first_step: a.B }
              first_c: { first_step: a.C }
              first_bc: { first_step: "a in [B, C]" }
              first_ca: { first_step: "a in [C, A]" }
              first_q: { first_step: b.Q }
              first_qr: { first_step: "b in [Q, R]" }
              first_r: { first_step: b.R }
              c_by_1: { reached: a.C, within: 1 }
              c_by_2: { reached: a.C, within: 2 }
              in_b: { steps_in: a.B }
            """, 10,
            [
                Expect.Mean("first_a", 0), Expect.Mean("first_b", 1), Expect.Mean("first_c", 2), Expect.Mean("first_bc", 1),
                Expect.Mean("first_ca", 0), Expect.Mean("first_q", 1), Expect.Mean("first_qr", 1), Expect.Mean("first_r", 2),
                Expect.Never("first_b", 0), Expect.Probability("c_by_1", 0), Expect.Probability("c_by_2", 1), Expect.Mean("in_b", 2),
            ])
        { Deterministic = true, NotOnTableLoop = VariableProbability, NotExact = ReadsVariables };

        // a never moves; b enters the absorbing Q at step 1, after which every machine is in a state it cannot leave and
        // the trial stops being simulated. steps_in counts steps 1..50 (P holds only at step 0), and every remaining
        // step counts as if it had run.
        yield return new StepRule("Steps_in_counts_steps_one_to_the_horizon_and_a_frozen_trial_every_remaining_step", """
            name: steps
            horizon: 50
            machines:
              a: { initial: X, states: [X, Y], transitions: [] }
              b: { initial: P, states: [P, Q], absorbing: [Q], transitions: [ { from: P, to: Q, p: 1 } ] }
            outcomes:
              in_x: { steps_in: a.X }
              in_p: { steps_in: b.P }
              in_q: { steps_in: b.Q }
              final_b: { final: b }
            """, 100,
            [
                Expect.Mean("in_x", 50), Expect.Mean("in_p", 0), Expect.Mean("in_q", 50), Expect.Final("final_b", "Q", 1),
                Expect.Share("b", "P", 0, 1), .. Expect.Shares("b", "Q", Enumerable.Range(1, 50), 1), .. Expect.Shares("a", "X", Enumerable.Range(0, 51), 1),
            ])
        { Deterministic = true };

        // Both machines absorb at step 1. Done's each_step effect still adds 1 after each of the 20 steps, and
        // occupancy, steps_in and first_step are as if every step ran, whether or not an engine stops simulating.
        yield return new StepRule("Stopping_a_frozen_trial_early_changes_no_number", """
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
            """, 10,
            [Expect.Mean("days_end", 20), Expect.Mean("in_end", 20), Expect.Mean("done_from", 1), .. Expect.Shares("b", "End", Enumerable.Range(1, 20), 1)])
        { Deterministic = true, NotOnTableLoop = Effects, NotExact = ValueOutcomes };
    }
}
