using MathNet.Numerics.LinearAlgebra;
using NorthKoreaShadowWar.Exact;
using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Exact;

/// <summary>Exact propagation against closed forms, to 1e-9, and Monte Carlo against exact, within 5 standard errors.</summary>
public class ExactSolverTests
{
    private const double Precision = 1e-9;

    private static RunResult Solve(string yaml) => ExactSolver.Solve(ScenarioPipeline.PrepareText(yaml).Model);

    private static double Probability(RunResult result, string name) => result.Outcomes.OfType<ProbabilityResult>().Single(o => o.Name == name).Estimate;

    private static DistributionResult Distribution(RunResult result, string name) => result.Outcomes.OfType<DistributionResult>().Single(o => o.Name == name);

    [Test]
    public void Geometric_waiting_time_is_exact()
    {
        const string yaml = """
            name: geometric
            horizon: 30
            machines:
              a: { initial: Off, states: [Off, On], absorbing: [On], transitions: [ { from: Off, to: On, p: 0.1 } ] }
            outcomes:
              on_by_10: { reached: a.On, within: 10 }
              first_on: { first_step: a.On }
              on_steps: { steps_in: a.On }
            """;
        var result = Solve(yaml);
        var never = Math.Pow(0.9, 30);
        var mean = Enumerable.Range(1, 30).Sum(k => k * Math.Pow(0.9, k - 1) * 0.1) / (1 - never);
        var stepsOn = Enumerable.Range(1, 30).Sum(t => 1 - Math.Pow(0.9, t));
        Assert.Multiple(() =>
        {
            Assert.That(Probability(result, "on_by_10"), Is.EqualTo(1 - Math.Pow(0.9, 10)).Within(Precision));
            Assert.That(Distribution(result, "first_on").Never, Is.EqualTo(never).Within(Precision));
            Assert.That(Distribution(result, "first_on").Mean, Is.EqualTo(mean).Within(Precision));
            Assert.That(Distribution(result, "first_on").Quantiles.Single(q => q.Label == "p50").Value, Is.EqualTo(7), "smallest k with 1 - 0.9^k >= 0.5 (1 - never)");
            Assert.That(Distribution(result, "on_steps").Mean, Is.EqualTo(stepsOn).Within(Precision));
            Assert.That(Distribution(result, "first_on").Ci95, Is.EqualTo((mean, mean)).Using<(double, double)>((a, b) => Math.Abs(a.Item1 - b.Item1) < Precision && Math.Abs(a.Item2 - b.Item2) < Precision));
        });
    }

    [Test]
    public void Gamblers_ruin_is_exact()
    {
        const string yaml = """
            name: ruin
            horizon: 2000
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
        var result = Solve(yaml);
        const double p = 0.4, q = 0.6, r = q / p;
        var win = (1 - Math.Pow(r, 2)) / (1 - Math.Pow(r, 6));
        var duration = 2 / (q - p) - 6 / (q - p) * win;
        Assert.Multiple(() =>
        {
            Assert.That(Probability(result, "win"), Is.EqualTo(win).Within(Precision));
            Assert.That(Distribution(result, "duration").Mean, Is.EqualTo(duration).Within(Precision));
            Assert.That(Distribution(result, "duration").Never, Is.EqualTo(0).Within(Precision));
        });
    }

    [Test]
    public void Absorbing_chain_matches_the_fundamental_matrix()
    {
        const string yaml = """
            name: absorbing
            horizon: 3000
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
        var transient = Matrix<double>.Build.DenseOfArray(new[,] { { 0.4, 0.3, 0.2 }, { 0.25, 0.35, 0.25 }, { 0.1, 0.0, 0.4 } });
        var toAbsorbing = Matrix<double>.Build.DenseOfArray(new[,] { { 0.1, 0.0 }, { 0.0, 0.15 }, { 0.2, 0.3 } });
        var fundamental = (Matrix<double>.Build.DenseIdentity(3) - transient).Inverse();
        var absorption = fundamental * toAbsorbing;
        var expectedSteps = fundamental * Vector<double>.Build.Dense(3, 1.0);
        var result = Solve(yaml);
        Assert.Multiple(() =>
        {
            Assert.That(Probability(result, "ends_in_a"), Is.EqualTo(absorption[0, 0]).Within(Precision));
            Assert.That(Distribution(result, "absorbed").Mean, Is.EqualTo(expectedSteps[0]).Within(Precision));
        });
    }

