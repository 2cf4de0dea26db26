using System.Text.Json;
using MathNet.Numerics.Distributions;
using NorthKoreaShadowWar.Diagnostics;
using NorthKoreaShadowWar.Exact;
using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Tests.Support;
using NorthKoreaShadowWar.Tests.Updating;
using NorthKoreaShadowWar.Updating;

namespace NorthKoreaShadowWar.Tests.Exact;

/// <summary>
/// <c>exact --evidence</c> against answers by hand, to 1e-9, for every kind of observation; the observations it cannot
/// condition on and evidence of probability zero refused at the observation's line and column.
/// </summary>
public class ConditionedExactTests
{
    private const double Precision = 1e-9;
    private const double P = 0.2;

    /// <summary>Off → On with probability 0.2 per step; a variable nothing reads, and a fixed parameter.</summary>
    private const string Geometric = """
        name: geometric
        horizon: 12
        parameters:
          c: 3
        variables:
          x: { initial: 1 }
        machines:
          m:
            initial: Off
            states: [Off, On]
            absorbing: [On]
            transitions: [ { from: Off, to: On, p: 0.2 } ]
        outcomes:
          on_by_2: { reached: m.On, within: 2 }
          on_by_3: { reached: m.On, within: 3 }
          on_by_7: { reached: m.On, within: 7 }
          first_on: { first_step: m.On }
          steps_on: { steps_in: m.On }
          final_m: { final: m }
        """;

    private static ConditionedExactResult Solve(string evidence, string scenario = Geometric)
    {
        var (prepared, file) = UpdateTesting.Load(scenario, evidence);
        return ConditionedExactSolver.Solve(prepared.Model, file);
    }

    private static double Probability(RunResult result, string name) => result.Outcomes.OfType<ProbabilityResult>().Single(o => o.Name == name).Estimate;

    private static DistributionResult Distribution(RunResult result, string name) => result.Outcomes.OfType<DistributionResult>().Single(o => o.Name == name);

    /// <summary>P(first step = k) in the prior.</summary>
    private static double First(int k) => k == 0 ? 0 : P * Math.Pow(1 - P, k - 1);

    [Test]
    public void A_certain_first_step_gives_that_step_and_its_probability()
    {
        var result = Solve("as_of: 4\nobservations:\n  - { source: s, first_held: \"m == On\", between: [4, 4] }\n");
        var on = result.Posterior.Occupancy.Single().States.Single(s => s.State == "On").Shares;
        Assert.Multiple(() =>
        {
            Assert.That(result.LogMarginalLikelihood, Is.EqualTo(Math.Log(First(4))).Within(Precision));
            Assert.That(Distribution(result.Posterior, "first_on").Mean, Is.EqualTo(4).Within(Precision));
            Assert.That(Distribution(result.Posterior, "steps_on").Mean, Is.EqualTo(12 - 4 + 1).Within(Precision));
            Assert.That(Probability(result.Posterior, "on_by_3"), Is.EqualTo(0).Within(Precision));
            Assert.That(on[3], Is.EqualTo(0).Within(Precision));
            Assert.That(on[4], Is.EqualTo(1).Within(Precision));
            Assert.That(Probability(result.Prior, "on_by_3"), Is.EqualTo(1 - Math.Pow(1 - P, 3)).Within(Precision));
        });
    }

    [Test]
    public void A_partly_reliable_first_held_range_weighs_the_steps_inside_and_outside_it()
    {
        const double r = 0.9;
        var result = Solve($"as_of: 5\nobservations:\n  - {{ source: s, first_held: \"m == On\", between: [3, 5], reliability: {r} }}\n");
        var inside = First(3) + First(4) + First(5);
        var z = r * inside + (1 - r) * (1 - inside);
        Assert.Multiple(() =>
        {
            Assert.That(result.LogMarginalLikelihood, Is.EqualTo(Math.Log(z)).Within(Precision));
            Assert.That(Probability(result.Posterior, "on_by_2"), Is.EqualTo((1 - r) * (First(1) + First(2)) / z).Within(Precision));
            Assert.That(Probability(result.Posterior, "on_by_7"),
                Is.EqualTo(((1 - r) * (First(1) + First(2) + First(6) + First(7)) + r * inside) / z).Within(Precision));
        });
    }

