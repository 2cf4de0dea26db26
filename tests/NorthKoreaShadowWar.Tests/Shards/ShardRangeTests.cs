using NorthKoreaShadowWar.Shards;
using NorthKoreaShadowWar.Simulation;

namespace NorthKoreaShadowWar.Tests.Shards;

/// <summary>Shards are contiguous ranges of whole blocks that together cover every trial once, as evenly as possible.</summary>
public class ShardRangeTests
{
    [TestCase(1, 1)]
    [TestCase(1024, 1)]
    [TestCase(5000, 3)]
    [TestCase(5000, 5)]
    [TestCase(20_000, 3)]
    [TestCase(20_000, 7)]
    [TestCase(1_000_000, 64)]
    public void Shards_cover_every_trial_once_in_whole_blocks_shared_evenly(long trials, int count)
    {
        var ranges = Enumerable.Range(1, count).Select(k => ShardRange.Of(trials, k, count)!.Value).ToList();
        var blocks = ranges.Select(r => (r.Trials + RunSettings.BlockSize - 1) / RunSettings.BlockSize).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(ranges[0].FirstTrial, Is.Zero);
            Assert.That(ranges[^1].EndTrial, Is.EqualTo(trials));
            for (var k = 1; k < count; k++) Assert.That(ranges[k].FirstTrial, Is.EqualTo(ranges[k - 1].EndTrial), $"shard {k + 1} continues shard {k}");
            Assert.That(ranges.Select(r => r.FirstTrial % RunSettings.BlockSize), Is.All.Zero);
            Assert.That(ranges.SkipLast(1).Select(r => r.Trials % RunSettings.BlockSize), Is.All.Zero, "only the last shard may end inside a block");
            Assert.That(ranges.Select(r => r.Trials), Is.All.Positive);
            Assert.That(blocks.Max() - blocks.Min(), Is.LessThanOrEqualTo(1));
            Assert.That(blocks, Is.Ordered.Descending, "earlier shards take the extra blocks");
            Assert.That(ranges.Select(r => (r.Index, r.Count)), Is.EqualTo(Enumerable.Range(1, count).Select(k => (k, count))));
        });
    }

    [Test]
    public void Five_thousand_trials_in_three_shards_are_two_two_and_one_short_block()
    {
        var ranges = Enumerable.Range(1, 3).Select(k => ShardRange.Of(5000, k, 3)!.Value).ToList();
        Assert.That(ranges.Select(r => (r.FirstTrial, r.Trials)), Is.EqualTo(new[] { (0L, 2048L), (2048L, 2048L), (4096L, 904L) }));
        Assert.That(ranges[1].Label, Is.EqualTo("shard-2-of-3"));
    }

    [Test]
    public void More_shards_than_blocks_are_refused_with_the_most_that_can_be_used()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ShardRange.Of(5000, 1, 6), Is.Null);
            Assert.That(ShardRange.Problem(5000, 1, 6), Does.Contain("use at most 5 shards"));
            Assert.That(ShardRange.Problem(1000, 1, 2), Does.Contain("use at most 1 shard").And.Contain("there is 1 block"));
            Assert.That(ShardRange.Problem(5000, 5, 5), Is.Null);
        });
    }

    [TestCase(0, 3)]
    [TestCase(4, 3)]
    [TestCase(-1, 3)]
    [TestCase(1, 0)]
    public void Shard_numbers_outside_one_to_n_are_refused(int index, int count)
    {
        Assert.That(ShardRange.Problem(100_000, index, count), Is.Not.Null);
        Assert.That(ShardRange.Of(100_000, index, count), Is.Null);
    }

    [TestCase("2/8", true, 2, 8)]
    [TestCase("1/1", true, 1, 1)]
    [TestCase("abc", false, 0, 0)]
    [TestCase("2", false, 0, 0)]
    [TestCase("1/2/3", false, 0, 0)]
    [TestCase("-1/3", false, 0, 0)]
    [TestCase(" 1/3", false, 0, 0)]
    [TestCase("1/", false, 0, 0)]
    public void K_of_n_is_read_as_two_whole_numbers_and_a_slash(string text, bool ok, int index, int count)
    {
        var parsed = ShardRange.TryParse(text, out var k, out var n);
        Assert.That(parsed, Is.EqualTo(ok));
        if (ok) Assert.That((k, n), Is.EqualTo((index, count)));
    }
}
