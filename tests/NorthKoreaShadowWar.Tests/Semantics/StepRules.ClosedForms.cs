using MathNet.Numerics.LinearAlgebra;

namespace NorthKoreaShadowWar.Tests.Semantics;

/// <summary>Chains whose answers the mathematics gives in closed form: probabilities per step, absorption, coupling.</summary>
internal static partial class StepRules
{
    private static IEnumerable<StepRule> ClosedForms()
    {
        yield return Geometric();
        yield return CoupledPair();
        yield return GamblersRuin();
        yield return AbsorbingChain();
    }

    /// <summary>
    /// Off -> On with p = 0.1 per step. P(first entry <= N) = 1 - 0.9^N; never within the horizon H = 30: 0.9^H; the
    /// mean first step given it happened: the truncated geometric; steps in On: sum over t = 1..H of 1 - 0.9^t.
    /// Off holds at step 0, so its first step is 0 in every trial; On cannot hold within 0 steps.
    /// </summary>
    private static StepRule Geometric()
    {
        var never = Math.Pow(0.9, 30);
        var mean = Enumerable.Range(1, 30).Sum(k => k * Math.Pow(0.9, k - 1) * 0.1) / (1 - never);
        var stepsOn = Enumerable.Range(1, 30).Sum(t => 1 - Math.Pow(0.9, t));
        return new StepRule("A_probability_per_step_gives_a_geometric_waiting_time_counted_from_step_zero", """
            name: geometric
            horizon: 30
            machines:
              a: { initial: Off, states: [Off, On], absorbing: [On], transitions: [ { from: Off, to: On, p: 0.1 } ] }
            outcomes:
              on_by_10: { reached: a.On, within: 10 }
              on_at_0: { reached: a.On, within: 0 }
              first_on: { first_step: a.On }
              first_off: { first_step: a.Off }
              on_steps: { steps_in: a.On }
            """, 100_000,
            [
                Expect.Probability("on_by_10", 1 - Math.Pow(0.9, 10)), Expect.Probability("on_at_0", 0),
                Expect.Never("first_on", never), Expect.Mean("first_on", mean), Expect.Mean("first_off", 0), Expect.Never("first_off", 0),
                Expect.Mean("on_steps", stepsOn), Expect.Share("a", "On", 0, 0), Expect.Share("a", "On", 1, 0.1), Expect.Share("a", "On", 30, 1 - never),
            ]);
    }

    /// <summary>
    /// a: Off -> On with 0.3. b: Off -> On with 0.1, times 4 while a is On at the start of the step. With T the step a
    /// turns On, b uses 0.1 in steps 1..T and 0.4 after, so P(b Off after t) = sum over k = 1..t of
    /// 0.7^(k-1) 0.3 0.9^k 0.6^(t-k), plus 0.7^t 0.9^t.
    /// </summary>
    private static StepRule CoupledPair()
    {
        static double BOnBy(int t)
        {
            var off = Math.Pow(0.7 * 0.9, t);
            for (var k = 1; k <= t; k++) off += Math.Pow(0.7, k - 1) * 0.3 * Math.Pow(0.9, k) * Math.Pow(0.6, t - k);
            return 1 - off;
        }
        return new StepRule("A_multiplier_reads_the_other_machine_at_the_start_of_the_step", """
            name: pair
            horizon: 12
            machines:
              a: { initial: Off, states: [Off, On], absorbing: [On], transitions: [ { from: Off, to: On, p: 0.3 } ] }
              b:
                initial: Off
                states: [Off, On]
                absorbing: [On]
                transitions:
                  - { from: Off, to: On, p: 0.1, multipliers: [ { when: "a == On", by: 4 } ] }
            outcomes:
              b_by_5: { reached: b.On, within: 5 }
              final_b: { final: b }
            """, 100_000,
            [Expect.Probability("b_by_5", BOnBy(5)), Expect.Final("final_b", "On", BOnBy(12)), Expect.Share("b", "On", 12, BOnBy(12)), Expect.Share("b", "On", 1, 0.1)]);
    }

