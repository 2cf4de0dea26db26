using System.Collections.Concurrent;
using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Simulation;
using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Simulation;

/// <summary>
/// Runs in one process do not share mutable state: the baseline and its seven variants, run all at once through the
/// library, give exactly what each gives when run alone.
/// </summary>
public class ConcurrentRunTests
{
    [Test]
    public void Eight_scenarios_run_concurrently_give_exactly_their_sequential_results()
    {
        var file = Path.Combine(Paths.Scenarios, "baseline.yaml");
        var variants = new List<string?> { null };
        variants.AddRange(ScenarioPipeline.Prepare(file).Model.Scenario.Source.Variants.Select(v => v.Name));
        Assert.That(variants, Has.Count.EqualTo(8));

        string Fingerprint(string? variant, int threads)
        {
            var prepared = ScenarioPipeline.Prepare(file, variant);
            var result = ResultsBuilder.Build(MonteCarloRunner.Run(prepared.Model, new RunSettings { Trials = 2048, Seed = 11, Threads = threads }));
            using var stream = new MemoryStream();
            SummaryJsonWriter.Write(result with { Performance = new RunPerformance(0, 0, 0, 0) }, stream);
            return System.Text.Encoding.UTF8.GetString(stream.ToArray());
        }

        var sequential = variants.Select(v => Fingerprint(v, threads: 1)).ToList();
        var concurrent = new ConcurrentDictionary<int, string>();
        Parallel.ForEach(Enumerable.Range(0, variants.Count), new ParallelOptions { MaxDegreeOfParallelism = 8 },
            i => concurrent[i] = Fingerprint(variants[i], threads: 2));

        for (var i = 0; i < variants.Count; i++)
            Assert.That(concurrent[i], Is.EqualTo(sequential[i]), $"variant {variants[i] ?? "(base)"}");
        Assert.That(sequential.Distinct().Count(), Is.EqualTo(variants.Count), "the variants differ from each other");
    }
}
