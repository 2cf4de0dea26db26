using NorthKoreaShadowWar.Exact;
using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Exact;

/// <summary>
/// Exact propagation beyond the step rules (which Semantics/StepRuleTests pins on it as on every engine): the shape of its
/// results, a bundled scenario's exact table, Monte Carlo against it on every bundled scenario it solves, its refusals and
/// the <c>exact</c> command.
/// </summary>
public class ExactSolverTests
{
    private static RunResult Solve(string yaml) => ExactSolver.Solve(ScenarioPipeline.PrepareText(yaml).Model);

    private static DistributionResult Distribution(RunResult result, string name) => result.Outcomes.OfType<DistributionResult>().Single(o => o.Name == name);

    [Test]
    public void An_exact_distribution_has_exact_quantiles_and_intervals_of_zero_width()
    {
        // The waiting time of a geometric chain (its mean is pinned with the step rules, Semantics/StepRuleTests).
        const string yaml = """
            name: geometric
            horizon: 30
            machines:
              a: { initial: Off, states: [Off, On], absorbing: [On], transitions: [ { from: Off, to: On, p: 0.1 } ] }
            outcomes:
              first_on: { first_step: a.On }
              on_by_10: { reached: a.On, within: 10 }
            """;
        var result = Solve(yaml);
        var firstOn = Distribution(result, "first_on");
        var onBy10 = result.Outcomes.OfType<ProbabilityResult>().Single();
        Assert.Multiple(() =>
        {
            Assert.That(firstOn.Quantiles.Single(q => q.Label == "p50").Value, Is.EqualTo(7), "smallest k with 1 - 0.9^k >= 0.5 (1 - never)");
            Assert.That(firstOn.Ci95, Is.EqualTo((firstOn.Mean, firstOn.Mean)));
            Assert.That(onBy10.Ci95, Is.EqualTo((onBy10.Estimate, onBy10.Estimate)));
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
