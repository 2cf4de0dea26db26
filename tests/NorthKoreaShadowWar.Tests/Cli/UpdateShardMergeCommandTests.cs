using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using NorthKoreaShadowWar.Shards;
using NorthKoreaShadowWar.Updating;
using NorthKoreaShadowWar.Tests.Support;
using NorthKoreaShadowWar.Tests.Updating;

namespace NorthKoreaShadowWar.Tests.Cli;

/// <summary>
/// <c>update --shard K/N</c> then <c>merge</c> gives the folder of the unsharded update: the same summary.json (but for
/// what measures time: the performance block and the evidence block's seconds), the same prior/summary.json and the
/// same CSV files, byte for byte; shards that do not make one update, and tampered states, are refused.
/// </summary>
public partial class UpdateShardMergeCommandTests
{
    private static readonly string[] NumberFiles =
        ["outcomes.csv", "categories.csv", "occupancy.csv", "distributions.csv", "prior/outcomes.csv", "prior/categories.csv", "prior/occupancy.csv"];
    private const string Seed = "5";
    private string folder = "";
    private string scenario = "";
    private string evidence = "";
    private string[] smcShards = [];
    private string[] isShards = [];

    [OneTimeSetUp]
    public void UpdateInShardsAndWhole()
    {
        folder = Directory.CreateTempSubdirectory("shadowwar-update-shards-").FullName;
        scenario = Path.Combine(folder, "chain.yaml");
        evidence = Path.Combine(folder, "evidence.yaml");
        File.WriteAllText(scenario, DeterminismTests.Model);
        File.WriteAllText(evidence, DeterminismTests.Evidence);
        // Three blocks of particles in three shards, with a move of the parameters; two blocks in two shards, by importance weighting.
        smcShards = Shards("smc", 3, "12288", "--move", "1");
        Succeed("update", scenario, "--evidence", evidence, "--trials", "12288", "--seed", Seed, "--move", "1", "--out", Path.Combine(folder, "smc-whole"));
        isShards = Shards("is", 2, "8192", "--method", "is");
        Succeed("update", scenario, "--evidence", evidence, "--trials", "8192", "--seed", Seed, "--method", "is", "--out", Path.Combine(folder, "is-whole"));
    }