    [Test]
    public void Coupled_pair_matches_the_hand_solution()
    {
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
              final_b: { final: b }
            """;
        static double BOnBy(int t)
        {
            var off = Math.Pow(0.7 * 0.9, t);
            for (var k = 1; k <= t; k++) off += Math.Pow(0.7, k - 1) * 0.3 * Math.Pow(0.9, k) * Math.Pow(0.6, t - k);
            return 1 - off;
        }
        var result = Solve(yaml);
        var final = result.Outcomes.OfType<CategoricalResult>().Single().Categories.Single(c => c.Category == "On").Probability;
        Assert.Multiple(() =>
        {
            Assert.That(Probability(result, "b_by_5"), Is.EqualTo(BOnBy(5)).Within(Precision));
            Assert.That(final, Is.EqualTo(BOnBy(12)).Within(Precision));
            Assert.That(result.Occupancy.Single(m => m.Machine == "b").States.Single(s => s.State == "On").Shares[12], Is.EqualTo(BOnBy(12)).Within(Precision));
        });
    }

    [Test]
    public void Ref4x6_matches_its_exact_table()
    {
        double[,] table =
        {
            { 0.011775, 0.011303, 0.012720, 0.013760, 0.013926, 0.936516 },
            { 0.013632, 0.014998, 0.016443, 0.016811, 0.019862, 0.918254 },
            { 0.015990, 0.015044, 0.017667, 0.017806, 0.012442, 0.921051 },
            { 0.012543, 0.015155, 0.015468, 0.010318, 0.012930, 0.933585 },
        };
        var result = ExactSolver.Solve(ScenarioPipeline.Prepare(Path.Combine(Paths.Scenarios, "bench", "ref4x6.yaml")).Model);
        for (var m = 0; m < 4; m++)
        {
            var final = result.Outcomes.OfType<CategoricalResult>().Single(c => c.Name == $"final_m{m}");
            for (var s = 0; s < 6; s++)
                Assert.That(final.Categories[s].Probability, Is.EqualTo(table[m, s]).Within(5e-7), $"machine {m}, state {s} (table rounded to 6 decimals)");
        }
    }

    [Test]
    public void Monte_Carlo_agrees_with_exact_on_every_bundled_scenario_with_fixed_parameters()
    {
        var checkedAny = false;
        foreach (var file in ScenarioFiles.Below(Paths.Scenarios))
        {
            var model = ScenarioPipeline.Prepare(file).Model;
            RunResult exact;
            try
            {
                exact = ExactSolver.Solve(model);
            }
            catch (ExactNotPossibleException)
            {
                continue;
            }
            checkedAny = true;
            const long trials = 100_000;
            var monteCarlo = Simulate.File(file, trials);
            foreach (var (estimate, truth) in monteCarlo.Outcomes.Zip(exact.Outcomes))
            {
                if (estimate is CategoricalResult c && truth is CategoricalResult t)
                    foreach (var (observed, expected) in c.Categories.Zip(t.Categories))
                        Assert.That(observed.Probability, Is.EqualTo(expected.Probability).Within(Tolerance.Proportion(expected.Probability, trials)), $"{file}: {c.Name} {observed.Category}");
                if (estimate is ProbabilityResult p && truth is ProbabilityResult e)
                    Assert.That(p.Estimate, Is.EqualTo(e.Estimate).Within(Tolerance.Proportion(e.Estimate, trials)), $"{file}: {p.Name}");
            }
        }
        Assert.That(checkedAny, Is.True, "at least one bundled scenario (ref4x6) can be solved exactly");
    }

    [TestCase("parameters:\n  rate: { uniform: [0.1, 0.2] }\n", "p: rate", "parameter 'rate' is drawn from uniform(0.1, 0.2)")]
    [TestCase("variables:\n  x: { initial: 0 }\n", "p: 0.1, when: \"x >= 0\"", "read variables")]
    [TestCase("variables:\n  x: { initial: 0 }\n", "p: 0.1", "outcome 'x_end' is the value of variables")]
    public void Scenarios_exact_cannot_solve_are_refused_with_the_reason(string declarations, string probability, string reason)
    {
        var yaml = $"name: refused\nhorizon: 5\n{declarations}machines:\n  a: {{ initial: Off, states: [Off, On], transitions: [ {{ from: Off, to: On, {probability} }} ] }}\n"
                   + (reason.Contains("x_end") ? "outcomes:\n  x_end: { value: x }\n" : "");
        var error = Assert.Throws<ExactNotPossibleException>(() => Solve(yaml))!;
        Assert.That(error.Message, Does.Contain(reason));
    }

    [Test]
    public void Exact_command_writes_a_results_folder_and_refuses_plainly_when_it_cannot()
    {
        var folder = Path.Combine(Directory.CreateTempSubdirectory("shadowwar-exact-").FullName, "r");
        try
        {
            var (exitCode, output, error) = CommandLine.Run("exact", Path.Combine(Paths.Scenarios, "bench", "ref4x6.yaml"), "--out", folder);
            var (refusedCode, _, refusal) = CommandLine.Run("exact", Path.Combine(Paths.Scenarios, "baseline.yaml"), "--out", folder + "-b");
            using var summary = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "summary.json")));
            var ci = summary.RootElement.GetProperty("outcomes").GetProperty("final_m0").GetProperty("ci95").GetProperty("S5");
            Assert.Multiple(() =>
            {
                Assert.That(exitCode, Is.EqualTo(0), error);
                Assert.That(output, Does.Contain("final_m0"));
                Assert.That(summary.RootElement.GetProperty("method").GetString(), Is.EqualTo("exact"));
                Assert.That(ci[0].GetDouble(), Is.EqualTo(ci[1].GetDouble()));
                Assert.That(refusedCode, Is.EqualTo(2));
                Assert.That(refusal, Does.Contain("no exact answer").And.Contain("is drawn from"));
                Assert.That(Directory.Exists(folder + "-b"), Is.False);
            });
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }
}
