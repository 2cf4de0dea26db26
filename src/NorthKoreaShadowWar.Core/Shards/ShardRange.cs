using System.Globalization;
using NorthKoreaShadowWar.Simulation;

namespace NorthKoreaShadowWar.Shards;

/// <summary>
/// Shard <see cref="Index"/> of <see cref="Count"/> (numbered from 1, as in <c>sbatch --array=1-N</c>): a contiguous
/// range of whole blocks of <see cref="RunSettings.BlockSize"/> trials. The blocks of a run are shared as evenly as
/// possible, earlier shards taking one block more when they do not divide evenly; only the last shard may end in a
/// partial block. Every trial keeps its own random streams, so the shards together are exactly the unsharded run.
/// </summary>
/// <param name="Index">This shard's number, 1..<see cref="Count"/>.</param>
/// <param name="Count">How many shards the run is split into.</param>
/// <param name="FirstTrial">The number of the shard's first trial (a multiple of the block size).</param>
/// <param name="Trials">How many trials the shard runs, at least one.</param>
internal readonly record struct ShardRange(int Index, int Count, long FirstTrial, long Trials)
{
    /// <summary>
    /// The range of shard <paramref name="index"/> of <paramref name="count"/> in a run of <paramref name="totalTrials"/>
    /// trials, or the reason there is none (see <see cref="Problem"/>).
    /// </summary>
    public static ShardRange? Of(long totalTrials, int index, int count)
    {
        if (Problem(totalTrials, index, count) is not null) return null;
        var (firstBlock, shardBlocks) = BlockShare.Of(RunAccumulator.BlockCount(totalTrials), index, count);
        var firstTrial = firstBlock * RunSettings.BlockSize;
        var end = Math.Min(totalTrials, (firstBlock + shardBlocks) * RunSettings.BlockSize);
        return new ShardRange(index, count, firstTrial, end - firstTrial);
    }

    /// <summary>
    /// Why shard <paramref name="index"/> of <paramref name="count"/> cannot be run, or null when it can: the index is
    /// outside 1..count, or the run has fewer blocks than shards, which would leave a shard empty.
    /// </summary>
    public static string? Problem(long totalTrials, int index, int count) =>
        BlockShare.Problem(totalTrials, RunAccumulator.BlockCount(totalTrials), RunSettings.BlockSize, index, count);

    /// <summary>Reads <c>K/N</c> (e.g. <c>2/8</c>); false when the text is not two whole numbers separated by a slash.</summary>
    public static bool TryParse(string text, out int index, out int count)
    {
        index = count = 0;
        var parts = text.Split('/');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out index)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out count);
    }

    /// <summary>The trial after the shard's last.</summary>
    public long EndTrial => FirstTrial + Trials;

    /// <summary>The folder suffix and label, e.g. <c>shard-2-of-8</c>.</summary>
    public string Label => string.Create(CultureInfo.InvariantCulture, $"shard-{Index}-of-{Count}");
}
