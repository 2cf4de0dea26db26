using NorthKoreaShadowWar.Shards;
using NorthKoreaShadowWar.Statistics;
using NorthKoreaShadowWar.Tests.Shards;
using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Cli;

/// <summary>
/// <c>run --shard</c> and <c>merge</c> on a scenario with a continuous outcome: the shards' quantile sketches are exact,
/// the merged one overflows into buckets as the unsharded run's does; shards of other runs are refused; the scenario copy
/// kept in a shard is what merge compiles.
/// </summary>
public class ShardMergeCommandTests
{
    private string folder = "";
    private string scenario = "";

    [SetUp]
    public void CreateFolder()
    {
        folder = Directory.CreateTempSubdirectory("shadowwar-shard-").FullName;
        scenario = ShardScenarios.Write(folder);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    private string RunShards(string file, int count, string trials, string seed, string name, params string[] more)
    {
        var shards = Path.Combine(folder, name);
        for (var k = 1; k <= count; k++)
        {
            var (exitCode, _, error) = CommandLine.Run(["run", file, "--trials", trials, "--seed", seed, "--shard", $"{k}/{count}", "--out", Path.Combine(shards, $"shard-{k}"), .. more]);
            Assert.That(exitCode, Is.EqualTo(0), error);
        }
        return shards;
    }

    private static string[] Folders(string shards) => [.. Directory.GetDirectories(shards).Order()];

    [Test]
    public void Quantile_sketches_beyond_the_exact_limit_merge_into_the_unsharded_runs()
    {
        var shards = RunShards(scenario, 4, "10000", "13", "shards");
        var merged = Path.Combine(folder, "merged");
        var whole = Path.Combine(folder, "whole");
        Assert.That(CommandLine.Run(["merge", .. Folders(shards), "--out", merged]).ExitCode, Is.EqualTo(0));
        Assert.That(CommandLine.Run("run", scenario, "--trials", "10000", "--seed", "13", "--out", whole).ExitCode, Is.EqualTo(0));
        Assert.Multiple(() =>
        {
            // Every shard has at most 3,072 trials, so at most that many distinct values: exact; all 10,000 are not.
            Assert.That(QuantileSketch.ExactLimit, Is.LessThan(10_000));
            foreach (var shard in Folders(shards))
                Assert.That(File.ReadAllText(Path.Combine(shard, "summary.json")), Does.Contain("\"quantilesExact\": true"), shard);
            Assert.That(File.ReadAllText(Path.Combine(whole, "summary.json")), Does.Contain("\"quantilesExact\": false"));
            Assert.That(ComparableSummary.OfFolder(merged), Is.EqualTo(ComparableSummary.OfFolder(whole)));
            foreach (var file in new[] { "outcomes.csv", "categories.csv", "occupancy.csv" })
                Assert.That(File.ReadAllText(Path.Combine(merged, file)), Is.EqualTo(File.ReadAllText(Path.Combine(whole, file))), file);
        });
    }

    [Test]
    public void Shards_of_different_seeds_are_refused_naming_the_folder()
    {
        var first = RunShards(scenario, 2, "3000", "1", "seed-1");
        var second = RunShards(scenario, 2, "3000", "2", "seed-2");
        var (exitCode, _, error) = CommandLine.Run("merge", Folders(first)[0], Folders(second)[1], "--out", Path.Combine(folder, "merged"));
        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(error, Does.Contain(Folders(second)[1]).And.Contain("seed is 2, not 1"));
    }

    [Test]
    public void Shards_of_different_scenarios_or_variants_are_refused_naming_the_folder()
    {
        var other = ShardScenarios.Write(folder, ShardScenarios.Spread.Replace("sd: 1000", "sd: 999"), "other.yaml");
        var first = RunShards(scenario, 2, "3000", "1", "spread");
        var second = RunShards(other, 2, "3000", "1", "other");
        var calm = RunShards(scenario, 2, "3000", "1", "calm", "--variant", "calm");
        var (exitCode, _, error) = CommandLine.Run("merge", Folders(first)[0], Folders(second)[1], "--out", Path.Combine(folder, "merged"));
        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(error, Does.Contain(Folders(second)[1]).And.Contain("scenario").And.Contain("SHA-256"));
        (exitCode, _, error) = CommandLine.Run("merge", Folders(first)[0], Folders(calm)[1], "--out", Path.Combine(folder, "merged"));
        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(error, Does.Contain(Folders(calm)[1]).And.Contain("variant is calm, not none"));
    }

    [Test]
    public void Merge_compiles_the_copy_kept_in_the_shards_and_refuses_one_that_was_changed()
    {
        var shards = RunShards(scenario, 2, "3000", "4", "shards", "--set", "rate=0.2");
        var whole = Path.Combine(folder, "whole");
        Assert.That(CommandLine.Run("run", scenario, "--trials", "3000", "--seed", "4", "--set", "rate=0.2", "--out", whole).ExitCode, Is.EqualTo(0));
        File.Delete(scenario);
        var merged = Path.Combine(folder, "merged");
        var (exitCode, _, error) = CommandLine.Run(["merge", .. Folders(shards), "--out", merged]);
        Assert.That(exitCode, Is.EqualTo(0), error);
        Assert.That(ComparableSummary.OfFolder(merged), Is.EqualTo(ComparableSummary.OfFolder(whole)), "the scenario file's path and overrides are those of the run");
        foreach (var shard in Folders(shards))
            File.AppendAllText(Path.Combine(shard, ShardState.ScenarioCopyFileName), "\n# changed\n");
        (exitCode, _, error) = CommandLine.Run(["merge", .. Folders(shards), "--out", Path.Combine(folder, "changed")]);
        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(error, Does.Contain(ShardState.ScenarioCopyFileName).And.Contain("SHA-256"));
    }

    [Test]
    public void Shards_and_their_merge_go_to_the_default_folders_named_after_scenario_variant_and_shard()
    {
        var original = Environment.CurrentDirectory;
        Environment.CurrentDirectory = folder;
        try
        {
            foreach (var k in new[] { 1, 2 })
                Assert.That(CommandLine.Run("run", scenario, "--trials", "3000", "--variant", "calm", "--shard", $"{k}/2").ExitCode, Is.EqualTo(0));
            Assert.That(Path.Combine(folder, "out", "spread-calm-shard-1-of-2", ShardState.FileName), Does.Exist);
            var (exitCode, _, error) = CommandLine.Run("merge", "out/spread-calm-shard-1-of-2", "out/spread-calm-shard-2-of-2");
            Assert.That(exitCode, Is.EqualTo(0), error);
            Assert.That(Path.Combine(folder, "out", "spread-calm", "summary.json"), Does.Exist);
        }
        finally
        {
            Environment.CurrentDirectory = original;
        }
    }

    [TestCase("0/3")]
    [TestCase("4/3")]
    [TestCase("abc")]
    [TestCase("1/0")]
    [TestCase("1/3/4")]
    [TestCase("-1/3")]
    [TestCase("")]
    public void Shard_syntax_errors_are_usage_errors(string shard)
    {
        var target = Path.Combine(folder, "never");
        var (exitCode, _, error) = CommandLine.Run("run", scenario, "--trials", "5000", "--shard", shard, "--out", target);
        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(error, Does.Contain("--shard"));
        Assert.That(target, Does.Not.Exist);
    }

    [Test]
    public void More_shards_than_blocks_of_trials_are_refused_with_the_most_that_can_be_used()
    {
        var (exitCode, _, error) = CommandLine.Run("run", scenario, "--trials", "5000", "--shard", "1/8", "--out", Path.Combine(folder, "never"));
        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(error, Does.Contain("use at most 5 shards"));
    }

    [TestCase("--precision", "0.01")]
    [TestCase("--conditional-exact", null)]
    [TestCase("--all-variants", null)]
    public void A_shard_is_a_plain_run(string option, string? value)
    {
        string[] args = ["run", scenario, "--shard", "1/2", "--out", Path.Combine(folder, "never"), option];
        var (exitCode, _, error) = CommandLine.Run(value is null ? args : [.. args, value]);
        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(error, Does.Contain("--shard"));
    }
}
