using MathNet.Numerics.LinearAlgebra;
using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Simulation;

/// <summary>Monte Carlo against answers the mathematics gives exactly, within 5 standard errors.</summary>
public class ExactAnswerTests
{
    private const long Trials = 200_000;

    [Test]
    public void Geometric_waiting_time_matches_its_closed_form()
    {
        // P(first entry <= N) = 1 - 0.9^N; never within the horizon H: 0.9^H;
        // mean of the first step given it happened by H: truncated geometric.
        const string yaml = """
            name: geometric
            horizon: 30
            machines:
              a: { initial: Off, states: [Off, On], absorbing: [On], transitions: [ { from: Off, to: On, p: 0.1 } ] }
            outcomes:
              on_by_10: { reached: a.On, within: 10 }
              first_on: { first_step: a.On }
            """;
        var result = Simulate.Text(yaml, Trials);
        var within10 = 1 - Math.Pow(0.9, 10);
        var never = Math.Pow(0.9, 30);
        var probabilities = Enumerable.Range(1, 30).Select(k => Math.Pow(0.9, k - 1) * 0.1).ToArray();
        var conditionalMean = probabilities.Select((p, i) => p * (i + 1)).Sum() / (1 - never);
        var conditionalSd = Math.Sqrt(probabilities.Select((p, i) => p * Math.Pow(i + 1 - conditionalMean, 2)).Sum() / (1 - never));
        var first = result.Distribution("first_on");
        Assert.Multiple(() =>
        {
            Assert.That(result.Probability("on_by_10").Estimate, Is.EqualTo(within10).Within(Tolerance.Proportion(within10, Trials)));
            Assert.That(first.Never, Is.EqualTo(never).Within(Tolerance.Proportion(never, Trials)));
            Assert.That(first.Mean, Is.EqualTo(conditionalMean).Within(Tolerance.Mean(conditionalSd, first.Count)));
        });
    }

    [Test]
    public void Gamblers_ruin_win_probability_and_duration_match_the_closed_forms()
    {
        // Walk on 0..6 from 2, up with p = 0.4, down with q = 0.6, absorbed at 0 and 6.
        // P(reach 6) = (1 - r^k) / (1 - r^N) with r = q/p; E[duration] = k/(q-p) - N/(q-p) * P(reach 6).
        const string yaml = """
            name: ruin
            horizon: 1000
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
            """;
        var result = Simulate.Text(yaml, Trials);
        const double p = 0.4, q = 0.6, r = q / p;
        var win = (1 - Math.Pow(r, 2)) / (1 - Math.Pow(r, 6));
        var duration = 2 / (q - p) - 6 / (q - p) * win;
        var observed = result.Distribution("duration");
        Assert.Multiple(() =>
        {
            Assert.That(result.Probability("win").Estimate, Is.EqualTo(win).Within(Tolerance.Proportion(win, Trials)));
            Assert.That(observed.Never, Is.EqualTo(0));
            Assert.That(observed.Mean, Is.EqualTo(duration).Within(Tolerance.Mean(observed.StandardDeviation, observed.Count)));
        });
    }

    [Test]
    public void Absorbing_chain_matches_the_fundamental_matrix()
    {
        // Transient T0..T2, absorbing A and B. N = (I - Q)^-1, absorption probabilities N R, expected steps N 1.
        const string yaml = """
            name: absorbing
            horizon: 2000
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
            """;
        var q = Matrix<double>.Build.DenseOfArray(new[,]
        {
            { 0.4, 0.3, 0.2 },
            { 0.25, 0.35, 0.25 },
            { 0.1, 0.0, 0.4 },
        });
        var r = Matrix<double>.Build.DenseOfArray(new[,] { { 0.1, 0.0 }, { 0.0, 0.15 }, { 0.2, 0.3 } });
        var fundamental = (Matrix<double>.Build.DenseIdentity(3) - q).Inverse();
        var absorption = fundamental * r;
        var expectedSteps = fundamental * Vector<double>.Build.Dense(3, 1.0);
        var result = Simulate.Text(yaml, Trials);
        var observed = result.Distribution("absorbed");
        Assert.Multiple(() =>
        {
            Assert.That(result.Probability("ends_in_a").Estimate, Is.EqualTo(absorption[0, 0]).Within(Tolerance.Proportion(absorption[0, 0], Trials)));
            Assert.That(observed.Mean, Is.EqualTo(expectedSteps[0]).Within(Tolerance.Mean(observed.StandardDeviation, observed.Count)));
        });
    }

