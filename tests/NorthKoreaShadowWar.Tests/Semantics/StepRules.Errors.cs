namespace NorthKoreaShadowWar.Tests.Semantics;

/// <summary>Probabilities no step can use stop the run (docs/scenario-format.md, "What a trial computes").</summary>
internal static partial class StepRules
{
    private static IEnumerable<StepRule> ErrorRules()
    {
        // The probabilities read x, so validation cannot decide them: 0 at step 1, 0.6 + 0.6 at step 2.
        yield return new StepRule("Outgoing_probabilities_over_one_stop_the_run_naming_machine_state_trial_and_step", """
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
            """, 1, [])
        {
            Error = "machine 'a', state 'X': the outgoing probabilities add up to 1.2, in trial 0 at step 2",
            NotOnTableLoop = VariableProbability, NotExact = ReadsVariables,
        };

        yield return new StepRule("A_negative_probability_stops_the_run_naming_machine_state_trial_and_step", """
            name: negative
            horizon: 3
            variables:
              x: { initial: -1 }
            machines:
              a: { initial: X, states: [X, Y], transitions: [ { from: X, to: Y, p: "x * 0.1" } ] }
            """, 1, [])
        {
            Error = "machine 'a', state 'X': a transition has probability -0.1, in trial 0 at step 1",
            NotOnTableLoop = VariableProbability, NotExact = ReadsVariables,
        };
    }
}
