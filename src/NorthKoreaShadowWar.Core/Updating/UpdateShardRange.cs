using System.Globalization;
using NorthKoreaShadowWar.Shards;

namespace NorthKoreaShadowWar.Updating;

/// <summary>
/// Shard <see cref="Index"/> of <see cref="Count"/> (numbered from 1) of an update (see docs/updating.md, "Sharded
/// updates"): a contiguous range of whole blocks of <see cref="UpdateSettings.BlockSize"/> particles, shared as
/// <c>run --shard</c> shares its blocks. A block's numbers depend only on the seed and the block's number, so the shards
/// together hold exactly the blocks of the unsharded update.
/// </summary>
/// <param name="Index">This shard's number, 1..<see cref="Count"/>.</param>
/// <param name="Count">How many shards the update is split into.</param>
/// <param name="FirstBlock">The number of the shard's first block, from 0.</param>
/// <param name="Blocks">How many blocks the shard runs, at least one.</param>
internal readonly record struct UpdateShardRange(int Index, int Count, int FirstBlock, int Blocks)
{
    /// <summary>Blocks in an update of <paramref name="totalTrials"/> particles (rounded up to whole blocks, as <c>update</c> does).</summary>
    public static long BlockCount(long totalTrials) => Math.Max(1, (totalTrials + UpdateSettings.BlockSize - 1) / UpdateSettings.BlockSize);

    /// <summary>The range of shard <paramref name="index"/> of <paramref name="count"/>, or null when <see cref="Problem"/> gives a reason there is none.</summary>
    public static UpdateShardRange? Of(long totalTrials, int index, int count)
    {
        if (Problem(totalTrials, index, count) is not null) return null;
        var (first, blocks) = BlockShare.Of(BlockCount(totalTrials), index, count);
        return new UpdateShardRange(index, count, (int)first, (int)blocks);
    }

    /// <summary>Why shard <paramref name="index"/> of <paramref name="count"/> cannot be run, or null: the index is outside 1..count, or there are fewer blocks than shards.</summary>
    public static string? Problem(long totalTrials, int index, int count) =>
        BlockShare.Problem(totalTrials, BlockCount(totalTrials), UpdateSettings.BlockSize, index, count);

    /// <summary>The block after the shard's last.</summary>
    public int EndBlock => FirstBlock + Blocks;

    /// <summary>The folder suffix and label, e.g. <c>shard-2-of-8</c>.</summary>
    public string Label => string.Create(CultureInfo.InvariantCulture, $"shard-{Index}-of-{Count}");
}