    [Test]
    public void Coupled_pair_matches_the_hand_solution_with_synchronous_updates()
    {
        // A: Off -> On w.p. 0.3. B: Off -> On w.p. 0.1, times 4 while A is On at the start of the step.
        // With T_A the step A turns On (geometric), B uses 0.1 in steps 1..T_A and 0.4 after, so
        // P(B Off after t) = sum_{k<=t} 0.7^(k-1) 0.3 0.9^k 0.6^(t-k) + 0.7^t 0.9^t.
        const string yaml = """
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
              b_by_12: { reached: b.On, within: 12 }
            """;
        static double BOnBy(int t)
        {
            var off = Math.Pow(0.7 * 0.9, t);
            for (var k = 1; k <= t; k++) off += Math.Pow(0.7, k - 1) * 0.3 * Math.Pow(0.9, k) * Math.Pow(0.6, t - k);
            return 1 - off;
        }
        var result = Simulate.Text(yaml, Trials);
        Assert.Multiple(() =>
        {
            Assert.That(result.Probability("b_by_5").Estimate, Is.EqualTo(BOnBy(5)).Within(Tolerance.Proportion(BOnBy(5), Trials)));
            Assert.That(result.Probability("b_by_12").Estimate, Is.EqualTo(BOnBy(12)).Within(Tolerance.Proportion(BOnBy(12), Trials)));
            Assert.That(result.Share("b", "On", 12), Is.EqualTo(BOnBy(12)).Within(Tolerance.Proportion(BOnBy(12), Trials)));
        });
    }

    [Test]
    public void Uncertain_probability_averages_the_chain_over_its_distribution()
    {
        // p ~ uniform(0.1, 0.3) per trial: P(On by N) = 1 - E[(1-p)^N] = 1 - (0.9^(N+1) - 0.7^(N+1)) / (0.2 (N+1)).
        const string yaml = """
            name: uncertain
            horizon: 10
            parameters:
              rate: { uniform: [0.1, 0.3] }
            machines:
              a: { initial: Off, states: [Off, On], absorbing: [On], transitions: [ { from: Off, to: On, p: rate } ] }
            outcomes:
              on_by_10: { reached: a.On }
            """;
        var exact = 1 - (Math.Pow(0.9, 11) - Math.Pow(0.7, 11)) / (0.2 * 11);
        var result = Simulate.Text(yaml, Trials);
        Assert.That(result.Probability("on_by_10").Estimate, Is.EqualTo(exact).Within(Tolerance.Proportion(exact, Trials)));
    }

    [Test]
    public void Variable_accumulated_each_step_has_the_expected_total()
    {
        // x grows by 1 each step spent On, and by 5 on entering: E[x] = sum_t (1 - 0.8^t) + 5 (1 - 0.8^20).
        const string yaml = """
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
            """;
        var exact = Enumerable.Range(1, 20).Sum(t => 1 - Math.Pow(0.8, t)) + 5 * (1 - Math.Pow(0.8, 20));
        var result = Simulate.Text(yaml, Trials);
        var x = result.Distribution("x_end");
        Assert.That(x.Mean, Is.EqualTo(exact).Within(Tolerance.Mean(x.StandardDeviation, x.Count)));
    }

    [Test]
    public void Ref4x6_final_distribution_matches_the_exact_table()
    {
        double[,] exact =
        {
            { 0.011775, 0.011303, 0.012720, 0.013760, 0.013926, 0.936516 },
            { 0.013632, 0.014998, 0.016443, 0.016811, 0.019862, 0.918254 },
            { 0.015990, 0.015044, 0.017667, 0.017806, 0.012442, 0.921051 },
            { 0.012543, 0.015155, 0.015468, 0.010318, 0.012930, 0.933585 },
        };
        var result = Simulate.File(Path.Combine(Paths.Scenarios, "bench", "ref4x6.yaml"), Trials);
        Assert.Multiple(() =>
        {
            for (var m = 0; m < 4; m++)
            {
                var final = result.Categorical($"final_m{m}");
                for (var s = 0; s < 6; s++)
                {
                    // The table is rounded to 6 decimals: add that rounding to the tolerance.
                    var tolerance = Tolerance.Proportion(exact[m, s], Trials) + 5e-7;
                    Assert.That(final.Categories[s].Probability, Is.EqualTo(exact[m, s]).Within(tolerance), $"machine {m}, state {s}");
                }
            }
        });
    }
}