    /// <summary>
    /// A walk on 0..6 from 2, up with p = 0.4, down with q = 0.6, absorbed at 0 and 6: P(reach 6) = (1 - r^2) / (1 - r^6)
    /// with r = q / p; E[duration] = 2 / (q - p) - 6 / (q - p) P(reach 6). Over 300 steps the walk is still going with
    /// probability below 1e-20 (the largest eigenvalue of its transient part is 2 sqrt(pq) cos(pi / 6) = 0.85).
    /// </summary>
    private static StepRule GamblersRuin()
    {
        const double p = 0.4, q = 0.6, r = q / p;
        var win = (1 - Math.Pow(r, 2)) / (1 - Math.Pow(r, 6));
        return new StepRule("Absorbing_states_end_a_random_walk_as_the_gamblers_ruin_says", """
            name: ruin
            horizon: 300
            machines:
              walk:
                initial: W2
                states: [W0, W1, W2, W3, W4, W5, W6]
                absorbing: [W0, W6]
                transitions:
                  - { from: W1, to: W2, p: 0.4 }
                  - { from: W2, to: W3, p: 0.4 }
                  - { from: W3, to: W4, p: 0.4 }
                  - { from: W4, to: W5, p: 0.4 }
                  - { from: W5, to: W6, p: 0.4 }
                  - { from: W1, to: W0, p: 0.6 }
                  - { from: W2, to: W1, p: 0.6 }
                  - { from: W3, to: W2, p: 0.6 }
                  - { from: W4, to: W3, p: 0.6 }
                  - { from: W5, to: W4, p: 0.6 }
            outcomes:
              win: { reached: walk.W6 }
              duration: { first_step: "walk in [W0, W6]" }
            """, 20_000,
            [Expect.Probability("win", win), Expect.Mean("duration", 2 / (q - p) - 6 / (q - p) * win), Expect.Never("duration", 0), Expect.Share("walk", "W6", 300, win)]);
    }

    /// <summary>
    /// Transient T0..T2, absorbing A and B. With Q the transitions among the transient states and R those into A and B,
    /// N = (I - Q)^-1; the absorption probabilities are N R and the expected steps to absorption N 1. Over 400 steps
    /// the chain is still transient with probability below 0.9^400 (every row of Q adds up to at most 0.9).
    /// </summary>
    private static StepRule AbsorbingChain()
    {
        var transient = Matrix<double>.Build.DenseOfArray(new[,] { { 0.4, 0.3, 0.2 }, { 0.25, 0.35, 0.25 }, { 0.1, 0.0, 0.4 } });
        var toAbsorbing = Matrix<double>.Build.DenseOfArray(new[,] { { 0.1, 0.0 }, { 0.0, 0.15 }, { 0.2, 0.3 } });
        var fundamental = (Matrix<double>.Build.DenseIdentity(3) - transient).Inverse();
        var absorption = fundamental * toAbsorbing;
        var expectedSteps = fundamental * Vector<double>.Build.Dense(3, 1.0);
        return new StepRule("An_absorbing_chain_ends_as_its_fundamental_matrix_says", """
            name: absorbing
            horizon: 400
            machines:
              chain:
                initial: T0
                states: [T0, T1, T2, A, B]
                absorbing: [A, B]
                transitions:
                  - { from: T0, to: T1, p: 0.3 }
                  - { from: T0, to: T2, p: 0.2 }
                  - { from: T0, to: A, p: 0.1 }
                  - { from: T1, to: T0, p: 0.25 }
                  - { from: T1, to: T2, p: 0.25 }
                  - { from: T1, to: B, p: 0.15 }
                  - { from: T2, to: T0, p: 0.1 }
                  - { from: T2, to: A, p: 0.2 }
                  - { from: T2, to: B, p: 0.3 }
            outcomes:
              ends_in_a: { reached: chain.A }
              absorbed: { first_step: "chain in [A, B]" }
              final_chain: { final: chain }
            """, 20_000,
            [
                Expect.Probability("ends_in_a", absorption[0, 0]), Expect.Final("final_chain", "B", absorption[0, 1]),
                Expect.Mean("absorbed", expectedSteps[0]), Expect.Share("chain", "T1", 1, 0.3),
            ]);
    }
}