    [OneTimeTearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    private string[] Shards(string name, int count, string trials, params string[] more) =>
        [.. Enumerable.Range(1, count).Select(k =>
        {
            var shard = Path.Combine(folder, $"{name}-shard-{k}");
            // Each shard on another thread count: the numbers must not depend on it.
            Succeed(["update", scenario, "--evidence", evidence, "--trials", trials, "--seed", Seed, "--threads", k.ToString(CultureInfo.InvariantCulture), "--shard", $"{k}/{count}", "--out", shard, .. more]);
            return shard;
        })];

    private static string Succeed(params string[] args) => CommandLine.Succeed(args);

    private static string Refused(params string[] args) => CommandLine.Refused(args);

    /// <summary>summary.json without what measures time: the performance block and the evidence block's seconds.</summary>
    private static string Comparable(string folder) => EvidenceSeconds().Replace(ComparableSummary.OfFolder(folder), "");

    [GeneratedRegex("""\n *"seconds": [^\n]*""")]
    private static partial Regex EvidenceSeconds();

    private static void AssertSameNumbers(string actual, string expected)
    {
        Assert.Multiple(() =>
        {
            Assert.That(Comparable(actual), Is.EqualTo(Comparable(expected)), "summary.json");
            Assert.That(Comparable(Path.Combine(actual, "prior")), Is.EqualTo(Comparable(Path.Combine(expected, "prior"))), "prior/summary.json");
            foreach (var file in NumberFiles)
                Assert.That(File.ReadAllText(Path.Combine(actual, file)), Is.EqualTo(File.ReadAllText(Path.Combine(expected, file))), file);
            Assert.That(Path.Combine(actual, "report.html"), Does.Exist);
        });
    }

    [Test]
    public void Sequential_Monte_Carlo_with_moves_in_three_shards_merges_into_the_unsharded_update_byte_for_byte()
    {
        var merged = Path.Combine(folder, "smc-merged");
        var output = Succeed(["merge", .. smcShards, "--out", merged]);
        AssertSameNumbers(merged, Path.Combine(folder, "smc-whole"));
        Assert.That(output, Does.Contain("merged 3 update shards: 12,288 particles"));
        Assert.That(File.ReadAllText(Path.Combine(merged, "summary.json")), Does.Contain("\"accepted\""), "the moves are counted over every shard");
    }

    [Test]
    public void Importance_weighting_in_two_shards_given_in_reverse_order_merges_into_the_unsharded_update_byte_for_byte()
    {
        var merged = Path.Combine(folder, "is-merged");
        Succeed("merge", isShards[1], isShards[0], "--out", merged);
        AssertSameNumbers(merged, Path.Combine(folder, "is-whole"));
    }

    [Test]
    public void A_shard_folder_holds_its_state_and_copies_of_the_scenario_and_the_evidence()
    {
        var shard = smcShards[1];
        Assert.Multiple(() =>
        {
            Assert.That(Path.Combine(shard, UpdateShardState.FileName), Does.Exist);
            Assert.That(File.ReadAllBytes(Path.Combine(shard, ShardState.ScenarioCopyFileName)), Is.EqualTo(File.ReadAllBytes(scenario)));
            Assert.That(File.ReadAllBytes(Path.Combine(shard, UpdateShardState.EvidenceCopyFileName)), Is.EqualTo(File.ReadAllBytes(evidence)));
            var state = UpdateShardStateFile.Read(Path.Combine(shard, UpdateShardState.FileName));
            Assert.That(state.Range, Is.EqualTo(new UpdateShardRange(2, 3, 1, 1)));
            Assert.That((state.EvidenceSha256, state.Seed, state.TotalTrials, state.Moves),
                Is.EqualTo((Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(evidence))), 5UL, 12288L, 1)));
        });
    }

    [Test]
    public void Merge_reads_the_copies_kept_in_the_shards_when_the_files_are_gone_and_records_the_paths_given_to_update()
    {
        var moved = Path.Combine(folder, "moved");
        Directory.CreateDirectory(moved);
        var (movedScenario, movedEvidence) = (Path.Combine(moved, "chain.yaml"), Path.Combine(moved, "evidence.yaml"));
        File.Copy(scenario, movedScenario);
        File.Copy(evidence, movedEvidence);
        string[] update = ["update", movedScenario, "--evidence", movedEvidence, "--trials", "8192", "--seed", "9", "--method", "is"];
        var shards = new[] { Path.Combine(folder, "moved-1"), Path.Combine(folder, "moved-2") };
        Succeed([.. update, "--shard", "1/2", "--out", shards[0]]);
        Succeed([.. update, "--shard", "2/2", "--out", shards[1]]);
        Succeed([.. update, "--out", Path.Combine(folder, "moved-whole")]);
        Directory.Delete(moved, recursive: true);
        var merged = Path.Combine(folder, "moved-merged");
        Succeed("merge", shards[0], shards[1], "--out", merged);
        AssertSameNumbers(merged, Path.Combine(folder, "moved-whole"));
        Assert.That(File.ReadAllText(Path.Combine(merged, "summary.json")), Does.Contain(movedEvidence.Replace("\\", "\\\\")));
    }

    [TestCase("0/3")]
    [TestCase("4/3")]
    [TestCase("abc")]
    [TestCase("1/3/4")]
    [TestCase("")]
    public void Shard_syntax_errors_are_usage_errors(string shard)
    {
        var target = Path.Combine(folder, "never-" + shard.Replace('/', '-'));
        var error = Refused("update", scenario, "--evidence", evidence, "--trials", "12288", "--shard", shard, "--out", target);
        Assert.That(error, Does.StartWith("shadowwar update: --shard"));
        Assert.That(target, Does.Not.Exist);
    }

    [Test]
    public void More_shards_than_blocks_of_particles_are_refused_with_the_most_that_can_be_used()
    {
        var error = Refused("update", scenario, "--evidence", evidence, "--trials", "12288", "--shard", "1/4", "--out", Path.Combine(folder, "never"));
        Assert.That(error, Does.Contain("blocks of 4,096").And.Contain("use at most 3 shards"));
    }

    [TestCase("--ess", "1000")]
    [TestCase("--all-variants", null)]
    public void A_shard_runs_one_round_of_one_scenario(string option, string? value)
    {
        string[] args = ["update", scenario, "--evidence", evidence, "--shard", "1/2", "--out", Path.Combine(folder, "never"), option];
        var error = Refused(value is null ? args : [.. args, value]);
        Assert.That(error, Does.Contain("--shard").And.Contain("cannot be combined with --ess or --all-variants"));
    }

    [Test]
    public void A_missing_shard_is_named_and_nothing_is_written()
    {
        var target = Path.Combine(folder, "missing");
        Assert.That(Refused("merge", smcShards[0], smcShards[2], "--out", target), Does.Contain("shard 2/3").And.Contain("missing"));
        Assert.That(target, Does.Not.Exist);
    }

    [Test]
    public void A_shard_given_twice_is_named()
    {
        var error = Refused("merge", smcShards[0], smcShards[1], smcShards[1], smcShards[2], "--out", Path.Combine(folder, "twice"));
        Assert.That(error, Does.Contain($"{smcShards[1]} and {smcShards[1]} are both shard 2/3"));
    }

    [Test]
    public void Shards_of_a_run_and_of_an_update_are_not_merged_together()
    {
        var run = Path.Combine(folder, "run-shard");
        Succeed("run", scenario, "--trials", "2000", "--shard", "2/2", "--out", run);
        var error = Refused("merge", isShards[0], run, "--out", Path.Combine(folder, "mixed"));
        Assert.That(error, Does.Contain($"{run} is a shard of a run").And.Contain($"{isShards[0]} a shard of an update"));
        Assert.That(Refused("merge", run, isShards[0], "--out", Path.Combine(folder, "mixed")), Does.Contain($"{run} is a shard of a run"));
    }

    [Test]
    public void Shards_of_other_evidence_another_seed_or_another_method_are_refused_naming_the_folder()
    {
        var other = Path.Combine(folder, "other-evidence.yaml");
        File.WriteAllText(other, DeterminismTests.Evidence.Replace("reliability: 0.8", "reliability: 0.7"));
        string[] update = ["update", scenario, "--trials", "8192", "--shard", "2/2"];
        var otherEvidence = Path.Combine(folder, "other-evidence-shard");
        var otherSeed = Path.Combine(folder, "other-seed-shard");
        var otherMethod = Path.Combine(folder, "other-method-shard");
        Succeed([.. update, "--method", "is", "--evidence", other, "--seed", Seed, "--out", otherEvidence]);
        Succeed([.. update, "--method", "is", "--evidence", evidence, "--seed", "6", "--out", otherSeed]);
        Succeed([.. update, "--evidence", evidence, "--seed", Seed, "--out", otherMethod]);
        Assert.Multiple(() =>
        {
            Assert.That(Refused("merge", isShards[0], otherEvidence, "--out", Path.Combine(folder, "never")),
                Does.Contain($"{otherEvidence} is not a shard of the same update as {isShards[0]}: its evidence {other}").And.Contain("SHA-256"));
            Assert.That(Refused("merge", isShards[0], otherSeed, "--out", Path.Combine(folder, "never")), Does.Contain($"{otherSeed}").And.Contain("its seed is 6, not 5"));
            Assert.That(Refused("merge", isShards[0], otherMethod, "--out", Path.Combine(folder, "never")), Does.Contain($"{otherMethod}").And.Contain("its method is smc, not importance"));
        });
    }

    private string Edited(string shard, Func<string, string> edit)
    {
        var copy = Path.Combine(folder, "edited-" + Path.GetFileName(shard) + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.GetFiles(shard)) File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        var path = Path.Combine(copy, UpdateShardState.FileName);
        File.WriteAllText(path, edit(File.ReadAllText(path)));
        return copy;
    }

    /// <summary>The state with its checksum computed again, as if the edit had been made by one who knows the format.</summary>
    private static string Resealed(string text)
    {
        var content = Regex.Replace(text, @",""contentSha256"":""[0-9a-f]+""\}$", "}");
        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
        return content[..^1] + $",\"contentSha256\":\"{sha}\"}}";
    }

    [Test]
    public void A_tampered_shard_state_is_refused_naming_the_file()
    {
        var edited = Edited(isShards[1], text => Regex.Replace(text, @"""distinctOrigins"":(\d+)", m => $"\"distinctOrigins\":{int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) - 1}"));
        var error = Refused("merge", isShards[0], edited, "--out", Path.Combine(folder, "never"));
        Assert.That(error, Does.StartWith($"{Path.Combine(edited, UpdateShardState.FileName)}: error: contentSha256: "));
    }

    [Test]
    public void A_shard_state_that_no_update_could_write_is_refused_naming_the_field_even_with_a_matching_checksum()
    {
        var cut = Edited(isShards[1], text => Resealed(Regex.Replace(text, @"""weights"":""([^""]{32})[^""]*""", m => $"\"weights\":\"{m.Groups[1].Value}\"")));
        Assert.That(Refused("merge", isShards[0], cut, "--out", Path.Combine(folder, "never")),
            Does.StartWith($"{Path.Combine(cut, UpdateShardState.FileName)}: error: posterior[0].weights: 3 weights, not 4096"));
        var killer = Edited(isShards[1], text => Resealed(Regex.Replace(text, @"""lastKiller"":-?\d+", "\"lastKiller\":99")));
        Assert.That(Refused("merge", isShards[0], killer, "--out", Path.Combine(folder, "never")),
            Does.Contain($"{Path.Combine(killer, UpdateShardState.FileName)}: error: the saved state does not fit the evidence: posterior[0].lastKiller: 99"));
    }

    [Test]
    public void A_changed_copy_of_the_evidence_is_refused()
    {
        // The first shard's copy is the one read.
        var shard = Edited(isShards[0], text => text);
        File.AppendAllText(Path.Combine(shard, UpdateShardState.EvidenceCopyFileName), "\n# changed\n");
        var error = Refused("merge", isShards[1], shard, "--out", Path.Combine(folder, "never"));
        Assert.That(error, Does.Contain(UpdateShardState.EvidenceCopyFileName).And.Contain("an evidence with SHA-256"));
    }

    [Test]
    public void A_merged_posterior_on_too_few_particles_exits_1_unless_accepted()
    {
        var sharp = Path.Combine(folder, "sharp.yaml");
        File.WriteAllText(sharp, """
            as_of: 8
            observations:
              - { source: s, measured: losses, at: 8, value: { normal: { mean: 300, sd: 0.5 } } }
            """);
        var shard = Path.Combine(folder, "sharp-shard");
        Succeed("update", scenario, "--evidence", sharp, "--trials", "4096", "--method", "is", "--shard", "1/1", "--out", shard);
        var (exitCode, _, error) = CommandLine.Run("merge", shard, "--out", Path.Combine(folder, "sharp-merged"));
        Assert.That(exitCode, Is.EqualTo(1), error);
        Assert.That(error, Does.Contain("below the minimum of 200").And.Contain("merge --accept-low-ess"));
        Assert.That(CommandLine.Run("merge", shard, "--out", Path.Combine(folder, "sharp-merged"), "--force", "--accept-low-ess").ExitCode, Is.EqualTo(0));
        Assert.That(Refused("merge", Path.Combine(folder, "never-a-shard"), "--accept-low-ess"), Does.Contain("--accept-low-ess applies to the shards of an update"));
    }

    [TestCase(5, 1, 0, 2)]
    [TestCase(5, 2, 2, 2)]
    [TestCase(5, 3, 4, 1)]
    public void Blocks_are_shared_as_run_shares_them(int blocks, int index, int firstBlock, int count) =>
        Assert.That(UpdateShardRange.Of(blocks * 4096L - 100, index, 3), Is.EqualTo(new UpdateShardRange(index, 3, firstBlock, count)));
}