    [Test]
    public void Not_held_by_a_step_restarts_the_waiting_time_there()
    {
        var result = Solve("as_of: 5\nobservations:\n  - { source: s, not_held_by: \"m == On\", by: 5 }\n");
        Assert.Multiple(() =>
        {
            Assert.That(result.LogMarginalLikelihood, Is.EqualTo(5 * Math.Log(1 - P)).Within(Precision));
            Assert.That(Probability(result.Posterior, "on_by_7"), Is.EqualTo(1 - Math.Pow(1 - P, 2)).Within(Precision));
            Assert.That(Distribution(result.Posterior, "first_on").Never, Is.EqualTo(Math.Pow(1 - P, 7)).Within(Precision));
        });
    }

    [Test]
    public void Holds_does_not_hold_and_a_report_weigh_the_state_at_their_step()
    {
        var onBy3 = 1 - Math.Pow(1 - P, 3);
        var report = Solve("as_of: 3\nobservations:\n  - { source: s, report: m, at: 3, likelihood: { On: 0.9, Off: 0.2 } }\n");
        var reportZ = 0.9 * onBy3 + 0.2 * (1 - onBy3);
        var holds = Solve("as_of: 3\nobservations:\n  - { source: s, holds: \"m == On\", at: 3, reliability: 0.7 }\n");
        var holdsZ = 0.7 * onBy3 + 0.3 * (1 - onBy3);
        var doesNot = Solve("as_of: 3\nobservations:\n  - { source: s, does_not_hold: \"m == On\", at: 3 }\n");
        Assert.Multiple(() =>
        {
            Assert.That(report.LogMarginalLikelihood, Is.EqualTo(Math.Log(reportZ)).Within(Precision));
            Assert.That(Probability(report.Posterior, "on_by_3"), Is.EqualTo(0.9 * onBy3 / reportZ).Within(Precision));
            Assert.That(holds.LogMarginalLikelihood, Is.EqualTo(Math.Log(holdsZ)).Within(Precision));
            Assert.That(Probability(holds.Posterior, "on_by_3"), Is.EqualTo(0.7 * onBy3 / holdsZ).Within(Precision));
            Assert.That(doesNot.LogMarginalLikelihood, Is.EqualTo(Math.Log(1 - onBy3)).Within(Precision));
            Assert.That(Probability(doesNot.Posterior, "on_by_7"), Is.EqualTo(1 - Math.Pow(1 - P, 4)).Within(Precision));
        });
    }

    [Test]
    public void A_measurement_of_what_exact_tracks_is_its_density_there()
    {
        // c is fixed: the measurement has the same likelihood on every path, so only log Z changes.
        var result = Solve("as_of: 2\nobservations:\n  - { source: s, measured: \"c * 2\", at: 2, value: { normal: { mean: 7, sd: 0.5 } } }\n");
        Assert.Multiple(() =>
        {
            Assert.That(result.LogMarginalLikelihood, Is.EqualTo(Normal.PDFLn(7, 0.5, 6)).Within(Precision));
            Assert.That(Probability(result.Posterior, "on_by_7"), Is.EqualTo(Probability(result.Prior, "on_by_7")).Within(Precision));
        });
    }

    [Test]
    public void Several_tracked_observations_combine()
    {
        // Certain: not On by 2, first On in [3, 4], and (reliably, 0.8) not On by 3.
        var result = Solve("""
            as_of: 4
            observations:
              - { source: a, not_held_by: "m == On", by: 2 }
              - { source: b, first_held: "m == On", between: [3, 4] }
              - { source: c, not_held_by: "m == On", by: 3, reliability: 0.8 }
            """);
        var z = First(3) * 0.2 + First(4) * 0.8;
        Assert.Multiple(() =>
        {
            Assert.That(result.LogMarginalLikelihood, Is.EqualTo(Math.Log(z)).Within(Precision));
            Assert.That(Probability(result.Posterior, "on_by_3"), Is.EqualTo(First(3) * 0.2 / z).Within(Precision));
        });
    }

