namespace NorthKoreaShadowWar.Tests.Semantics;

/// <summary>Effects and variables (docs/scenario-format.md, "What a trial computes", 2. and 3.; "Variables"; "Parameters").</summary>
internal static partial class StepRules
{
    private static IEnumerable<StepRule> EffectRules()
    {
        // x starts at 3. Step 1: the transitions' effects in file order, a's (+= 1) then b's (*= 2): 8; then the
        // each_step effects of the states now occupied, in file order, a's Y (+= 100) then b's Q (*= 10): 1080.
        // y starts at 10: a's "-= 2" gives 8, b's plain 5 (the same as "= 5") gives 5, then Y's "+= 1" gives 6.
        yield return new StepRule("Transition_effects_apply_in_file_order_then_each_step_effects_of_the_new_states_in_file_order", """
            name: order
            horizon: 1
            variables:
              x: { initial: 3 }
              y: { initial: 10 }
            machines:
              a:
                initial: X
                states: [X, Y]
                each_step: { Y: { x: "+= 100", y: "+= 1" } }
                transitions: [ { from: X, to: Y, p: 1, effects: { x: "+= 1", y: "-= 2" } } ]
              b:
                initial: P
                states: [P, Q]
                each_step: { Q: { x: "*= 10" } }
                transitions: [ { from: P, to: Q, p: 1, effects: { x: "*= 2", y: 5 } } ]
            outcomes:
              x_end: { value: x }
              y_end: { value: y }
            """, 10, [Expect.Mean("x_end", 1080), Expect.Mean("y_end", 6)])
        { Deterministic = true, NotOnTableLoop = Effects, NotExact = ValueOutcomes };

        // Step 1: a's effect raises x from 3 to 4, but b's "= x" and Q's each_step "+= x" read x as it was at the start
        // of the step (y = 3, z = 3), and so does c's guard (3 >= 4 is false: c stays). Step 2 starts with x = 4: z = 3
        // + 4 = 7, and c moves.
        yield return new StepRule("Effects_and_guards_read_variables_as_they_were_at_the_start_of_the_step", """
            name: snapshot
            horizon: 2
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
              c: { initial: U, states: [U, V], transitions: [ { from: U, to: V, p: 1, when: "x >= 4" } ] }
            outcomes:
              x_end: { value: x }
              y_end: { value: y }
              z_end: { value: z }
              c_moved: { first_step: c.V }
            """, 10, [Expect.Mean("x_end", 4), Expect.Mean("y_end", 3), Expect.Mean("z_end", 7), Expect.Mean("c_moved", 2)])
        { Deterministic = true, NotOnTableLoop = Effects, NotExact = ReadsVariables };

        // "*" includes X itself: X -> X is taken every step, and its effect applies each time.
        yield return new StepRule("A_transition_to_the_same_state_is_taken_and_applies_its_effects", """
            name: loop
            horizon: 5
            variables:
              n: { initial: 0 }
            machines:
              a: { initial: X, states: [X, Done], absorbing: [Done], transitions: [ { from: "*", to: X, p: 1, effects: { n: "+= 1" } } ] }
            outcomes:
              n_end: { value: n }
              final_a: { final: a }
            """, 10, [Expect.Mean("n_end", 5), Expect.Final("final_a", "X", 1)])
        { Deterministic = true, NotOnTableLoop = Effects, NotExact = ValueOutcomes };

        // x grows by 5 on entering On (p 0.2 per step) and by 1 after every step spent in On:
        // E[x] = sum over t = 1..20 of P(On after t) + 5 P(On after 20) = sum of (1 - 0.8^t) + 5 (1 - 0.8^20).
        yield return new StepRule("Transition_and_each_step_effects_accumulate_in_a_variable", """
            name: variables
            horizon: 20
            variables:
              x: { initial: 0 }
            machines:
              a:
                initial: Off
                states: [Off, On]
                absorbing: [On]
                each_step: { On: { x: "+= 1" } }
                transitions: [ { from: Off, to: On, p: 0.2, effects: { x: "+= 5" } } ]
            outcomes:
              x_end: { value: x }
            """, 50_000, [Expect.Mean("x_end", Enumerable.Range(1, 20).Sum(t => 1 - Math.Pow(0.8, t)) + 5 * (1 - Math.Pow(0.8, 20)))])
        { NotOnTableLoop = Effects, NotExact = ValueOutcomes };

        // The clip pins a's draw to 0.5; b is derived from a although written before it, and v's initial value reads b:
        // 0.5 x 2 + 1 = 2; w's reads v, written after it: 2 x 3 = 6.
        yield return new StepRule("Parameters_and_initial_values_are_worked_out_each_after_what_it_reads", """
            name: params
            horizon: 1
            parameters:
              b: "a * 2"
              a: { uniform: [0, 1], clip: [0.5, 0.5] }
            variables:
              w: { initial: "v * 3" }
              v: { initial: "b + 1" }
            machines:
              m: { initial: X, states: [X, Y], transitions: [ { from: X, to: Y, p: "a * 2" } ] }
            outcomes:
              v_end: { value: v }
              w_end: { value: w }
              moved: { reached: m.Y }
            """, 10, [Expect.Mean("v_end", 2), Expect.Mean("w_end", 6), Expect.Probability("moved", 1)])
        { Deterministic = true, NotOnTableLoop = DrawnProbability, NotExact = DrawnParameter };

        // rate ~ uniform(0.1, 0.3), drawn once per trial: P(On by 10) = 1 - E[(1 - rate)^10]
        // = 1 - (0.9^11 - 0.7^11) / (0.2 x 11).
        yield return new StepRule("A_drawn_probability_is_drawn_once_per_trial", """
            name: uncertain
            horizon: 10
            parameters:
              rate: { uniform: [0.1, 0.3] }
            machines:
              a: { initial: Off, states: [Off, On], absorbing: [On], transitions: [ { from: Off, to: On, p: rate } ] }
            outcomes:
              on_by_10: { reached: a.On }
            """, 100_000, [Expect.Probability("on_by_10", 1 - (Math.Pow(0.9, 11) - Math.Pow(0.7, 11)) / (0.2 * 11))])
        { NotOnTableLoop = DrawnProbability, NotExact = DrawnParameter };
    }
}
