namespace NorthKoreaShadowWar.Tests.Sensitivity;

/// <summary>Small scenarios whose sensitivities are known exactly.</summary>
internal static class SensitivityScenarios
{
    /// <summary>
    /// y = x1 + 2·x2 with x1, x2 ~ U(0, 1), set once at the start: Var y = 1/12 + 4/12, so S1 = ST1 = 0.2 and
    /// S2 = ST2 = 0.8; nothing depends on chance. <c>moved</c> happens in the single step with probability x1.
    /// </summary>
    public const string Linear = """
        name: linear
        horizon: 1
        parameters:
          x1: { uniform: [0, 1] }
          x2: { uniform: [0, 1] }
        variables:
          y: { initial: "x1 + 2 * x2" }
        machines:
          m:
            initial: A
            states: [A, B]
            transitions: [ { from: A, to: B, p: x1 } ]
        outcomes:
          y_end: { value: y }
          moved: { reached: m.B }
          first_move: { first_step: m == B }
          final_m: { final: m }
        """;

    /// <summary>
    /// Three parameters with known monotone effects on the chance of moving in one step, p = up·(1 − down): up raises
    /// it, down lowers it, inert drives another machine and cannot change it.
    /// </summary>
    public const string Monotone = """
        name: monotone
        horizon: 1
        parameters:
          up: { uniform: [0.1, 0.5] }
          down: { uniform: [0.1, 0.5] }
          inert: { uniform: [0, 1] }
        machines:
          m:
            initial: A
            states: [A, B]
            transitions: [ { from: A, to: B, p: "up * (1 - down)" } ]
          other:
            initial: X
            states: [X, Y]
            transitions: [ { from: X, to: Y, p: inert } ]
        outcomes:
          moved: { reached: m.B }
        """;

    /// <summary>
    /// A parameter that only changes when a machine stops drawing random numbers: <c>settle</c> decides how soon
    /// <c>clock</c> reaches its absorbing state, which shifts every later draw of <c>m</c>, but the chance of
    /// <c>moved</c> (1 − (1 − rate)² over two steps) does not depend on it at all.
    /// </summary>
    public const string Reshuffling = """
        name: reshuffling
        horizon: 2
        parameters:
          settle: { uniform: [0, 1] }
          rate: { uniform: [0, 1] }
        machines:
          clock:
            initial: Running
            states: [Running, Stopped]
            absorbing: [Stopped]
            transitions: [ { from: Running, to: Stopped, p: settle } ]
          m:
            initial: A
            states: [A, B]
            transitions: [ { from: A, to: B, p: rate } ]
        outcomes:
          moved: { reached: m.B }
        """;
}
