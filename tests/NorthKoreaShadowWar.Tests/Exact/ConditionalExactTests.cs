using NorthKoreaShadowWar.Exact;
using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Simulation;
using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Exact;

/// <summary>Parameter draws averaged over exact chain answers: unbiased, tighter than Monte Carlo, reproducible.</summary>
public class ConditionalExactTests
{
    private const string Uncertain = """
        name: uncertain
        horizon: 10
        parameters:
          rate: { uniform: [0.1, 0.3] }
        machines:
          a: { initial: Off, states: [Off, On], absorbing: [On], transitions: [ { from: Off, to: On, p: rate } ] }
        outcomes:
          on_by_10: { reached: a.On }
          first_on: { first_step: a.On }
          final_a: { final: a }
        """;

    private static ConditionalExactResult Run(string yaml, long trials, int threads = 2, ulong seed = 1) =>
        ConditionalExactRunner.Run(ScenarioPipeline.PrepareText(yaml).Model, new RunSettings { Trials = trials, Seed = seed, Threads = threads });

    [Test]
    public void The_estimate_agrees_with_the_closed_form_within_five_standard_errors()
    {
        // P(On by 10) = 1 - E[(1-p)^10] = 1 - (0.9^11 - 0.7^11) / (0.2 * 11) for p ~ uniform(0.1, 0.3).
        var exact = 1 - (Math.Pow(0.9, 11) - Math.Pow(0.7, 11)) / (0.2 * 11);
        var result = Run(Uncertain, 2_000).Result;
        var estimate = result.Outcomes.OfType<ProbabilityResult>().Single();
        var standardError = (estimate.Ci95.Upper - estimate.Ci95.Lower) / 2 / 1.959964;
        Assert.That(estimate.Estimate, Is.EqualTo(exact).Within(Tolerance.StandardErrors * standardError));
    }

    [Test]
    public void The_variance_is_far_smaller_than_plain_Monte_Carlo_at_equal_trials()
    {
        var run = Run(Uncertain, 2_000);
        var reduction = run.VarianceReductions.Single(r => r.Outcome == "on_by_10").VarianceReduction;
        var conditional = run.Result.Outcomes.OfType<ProbabilityResult>().Single();
        var plain = Simulate.Text(Uncertain, 2_000).Probability("on_by_10");
        Assert.Multiple(() =>
        {
            Assert.That(reduction, Is.GreaterThan(5));
            Assert.That(conditional.Ci95.Upper - conditional.Ci95.Lower, Is.LessThan(plain.Ci95.Upper - plain.Ci95.Lower));
        });
    }

    [Test]
    public void With_fixed_parameters_it_is_the_exact_answer()
    {
        var fixedRate = Uncertain.Replace("{ uniform: [0.1, 0.3] }", "0.2");
        var conditional = Run(fixedRate, 64).Result.Outcomes.OfType<ProbabilityResult>().Single();
        var exact = ExactSolver.Solve(ScenarioPipeline.PrepareText(fixedRate).Model).Outcomes.OfType<ProbabilityResult>().Single();
        Assert.Multiple(() =>
        {
            Assert.That(conditional.Estimate, Is.EqualTo(exact.Estimate).Within(1e-12));
            Assert.That(conditional.Ci95.Upper - conditional.Ci95.Lower, Is.EqualTo(0).Within(1e-12));
        });
    }

    [Test]
    public void The_numbers_do_not_depend_on_the_thread_count()
    {
        static string Numbers(RunResult result) => string.Join(";", result.Outcomes.Select(o => o.ToString()));
        Assert.That(Numbers(Run(Uncertain, 1_000, threads: 1).Result), Is.EqualTo(Numbers(Run(Uncertain, 1_000, threads: 2).Result)));
    }
}

/// <summary><c>run --conditional-exact</c> from the command line.</summary>
public class ConditionalExactCommandTests
{
    [Test]
    public void Run_with_conditional_exact_writes_the_variance_reduction_and_refuses_plainly_when_it_cannot()
    {
        var directory = Directory.CreateTempSubdirectory("shadowwar-conditional-").FullName;
        try
        {
            var file = Path.Combine(directory, "uncertain.yaml");
            File.WriteAllText(file, """
                name: uncertain
                horizon: 10
                parameters:
                  rate: { uniform: [0.1, 0.3] }
                machines:
                  a: { initial: Off, states: [Off, On], absorbing: [On], transitions: [ { from: Off, to: On, p: rate } ] }
                outcomes:
                  on_by_10: { reached: a.On }
                """);
            var (exitCode, output, error) = CommandLine.Run("run", file, "--conditional-exact", "--trials", "2000", "--out", Path.Combine(directory, "r"));
            var (refused, _, refusal) = CommandLine.Run("run", Path.Combine(Paths.Scenarios, "baseline.yaml"), "--conditional-exact", "--out", Path.Combine(directory, "b"));
            var reductions = File.ReadAllLines(Path.Combine(directory, "r", "variance-reduction.csv"));
            Assert.Multiple(() =>
            {
                Assert.That(exitCode, Is.EqualTo(0), error);
                Assert.That(output, Does.Contain("on_by_10: variance"));
                Assert.That(double.Parse(reductions[1].Split(',')[1], System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThan(5));
                Assert.That(File.ReadAllText(Path.Combine(directory, "r", "summary.json")), Does.Contain("\"method\": \"conditional-exact\""));
                Assert.That(refused, Is.EqualTo(2));
                Assert.That(refusal, Does.Contain("no conditional-exact answer"));
            });
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
