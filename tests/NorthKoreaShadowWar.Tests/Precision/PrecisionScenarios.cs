namespace NorthKoreaShadowWar.Tests.Precision;

/// <summary>The scenario the precision tests run: every kind of outcome, with continuous values so that moments merge in floating point.</summary>
internal static class PrecisionScenarios
{
    public const string Small = """
        name: small
        title: "A small scenario"
        horizon: 8
        parameters:
          rate: { uniform: [0.1, 0.3] }
          size: { lognormal: { p05: 2, p95: 20 } }
        variables:
          x: { initial: 0 }
        machines:
          a:
            initial: Off
            states: [Off, On]
            absorbing: [On]
            each_step: { On: { x: "+= size" } }
            transitions: [ { from: Off, to: On, p: rate } ]
        outcomes:
          on: { reached: a.On, within: 4 }
          first: { first_step: a.On }
          final_a: { final: a }
          x_end: { value: x }
          in_on: { steps_in: a.On }
        """;
}
