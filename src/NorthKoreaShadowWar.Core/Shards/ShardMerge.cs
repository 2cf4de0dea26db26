using System.Globalization;
using NorthKoreaShadowWar.Compilation;
using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Simulation;

namespace NorthKoreaShadowWar.Shards;

/// <summary>
/// Checks that shards belong to one run and joins them, in trial order, with <see cref="SimulationResult.Concatenate"/>:
/// the result is the unsharded run's, bit for bit (counts add; block moments follow each other in block order; quantile
/// sketches merge in any order).
/// </summary>
internal static class ShardMerge
{
    /// <summary>
    /// Why <paramref name="shards"/> (each with the folder it was read from) cannot be merged, naming the folder at
    /// fault, or null when they are every shard of one run, once each: same scenario (SHA-256), variant, overrides,
    /// seed, total trials, shard count and engine version, each holding the trials its number gives it.
    /// </summary>
    public static string? Problem(IReadOnlyList<(string Folder, ShardState State)> shards)
    {
        if (shards.Count == 0) return "no shard folders given";
        var (firstFolder, first) = shards[0];
        foreach (var (folder, state) in shards)
        {
            if (state.EngineVersion != ResultsBuilder.EngineVersion)
                return $"{folder} was run by engine {state.EngineVersion} and this is engine {ResultsBuilder.EngineVersion}; merge with the engine that ran the shards";
            var difference =
                state.ScenarioSha256 != first.ScenarioSha256 ? $"its scenario {state.ScenarioFile} (SHA-256 {state.ScenarioSha256}) differs from {first.ScenarioFile} (SHA-256 {first.ScenarioSha256})"
                : state.Variant != first.Variant ? $"its variant is {state.Variant ?? "none"}, not {first.Variant ?? "none"}"
                : !state.Overrides.SequenceEqual(first.Overrides) ? $"its overrides are [{string.Join(", ", state.Overrides)}], not [{string.Join(", ", first.Overrides)}]"
                : state.Seed != first.Seed ? string.Create(CultureInfo.InvariantCulture, $"its seed is {state.Seed}, not {first.Seed}")
                : state.TotalTrials != first.TotalTrials ? string.Create(CultureInfo.InvariantCulture, $"it is a shard of {state.TotalTrials:N0} trials, not {first.TotalTrials:N0}")
                : state.Range.Count != first.Range.Count ? string.Create(CultureInfo.InvariantCulture, $"it is shard {state.Range.Index}/{state.Range.Count}, of {state.Range.Count} shards, not {first.Range.Count}")
                : null;
            if (difference is not null) return $"{folder} is not a shard of the same run as {firstFolder}: {difference}";
            if (ShardRange.Of(state.TotalTrials, state.Range.Index, state.Range.Count) != state.Range)
                return string.Create(CultureInfo.InvariantCulture, $"{folder}: shard {state.Range.Index}/{state.Range.Count} should hold other trials than the {state.Range.Trials:N0} from trial {state.Range.FirstTrial:N0} it records; the state file is damaged");
        }
        return BlockShare.CoverageProblem([.. shards.Select(s => (s.Folder, s.State.Range.Index))], first.Range.Count);
    }

    /// <summary>
    /// The unsharded run's totals: <paramref name="shards"/> (every shard of one run, in any order, each with the folder
    /// it was read from) as simulations of <paramref name="model"/>, joined in trial order.
    /// </summary>
    /// <exception cref="ArgumentException">The shards do not make one run (see <see cref="Problem"/>).</exception>
    /// <exception cref="InvalidDataException">A shard's numbers do not fit <paramref name="model"/>; the message is <c>FILE: error: FIELD: problem</c>.</exception>
    public static SimulationResult Merge(IReadOnlyList<(string Folder, ShardState State)> shards, CompiledModel model)
    {
        if (Problem(shards) is { } problem) throw new ArgumentException(problem, nameof(shards));
        return shards.OrderBy(s => s.State.Range.Index).Select(s =>
        {
            try
            {
                return s.State.ToSimulation(model);
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException($"{Path.Combine(s.Folder, ShardState.FileName)}: error: {e.Message}", e);
            }
        }).Aggregate(SimulationResult.Concatenate);
    }
}
