using CsCheck;
using NorthKoreaShadowWar.Diagnostics;
using NorthKoreaShadowWar.Reference;
using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Simulation;

namespace NorthKoreaShadowWar.Tests.Reference;

/// <summary>
/// Property: for random valid scenarios, the fast kernel and the reference simulator agree on every outcome and on
/// the occupancy after every step, within 5 standard errors of the difference.
/// </summary>
public class RandomScenarioAgreementTests
{
    private const int Scenarios = 30;
    private const long Trials = 2_000;

    /// <summary>
    /// CsCheck uses a given seed for its first iteration only, and fresh random seeds after it. So the whole batch of
    /// scenarios is one generated value, drawn from this seed in a single iteration: every run tests the same scenarios.
    /// </summary>
    private static readonly string Seed = new PCG(1, 20241028).ToString();

    [Test]
    public void Kernel_and_reference_agree_on_random_scenarios()
    {
        RandomScenarios.Yaml.Array[Scenarios].Sample(batch =>
        {
            var failures = new List<string>();
            for (var i = 0; i < batch.Length; i++)
            {
                var problems = Compare(batch[i], seed: i + 1);
                if (problems.Count > 0) failures.Add($"scenario {i}:{Environment.NewLine}{batch[i]}{string.Join(Environment.NewLine, problems)}");
            }
            Assert.That(failures, Is.Empty, string.Join(Environment.NewLine + Environment.NewLine, failures));
        }, seed: Seed, iter: 1, threads: 1, print: batch => $"{batch.Length} scenarios");
    }

    private static List<string> Compare(string yaml, int seed)
    {
        var errors = ScenarioPipeline.ValidateText(yaml, "generated.yaml").Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0) return [.. errors.Select(e => $"invalid: {e.Message}")];
        var prepared = ScenarioPipeline.PrepareText(yaml, "generated.yaml");
        var kernel = ResultsBuilder.Build(MonteCarloRunner.Run(prepared.Model, new RunSettings { Trials = Trials, Seed = (ulong)seed, Threads = 2 }));
        var reference = ReferenceSimulator.Run(prepared.Model.Scenario, Trials, seed + 1000);
        return KernelAgreement.Disagreements(kernel, reference, everyStep: true);
    }
}
