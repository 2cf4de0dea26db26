using NorthKoreaShadowWar.Shards;
using NorthKoreaShadowWar.Simulation;
using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Shards;

/// <summary>Shards saved and read back merge into exactly the unsharded run, and only shards of one run merge.</summary>
public class ShardMergeTests
{
    private const long TotalTrials = 9_000;
    private static readonly Compilation.CompiledModel Model = ScenarioPipeline.PrepareText(ShardScenarios.Spread, "spread.yaml").Model;

    private static ShardState Shard(int index, int count, ulong seed = 5, long totalTrials = TotalTrials)
    {
        var range = ShardRange.Of(totalTrials, index, count)!.Value;
        var simulation = MonteCarloRunner.Run(Model, new RunSettings { FirstTrial = range.FirstTrial, Trials = range.Trials, Seed = seed, Threads = 1 + index % 2 });
        return ShardState.Of(simulation, range, totalTrials);
    }

    private static List<(string Folder, ShardState State)> Shards(int count) =>
        [.. Enumerable.Range(1, count).Select(k => ($"dir{k}", Shard(k, count)))];

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(8)]
    public void N_shards_merged_in_any_order_equal_the_unsharded_run(int count)
    {
        var whole = MonteCarloRunner.Run(Model, new RunSettings { Trials = TotalTrials, Seed = 5, Threads = 2 });
        var shards = Shards(count);
        var shuffled = shards.OrderBy(s => (s.State.Range.Index * 7) % count).ToList();
        var merged = ShardMerge.Merge(shuffled, Model);
        Assert.Multiple(() =>
        {
            Assert.That(whole.ValueSketches[0].IsExact, Is.False, "the whole run's sketch has overflowed into buckets");
            Assert.That(merged.Trials, Is.EqualTo(TotalTrials));
            Assert.That(ComparableSummary.Of(merged), Is.EqualTo(ComparableSummary.Of(whole)));
        });
    }

    [Test]
    public void Shards_of_another_seed_or_size_or_count_or_a_missing_or_repeated_shard_are_named()
    {
        var shards = Shards(3);
        Assert.Multiple(() =>
        {
            Assert.That(ShardMerge.Problem(shards), Is.Null);
            Assert.That(ShardMerge.Problem([shards[0], shards[2]]), Does.Contain("shard 2/3").And.Contain("missing"));
            Assert.That(ShardMerge.Problem([.. shards, ("again", shards[1].State)]), Does.Contain("dir2 and again are both shard 2/3"));
            Assert.That(ShardMerge.Problem([shards[0], ("other", Shard(2, 3, seed: 6)), shards[2]]), Does.Contain("other").And.Contain("seed is 6, not 5"));
            Assert.That(ShardMerge.Problem([shards[0], ("bigger", Shard(2, 3, totalTrials: 10_000)), shards[2]]), Does.Contain("bigger").And.Contain("10,000 trials"));
            Assert.That(ShardMerge.Problem([shards[0], ("halves", Shard(2, 2))]), Does.Contain("halves").And.Contain("of 2 shards, not 3"));
            Assert.That(() => ShardMerge.Merge([shards[0]], Model), Throws.ArgumentException);
        });
    }
}
