using System.Globalization;
using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Shards;

namespace NorthKoreaShadowWar.Updating;

/// <summary>Checks that update shards belong to one update (see docs/updating.md, "Sharded updates"); the merge itself is <see cref="Updating.UpdateRunner.Merge"/>.</summary>
internal static class UpdateShardMerge
{
    /// <summary>
    /// Why <paramref name="shards"/> (each with the folder it was read from) cannot be merged, naming the folder at
    /// fault, or null when they are every shard of one update, once each: same scenario and evidence (SHA-256), variant,
    /// overrides, seed, particles, method, moves, shard count and engine version, each holding the blocks its number gives it.
    /// </summary>
    public static string? Problem(IReadOnlyList<(string Folder, UpdateShardState State)> shards)
    {
        if (shards.Count == 0) return "no shard folders given";
        var (firstFolder, first) = shards[0];
        foreach (var (folder, state) in shards)
        {
            if (state.EngineVersion != ResultsBuilder.EngineVersion)
                return $"{folder} was run by engine {state.EngineVersion} and this is engine {ResultsBuilder.EngineVersion}; merge with the engine that ran the shards";
            if (Difference(state, first) is { } difference) return $"{folder} is not a shard of the same update as {firstFolder}: {difference}";
            if (UpdateShardRange.Of(state.TotalTrials, state.Range.Index, state.Range.Count) != state.Range)
                return string.Create(CultureInfo.InvariantCulture, $"{folder}: shard {state.Range.Index}/{state.Range.Count} should hold other blocks than the {state.Range.Blocks} from block {state.Range.FirstBlock} it records; the state file is damaged");
        }
        return BlockShare.CoverageProblem([.. shards.Select(s => (s.Folder, s.State.Range.Index))], first.Range.Count);
    }

    private static string? Difference(UpdateShardState state, UpdateShardState first) =>
        state.ScenarioSha256 != first.ScenarioSha256 ? $"its scenario {state.ScenarioFile} (SHA-256 {state.ScenarioSha256}) differs from {first.ScenarioFile} (SHA-256 {first.ScenarioSha256})"
        : state.EvidenceSha256 != first.EvidenceSha256 ? $"its evidence {state.EvidenceFile} (SHA-256 {state.EvidenceSha256}) differs from {first.EvidenceFile} (SHA-256 {first.EvidenceSha256})"
        : state.Variant != first.Variant ? $"its variant is {state.Variant ?? "none"}, not {first.Variant ?? "none"}"
        : !state.Overrides.SequenceEqual(first.Overrides) ? $"its overrides are [{string.Join(", ", state.Overrides)}], not [{string.Join(", ", first.Overrides)}]"
        : state.Seed != first.Seed ? string.Create(CultureInfo.InvariantCulture, $"its seed is {state.Seed}, not {first.Seed}")
        : state.TotalTrials != first.TotalTrials ? string.Create(CultureInfo.InvariantCulture, $"it is a shard of {state.TotalTrials:N0} particles, not {first.TotalTrials:N0}")
        : state.Method != first.Method ? $"its method is {UpdateShardStateFile.MethodName(state.Method)}, not {UpdateShardStateFile.MethodName(first.Method)}"
        : state.Moves != first.Moves ? string.Create(CultureInfo.InvariantCulture, $"it moved the parameters {state.Moves} times after each resampling, not {first.Moves}")
        : state.Range.Count != first.Range.Count ? string.Create(CultureInfo.InvariantCulture, $"it is shard {state.Range.Index}/{state.Range.Count}, of {state.Range.Count} shards, not {first.Range.Count}")
        : null;
}
