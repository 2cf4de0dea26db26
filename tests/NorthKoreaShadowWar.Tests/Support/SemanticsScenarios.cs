namespace NorthKoreaShadowWar.Tests.Support;

/// <summary>
/// Deterministic scenarios (p = 0 or 1) that pin the step semantics of docs/scenario-format.md ("What a trial computes"). Both the fast kernel and the
/// reference simulator are tested on the very same texts.
/// </summary>
internal static class SemanticsScenarios
{
    /// <summary>Each guard reads the other machine at the start of step 1: both move (sequential updates would move only one).</summary>
    public const string Synchronous = """
        name: sync
        horizon: 2
        machines:
          a: { initial: X, states: [X, Y], transitions: [ { from: X, to: Y, p: 1, when: "b == P" } ] }
          b: { initial: P, states: [P, Q], transitions: [ { from: P, to: Q, p: 1, when: "a == X" } ] }
        """;

    /// <summary>x starts at 3; a's effect (+= 1) applies before b's (*= 2), then each_step of Y adds 100: (3 + 1) * 2 + 100 = 108.</summary>
    public const string EffectOrder = """
        name: order
        horizon: 1
        variables:
          x: { initial: 3 }
        machines:
          a:
            initial: X
            states: [X, Y]
            each_step: { Y: { x: "+= 100" } }
            transitions: [ { from: X, to: Y, p: 1, effects: { x: "+= 1" } } ]
          b:
            initial: P
            states: [P, Q]
            transitions: [ { from: P, to: Q, p: 1, effects: { x: "*= 2" } } ]
        outcomes:
          x_end: { value: x }
        """;

    /// <summary>Two transitions of 0.5 between the same states: the machine moves for certain.</summary>
    public const string SameFromAndTo = """
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
        """;
}
