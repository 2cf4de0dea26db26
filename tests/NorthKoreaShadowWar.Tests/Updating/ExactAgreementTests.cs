using System.Globalization;
using System.Text;
using CsCheck;
using NorthKoreaShadowWar.Diagnostics;
using NorthKoreaShadowWar.Exact;
using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Scenarios.Validation;
using NorthKoreaShadowWar.Tests.Support;
using NorthKoreaShadowWar.Updating;

namespace NorthKoreaShadowWar.Tests.Updating;

/// <summary>
/// Monte Carlo <c>update</c> against <c>exact --evidence</c> (see docs/updating.md): on every outcome, and on the log
/// marginal likelihood, within 5 standard errors; for the bundled scenarios <c>exact</c> solves, and for random small
/// models with random evidence. A posterior probability p is given the standard error √(p(1 − p) / n) with n the
/// update's effective draws; a mean, its standard deviation over √(the effective draws behind it); log Z, the update's
/// own standard error (from the spread between blocks).
/// </summary>
public class ExactAgreementTests
{
    /// <summary>Means resting on fewer effective draws than this are not compared (the normal approximation would not hold).</summary>
    private const double MinimumDrawsForMean = 30;

    /// <summary>The whole batch of random models is one generated value, drawn from this seed in a single iteration.</summary>
    private static readonly string Seed = new PCG(3, 20241231).ToString();

