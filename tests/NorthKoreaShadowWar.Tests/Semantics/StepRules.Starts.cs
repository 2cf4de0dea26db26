namespace NorthKoreaShadowWar.Tests.Semantics;

/// <summary>Machines that start from a distribution over states (docs/scenario-format.md, "Uncertain starting points").</summary>
internal static partial class StepRules
{
    private static IEnumerable<StepRule> StartRules()
    {
        // m starts On with 0.3, n with q = 0.35; both go Off -> On with 0.2 per step. On after step 1: 0.3 + 0.7 x 0.2;
        // On by step 2 = 1 - P(Off at steps 0, 1, 2) = 1 - 0.7 x 0.8^2; On after step t = 1 - 0.7 x 0.8^t.
        yield return new StepRule("A_machine_may_start_from_a_distribution_over_its_states", """
            name: uncertain-start
            horizon: 6
            parameters:
              q: 0.35
            machines:
              m:
                initial: { Off: 0.7, On: 0.3 }
                states: [Off, On]
                absorbing: [On]
                transitions: [ { from: Off, to: On, p: 0.2 } ]
              n:
                initial: { Off: "1 - q", On: q }
                states: [Off, On]
                absorbing: [On]
                transitions: [ { from: Off, to: On, p: 0.2 } ]
            outcomes:
              on_by_2: { reached: m.On, within: 2 }
              final_m: { final: m }
            """, 100_000,
            [
                Expect.Share("m", "On", 0, 0.3), Expect.Share("m", "On", 1, 0.3 + 0.7 * 0.2), Expect.Share("m", "On", 3, 1 - 0.7 * Math.Pow(0.8, 3)),
                Expect.Probability("on_by_2", 1 - 0.7 * 0.8 * 0.8),
                Expect.Final("final_m", "On", 1 - 0.7 * Math.Pow(0.8, 6)), Expect.Share("n", "On", 0, 0.35), Expect.Share("n", "On", 1, 0.35 + 0.65 * 0.2),
            ]);

        // q ~ uniform(0.2, 0.6), drawn per trial: a trial starts On with probability E[q] = 0.4, and is On after step 1
        // with 0.4 + 0.6 x 0.2.
        yield return new StepRule("A_start_distribution_from_a_drawn_parameter_averages_over_its_draws", """
            name: drawn-start
            horizon: 3
            parameters:
              q: { uniform: [0.2, 0.6] }
            machines:
              m:
                initial: { Off: "1 - q", On: q }
                states: [Off, On]
                absorbing: [On]
                transitions: [ { from: Off, to: On, p: 0.2 } ]
            """, 100_000, [Expect.Share("m", "On", 0, 0.4), Expect.Share("m", "On", 1, 0.4 + 0.6 * 0.2)])
        { NotExact = DrawnParameter };
    }
}