    [TestCase("measured: x, at: 2, value: { normal: { mean: 1, sd: 1 } }", "what it measures, 'x', reads variables")]
    [TestCase("holds: \"x > 0\", at: 2", "its condition 'x > 0' reads variables")]
    public void Observations_that_read_variables_are_refused_at_their_line_and_column(string observation, string reason)
    {
        var (_, file) = UpdateTesting.Load(Geometric, $"as_of: 2\nobservations:\n  - {{ source: fine, holds: \"m == Off\", at: 1 }}\n  - {{ source: s, {observation} }}\n");
        var diagnostics = new DiagnosticBag();
        ConditionedExactSolver.Check(file, diagnostics);
        Assert.That(diagnostics.Sorted().Select(d => d.ToString()),
            Is.EqualTo(new[] { $"evidence.yaml:4:5: error: exact cannot condition on this observation: {reason}, and exact tracks machine states only (use update)" }));
    }

    [Test]
    public void Evidence_of_probability_zero_names_the_observation_that_rules_out_the_last_paths()
    {
        // On cannot hold at step 0 (the initial state is Off), nor first at step 2 once it held at step 1.
        var error = Assert.Throws<EvidenceImpossibleException>(() => Solve("""
            as_of: 3
            observations:
              - { source: fine, holds: "m == On", at: 1 }
              - { source: "the impossible one", first_held: "m == On", between: [2, 3] }
            """))!;
        Assert.Multiple(() =>
        {
            Assert.That(error.Observation.Source, Is.EqualTo("the impossible one"));
            Assert.That(error.Message, Does.StartWith("evidence.yaml:4:5: error: the evidence is impossible under the scenario: it has probability zero"));
        });
    }

    [Test]
    public void The_exact_command_conditions_on_evidence_and_refuses_what_it_cannot()
    {
        var folder = Directory.CreateTempSubdirectory("exact-evidence").FullName;
        try
        {
            var scenario = Path.Combine(folder, "geometric.yaml");
            var evidence = Path.Combine(folder, "evidence.yaml");
            var unconditionable = Path.Combine(folder, "variables.yaml");
            var drawn = Path.Combine(folder, "drawn.yaml");
            File.WriteAllText(scenario, Geometric);
            File.WriteAllText(evidence, "as_of: 4\nobservations:\n  - { source: s, first_held: \"m == On\", between: [4, 4] }\n");
            File.WriteAllText(unconditionable, "as_of: 4\nobservations:\n  - { source: s, measured: x, at: 2, value: { normal: { mean: 1, sd: 1 } } }\n");
            File.WriteAllText(drawn, Geometric.Replace("c: 3", "c: { uniform: [1, 2] }"));
            var output = Path.Combine(folder, "out");
            var (code, stdout, error) = CommandLine.Run("exact", scenario, "--evidence", evidence, "--out", output);
            var (refusedCode, _, refusal) = CommandLine.Run("exact", scenario, "--evidence", unconditionable, "--out", output + "-v");
            var (drawnCode, _, drawnRefusal) = CommandLine.Run("exact", drawn, "--evidence", evidence, "--out", output + "-d");
            using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "summary.json")));
            var block = summary.RootElement.GetProperty("evidence");
            Assert.Multiple(() =>
            {
                Assert.That(code, Is.EqualTo(0), error);
                Assert.That(stdout, Does.Contain("What the evidence changed").And.Contain("log marginal likelihood"));
                Assert.That(summary.RootElement.GetProperty("method").GetString(), Is.EqualTo("exact-evidence"));
                Assert.That(block.GetProperty("logMarginalLikelihood").GetDouble(), Is.EqualTo(Math.Log(First(4))).Within(Precision));
                Assert.That(block.GetProperty("changes").GetArrayLength(), Is.EqualTo(6));
                Assert.That(File.Exists(Path.Combine(output, "prior", "summary.json")));
                Assert.That(refusedCode, Is.EqualTo(2));
                Assert.That(refusal, Does.Contain($"{unconditionable}:3:5: error: exact cannot condition on this observation"));
                Assert.That(Directory.Exists(output + "-v"), Is.False);
                Assert.That(drawnCode, Is.EqualTo(2));
                Assert.That(drawnRefusal, Does.Contain("no exact answer").And.Contain("is drawn from"));
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
