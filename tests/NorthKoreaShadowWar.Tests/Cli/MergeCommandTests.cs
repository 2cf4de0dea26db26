using System.Globalization;
using NorthKoreaShadowWar.Shards;
using NorthKoreaShadowWar.Tests.Shards;
using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Cli;

/// <summary>
/// <c>run --shard K/N</c> then <c>merge</c> gives the folder of the unsharded run: the same summary.json (but for the
/// performance block) and the same CSV files, byte for byte.
/// </summary>
public class MergeCommandTests
{
    private static readonly string[] NumberFiles = ["outcomes.csv", "categories.csv", "occupancy.csv"];
    private string folder = "";
    private string baseline = "";
    private string[] baselineShards = [];

    [OneTimeSetUp]
    public void RunTheBaselineInThreeShardsAndWhole()
    {
        folder = Directory.CreateTempSubdirectory("shadowwar-merge-").FullName;
        baseline = Path.Combine(Paths.Scenarios, "baseline.yaml");
        baselineShards = [.. Enumerable.Range(1, 3).Select(k => Path.Combine(folder, $"baseline-{k}"))];
        for (var k = 1; k <= 3; k++) Succeed("run", baseline, "--trials", "5000", "--seed", "7", "--threads", k.ToString(CultureInfo.InvariantCulture), "--shard", $"{k}/3", "--out", baselineShards[k - 1]);
        Succeed("run", baseline, "--trials", "5000", "--seed", "7", "--out", Path.Combine(folder, "baseline-whole"));
    }

    [OneTimeTearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    private static string Succeed(params string[] args) => CommandLine.Succeed(args);

    private static string Refused(params string[] args) => CommandLine.Refused(args);

    private static void AssertSameNumbers(string actual, string expected)
    {
        Assert.Multiple(() =>
        {
            Assert.That(ComparableSummary.OfFolder(actual), Is.EqualTo(ComparableSummary.OfFolder(expected)), "summary.json");
            foreach (var file in NumberFiles)
                Assert.That(File.ReadAllText(Path.Combine(actual, file)), Is.EqualTo(File.ReadAllText(Path.Combine(expected, file))), file);
        });
    }

    [Test]
    public void The_baseline_in_three_uneven_shards_merges_into_the_unsharded_run_byte_for_byte()
    {
        var merged = Path.Combine(folder, "baseline-merged");
        Succeed(["merge", .. baselineShards, "--out", merged]);
        AssertSameNumbers(merged, Path.Combine(folder, "baseline-whole"));
        Assert.That(Path.Combine(merged, "report.html"), Does.Exist);
        Assert.That(File.ReadAllText(Path.Combine(merged, "summary.json")), Does.Not.Contain("\"shard\""));
    }

    [Test]
    public void The_order_of_the_shard_folders_does_not_matter()
    {
        var inOrder = Path.Combine(folder, "baseline-in-order");
        var reversed = Path.Combine(folder, "baseline-reversed");
        Succeed(["merge", .. baselineShards, "--out", inOrder]);
        Succeed(["merge", baselineShards[2], baselineShards[0], baselineShards[1], "--out", reversed]);
        AssertSameNumbers(reversed, inOrder);
    }

    [Test]
    public void A_shard_folder_holds_its_own_results_marked_as_a_shard_with_its_state_and_the_scenario()
    {
        var shard = baselineShards[2];
        var summary = File.ReadAllText(Path.Combine(shard, "summary.json"));
        Assert.Multiple(() =>
        {
            Assert.That(summary, Does.Contain("\"shard\": {").And.Contain("\"index\": 3").And.Contain("\"count\": 3")
                .And.Contain("\"firstTrial\": 4096").And.Contain("\"trials\": 904").And.Contain("\"totalTrials\": 5000"));
            Assert.That(summary, Does.Contain("\"trials\": 904,"), "the shard's own results are of its own trials");
            foreach (var file in (string[])[.. NumberFiles, "report.html", ShardState.FileName]) Assert.That(Path.Combine(shard, file), Does.Exist);
            Assert.That(File.ReadAllBytes(Path.Combine(shard, ShardState.ScenarioCopyFileName)), Is.EqualTo(File.ReadAllBytes(baseline)));
        });
    }

    [Test]
    public void A_missing_shard_is_named_and_nothing_is_written()
    {
        var target = Path.Combine(folder, "missing");
        var error = Refused("merge", baselineShards[0], baselineShards[2], "--out", target);
        Assert.That(error, Does.Contain("shard 2/3").And.Contain("missing"));
        Assert.That(target, Does.Not.Exist);
    }

    [Test]
    public void A_shard_given_twice_is_named()
    {
        var error = Refused("merge", baselineShards[0], baselineShards[1], baselineShards[1], baselineShards[2], "--out", Path.Combine(folder, "twice"));
        Assert.That(error, Does.Contain($"{baselineShards[1]} and {baselineShards[1]} are both shard 2/3"));
    }

    [Test]
    public void A_folder_that_is_not_a_shard_is_named()
    {
        var error = Refused("merge", baselineShards[0], Path.Combine(folder, "baseline-whole"), "--out", Path.Combine(folder, "not-a-shard"));
        Assert.That(error, Does.Contain("baseline-whole").And.Contain(ShardState.FileName));
    }

    [Test]
    public void An_existing_folder_is_not_replaced_without_force()
    {
        var target = Path.Combine(folder, "existing");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "keep.txt"), "mine");
        Assert.That(Refused(["merge", .. baselineShards, "--out", target]), Does.Contain("--force"));
        Assert.That(Refused(["merge", .. baselineShards, "--out", baselineShards[0], "--force"]), Does.Contain("is an input of this command"));
        Assert.That(Path.Combine(target, "keep.txt"), Does.Exist);
        Assert.That(Refused(["merge", .. baselineShards, "--out", target, "--force"]), Does.Contain("not a results folder written by shadowwar"));
        Assert.That(Path.Combine(target, "keep.txt"), Does.Exist);
        var earlier = Path.Combine(folder, "earlier");
        Succeed(["merge", .. baselineShards, "--out", earlier]);
        Succeed(["merge", .. baselineShards, "--out", earlier, "--force"]);
        Assert.That(Path.Combine(earlier, "summary.json"), Does.Exist);
    }
}