    [TestCase(nameof(UpdateMethod.Smc))]
    [TestCase(nameof(UpdateMethod.Importance))]
    public void Update_agrees_with_exact_on_every_bundled_scenario_exact_solves(string methodName)
    {
        var method = Enum.Parse<UpdateMethod>(methodName);
        var compared = 0;
        foreach (var file in ScenarioFiles.Below(Paths.Scenarios))
        {
            var prepared = ScenarioPipeline.Prepare(file);
            try
            {
                ExactSolver.CheckApplicable(prepared.Model, allowParameterDraws: false);
            }
            catch (ExactNotPossibleException)
            {
                continue;
            }
            var evidence = Read(EvidenceFor(prepared.Model.Scenario), prepared);
            var exact = ConditionedExactSolver.Solve(prepared.Model, evidence);
            var update = UpdateRunner.Run(prepared.Model, evidence, new UpdateSettings { Trials = 16 * UpdateSettings.BlockSize, Seed = 11, Threads = 2, Method = method });
            var (problems, largest) = Disagreements(exact, update);
            TestContext.Out.WriteLine($"{Path.GetFileName(file)} ({method}): log Z exact {exact.LogMarginalLikelihood:0.0000}, update {update.Evidence.LogMarginalLikelihood:0.0000} ± {update.Evidence.LogMarginalLikelihoodSe:0.0000}; "
                + $"effective draws {update.Evidence.EffectiveDraws:N0}; largest difference {largest:0.00} standard errors");
            Assert.That(problems, Is.Empty, $"{file}:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
            compared++;
        }
        Assert.That(compared, Is.GreaterThan(0), "at least one bundled scenario (ref4x6) is solved exactly");
    }

    [Test]
    public void Update_agrees_with_exact_on_random_models_and_evidence()
    {
        const int models = 40;
        RandomEvidenceModels.Pair.Array[models].Sample(batch =>
        {
            var failures = new List<string>();
            var largest = 0.0;
            for (var i = 0; i < batch.Length; i++)
            {
                var (scenario, evidenceText) = batch[i];
                var (prepared, evidence) = UpdateTesting.Load(scenario, evidenceText);
                var exact = ConditionedExactSolver.Solve(prepared.Model, evidence);
                foreach (var method in new[] { UpdateMethod.Smc, UpdateMethod.Importance })
                {
                    var update = UpdateRunner.Run(prepared.Model, evidence,
                        new UpdateSettings { Trials = 8 * UpdateSettings.BlockSize, Seed = (ulong)(i + 1), Threads = 2, Method = method });
                    var (problems, worst) = Disagreements(exact, update);
                    largest = Math.Max(largest, worst);
                    if (problems.Count > 0) failures.Add($"model {i} ({method}):{Environment.NewLine}{scenario}{evidenceText}{string.Join(Environment.NewLine, problems)}");
                }
            }
            TestContext.Out.WriteLine($"{batch.Length} random models, both methods: largest difference {largest:0.00} standard errors");
            Assert.That(failures, Is.Empty, string.Join(Environment.NewLine + Environment.NewLine, failures));
        }, seed: Seed, iter: 1, threads: 1, print: batch => $"{batch.Length} models");
    }

    [TestCase(nameof(UpdateMethod.Smc))]
    [TestCase(nameof(UpdateMethod.Importance))]
    public void An_event_that_never_happens_has_no_mean_and_no_move_rather_than_a_crash(string methodName)
    {
        var method = Enum.Parse<UpdateMethod>(methodName);
        // B is unreachable: first_step's mean is over no trials (NaN) before and after the evidence.
        const string scenario = """
            name: never
            horizon: 4
            machines:
              m: { initial: A, states: [A, B, C], transitions: [ { from: A, to: C, p: 0.5 } ] }
            outcomes:
              first_b: { first_step: m.B }
              final_m: { final: m }
            """;
        const string evidence = "as_of: 2\nobservations:\n  - { source: s, holds: \"m == C\", at: 2, reliability: 0.9 }\n";
        var (prepared, file) = UpdateTesting.Load(scenario, evidence);
        var exact = ConditionedExactSolver.Solve(prepared.Model, file);
        var update = UpdateRunner.Run(prepared.Model, file, new UpdateSettings { Trials = 2 * UpdateSettings.BlockSize, Seed = 3, Threads = 2, Method = method });
        foreach (var changes in new[] { exact.Changes, update.Evidence.Changes })
            Assert.That(changes.Single(c => c.Outcome == "first_b").StandardisedShift, Is.NaN);
        Assert.That(Disagreements(exact, update).Problems, Is.Empty);
    }

    /// <summary>
    /// Evidence for any scenario, on its first machines (the same machine when it has fewer): a partly reliable
    /// <c>holds</c>, a report, a partly reliable <c>first_held</c> range and <c>not_held_by</c>, and a
    /// <c>does_not_hold</c>, spread over the first 60 steps.
    /// </summary>
    private static string EvidenceFor(ResolvedScenario scenario)
    {
        var machines = scenario.Machines;
        var asOf = Math.Min(scenario.Horizon, 60);
        int Step(double share) => Math.Max(1, (int)Math.Round(share * asOf));
        (string Name, string First, string Last) Machine(int m)
        {
            var machine = machines[Math.Min(m, machines.Count - 1)];
            return (machine.Name, machine.States[0], machine.States[^1]);
        }
        var evidence = new StringBuilder($"as_of: {asOf}\nobservations:\n");
        evidence.Append(CultureInfo.InvariantCulture, $"  - {{ source: a, holds: \"{Machine(0).Name} != {Machine(0).First}\", at: {Step(0.1)}, reliability: 0.7 }}\n");
        evidence.Append(CultureInfo.InvariantCulture, $"  - {{ source: b, report: {Machine(1).Name}, at: {Step(0.15)}, likelihood: {{ {Machine(1).Last}: 0.9, otherwise: 0.2 }} }}\n");
        evidence.Append(CultureInfo.InvariantCulture, $"  - {{ source: c, first_held: \"{Machine(2).Name} == {Machine(2).Last}\", between: [{Step(0.3)}, {asOf}], reliability: 0.8 }}\n");
        evidence.Append(CultureInfo.InvariantCulture, $"  - {{ source: d, not_held_by: \"{Machine(3).Name} == {Machine(3).Last}\", by: {Step(0.5)}, reliability: 0.9 }}\n");
        evidence.Append(CultureInfo.InvariantCulture, $"  - {{ source: e, does_not_hold: \"{Machine(0).Name} == {Machine(0).Last}\", at: {Step(0.8)}, reliability: 0.95 }}\n");
        return evidence.ToString();
    }

    private static EvidenceFile Read(string text, PreparedScenario prepared)
    {
        var diagnostics = new DiagnosticBag();
        var file = EvidenceFileReader.Parse(Encoding.UTF8.GetBytes(text), "evidence.yaml", prepared.Model.Scenario, diagnostics);
        Assert.That(diagnostics.Items, Is.Empty, string.Join("\n", diagnostics.Items));
        return file!;
    }

    /// <summary>Every posterior number of the update more than 5 standard errors from exact, and the largest difference in standard errors.</summary>
    private static (List<string> Problems, double Largest) Disagreements(ConditionedExactResult exact, UpdateResult update)
    {
        var problems = new List<string>();
        var largest = 0.0;
        var draws = update.Evidence.EffectiveDraws;
        void Compare(string what, double estimate, double truth, double se)
        {
            var z = Math.Abs(estimate - truth) / se;
            largest = Math.Max(largest, z);
            if (!(z <= Tolerance.StandardErrors)) problems.Add($"{what}: update {estimate}, exact {truth} ({z:0.0} standard errors of {se:G3})");
        }
        void Share(string what, double estimate, double truth) => Compare(what, estimate, truth, Math.Sqrt(Math.Max(truth * (1 - truth), 1e-12) / draws));
        foreach (var (estimate, truth) in update.Posterior.Outcomes.Zip(exact.Posterior.Outcomes))
        {
            switch (estimate, truth)
            {
                case (ProbabilityResult p, ProbabilityResult e):
                    Share(p.Name, p.Estimate, e.Estimate);
                    break;
                case (CategoricalResult c, CategoricalResult e):
                    foreach (var (observed, expected) in c.Categories.Zip(e.Categories)) Share($"{c.Name} {observed.Category}", observed.Probability, expected.Probability);
                    break;
                case (DistributionResult d, DistributionResult e):
                    if (e.Never is { } never) Share($"{d.Name} never", d.Never!.Value, never);
                    if (d.Count >= MinimumDrawsForMean && double.IsFinite(e.Mean))
                        Compare($"{d.Name} mean", d.Mean, e.Mean, Math.Max(e.StandardDeviation, 1e-6) / Math.Sqrt(d.Count));
                    break;
            }
        }
        Compare("log marginal likelihood", update.Evidence.LogMarginalLikelihood, exact.LogMarginalLikelihood, Math.Max(update.Evidence.LogMarginalLikelihoodSe, 1e-9));
        return (problems, largest);
    }
}
