using System.Diagnostics;
using System.Globalization;
using System.Text;
using NorthKoreaShadowWar.Scenarios.Validation;
using NorthKoreaShadowWar.Simulation;
using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Scenarios;

/// <summary>
/// Each limit held alone (horizon 10,000, 256 machines of 64 states) once let through a scenario whose per-step
/// results were too large to write; the product of horizon and states is limited too, and checked before running.
/// </summary>
public class ResultsSizeLimitTests
{
    private string directory = "";

    [SetUp]
    public void CreateDirectory() => directory = Directory.CreateTempSubdirectory("shadowwar-size-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(directory, recursive: true);

    /// <summary>A scenario of <paramref name="machines"/> machines of <paramref name="states"/> states each, every one a chain S0 → S1 → ….</summary>
    private string Generate(int horizon, int machines, int states)
    {
        var yaml = new StringBuilder($"name: wide\nhorizon: {horizon}\nmachines:\n");
        for (var m = 0; m < machines; m++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  m{m}:\n    initial: S0\n    states: [{string.Join(", ", Enumerable.Range(0, states).Select(s => $"S{s}"))}]\n    transitions:\n");
            for (var s = 0; s + 1 < states; s++) yaml.Append(CultureInfo.InvariantCulture, $"      - {{ from: S{s}, to: S{s + 1}, p: 0.1 }}\n");
        }
        yaml.Append("outcomes:\n  last: { reached: m0.S1 }\n");
        var path = Path.Combine(directory, $"wide-{horizon}-{machines}-{states}.yaml");
        File.WriteAllText(path, yaml.ToString());
        return path;
    }

    [Test]
    public void The_largest_scenario_each_limit_allows_alone_is_refused_by_validate_at_once_naming_the_product()
    {
        var path = Generate(horizon: 10_000, machines: 256, states: 64);
        var stopwatch = Stopwatch.StartNew();
        var (exitCode, _, error) = CommandLine.Run("validate", path);
        Assert.That(exitCode, Is.EqualTo(2), error);
        Assert.That(error, Does.Contain($"{path}:2:10: error: horizon 10,000 × 16,384 states gives 163,856,384 occupancy rows"));
        Assert.That(error, Does.Contain($"the limit is {ResultsSize.MaximumOccupancyRows:N0}"));
        Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)), "refused before anything large is built");
    }

    [TestCase(3_999, true)]
    [TestCase(4_000, false)]
    public void The_limit_is_on_the_product_exactly(int horizon, bool allowed)
    {
        // 20 machines of 50 states: (3,999 + 1) steps × 1,000 states is exactly the limit; one step more is over it.
        Assert.That(ResultsSize.OccupancyRows(horizon, 1_000) <= ResultsSize.MaximumOccupancyRows, Is.EqualTo(allowed));
        var path = Generate(horizon, machines: 20, states: 50);
        var problems = ScenarioPipeline.Validate(path).Errors().Where(d => d.Message.Contains("occupancy rows")).ToList();
        Assert.That(problems, allowed ? Is.Empty : Has.Count.EqualTo(1));
    }

    [Test]
    public void Workers_are_as_many_as_the_memory_for_their_counts_allows()
    {
        // At the limit (4,000,000 rows), each worker's counts take 96 MB: 22 of them fit in 2 GiB.
        var atTheLimit = ScenarioPipeline.Prepare(Generate(horizon: 3_999, machines: 20, states: 50)).Model;
        Assert.That(MonteCarloRunner.ThreadsWithinTallyBudget(atTheLimit), Is.EqualTo(MonteCarloRunner.TallyMemoryBudget / (24L * 4_000_000)));
        var small = ScenarioPipeline.Prepare(Generate(horizon: 10, machines: 1, states: 2)).Model;
        Assert.That(MonteCarloRunner.ThreadsWithinTallyBudget(small), Is.GreaterThan(1024));
    }

    [Test]
    public void A_scenario_under_the_limit_runs_and_writes_its_results()
    {
        var path = Generate(horizon: 200, machines: 8, states: 64);
        var results = Path.Combine(directory, "results");
        var (exitCode, _, error) = CommandLine.Run("run", path, "--trials", "1024", "--threads", "1", "--out", results);
        Assert.That(exitCode, Is.EqualTo(0), error);
        Assert.That(File.Exists(Path.Combine(results, "summary.json")), Is.True);
    }
}
