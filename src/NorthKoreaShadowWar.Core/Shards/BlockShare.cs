using System.Globalization;

namespace NorthKoreaShadowWar.Shards;

/// <summary>
/// How the blocks of a run are shared between N shards (see docs/cluster.md): contiguous ranges of whole blocks, as
/// evenly as possible, the first <c>blocks mod N</c> shards taking one block more. Used by <c>run --shard</c> (blocks of
/// trials) and <c>update --shard</c> (blocks of particles).
/// </summary>
internal static class BlockShare
{
    /// <summary>The first block and the number of blocks of shard <paramref name="index"/> (from 1) of <paramref name="count"/>.</summary>
    public static (long FirstBlock, long Blocks) Of(long blocks, int index, int count)
    {
        var (perShard, extra) = Math.DivRem(blocks, count);
        var before = index - 1;
        return ((long)before * perShard + Math.Min(before, extra), perShard + (before < extra ? 1 : 0));
    }

    /// <summary>
    /// Why shard <paramref name="index"/> of <paramref name="count"/> of a run of <paramref name="totalTrials"/> trials in
    /// <paramref name="blocks"/> blocks of <paramref name="blockSize"/> cannot be run, or null when it can: the index is
    /// outside 1..count, or there are fewer blocks than shards, which would leave a shard empty.
    /// </summary>
    public static string? Problem(long totalTrials, long blocks, int blockSize, int index, int count)
    {
        if (count < 1) return string.Create(CultureInfo.InvariantCulture, $"the number of shards must be at least 1, got {count}");
        if (index < 1 || index > count) return string.Create(CultureInfo.InvariantCulture, $"shard {index}/{count}: shards are numbered 1 to {count}");
        if (blocks < count)
            return string.Create(CultureInfo.InvariantCulture, $"{count} shards of {totalTrials:N0} trials would leave shards empty: shards hold whole blocks of "
                + $"{blockSize:N0} trials and there {(blocks == 1 ? "is 1 block" : string.Create(CultureInfo.InvariantCulture, $"are {blocks:N0} blocks"))}; use at most {blocks:N0} shard{(blocks == 1 ? "" : "s")}");
        return null;
    }

    /// <summary>
    /// Why <paramref name="shards"/> (each shard's folder and number) are not every shard of <paramref name="count"/> once
    /// each, naming the folders at fault, or null when they are.
    /// </summary>
    public static string? CoverageProblem(IReadOnlyList<(string Folder, int Index)> shards, int count)
    {
        foreach (var twice in shards.GroupBy(s => s.Index).Where(g => g.Count() > 1))
            return string.Create(CultureInfo.InvariantCulture, $"{string.Join(" and ", twice.Select(s => s.Folder))} are {(twice.Count() == 2 ? "both" : "all")} shard {twice.Key}/{count}; give each shard once");
        var missing = Enumerable.Range(1, count).Except(shards.Select(s => s.Index)).ToList();
        if (missing.Count > 0)
            return string.Create(CultureInfo.InvariantCulture, $"shard{(missing.Count == 1 ? "" : "s")} {string.Join(", ", missing.Select(k => string.Create(CultureInfo.InvariantCulture, $"{k}/{count}")))} of the run in {shards[0].Folder} "
                + $"{(missing.Count == 1 ? "is" : "are")} missing; merge needs all {count} shards");
        return null;
    }
}
