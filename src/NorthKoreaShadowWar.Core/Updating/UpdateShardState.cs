using System.Globalization;
using NorthKoreaShadowWar.Compilation;
using NorthKoreaShadowWar.Shards;

namespace NorthKoreaShadowWar.Updating;

/// <summary>
/// What one shard of an update computed, exactly: its blocks of weighted particles (and, for sequential Monte Carlo,
/// its blocks of the prior), with what identifies the update it belongs to. Enough for <see cref="UpdateRunner.Merge"/>
/// to give the unsharded update's results bit for bit (see docs/updating.md, "Sharded updates"). Saved in a shard's
/// folder as <see cref="FileName"/> by <see cref="UpdateShardStateFile"/>.
/// </summary>
internal sealed class UpdateShardState
{
    /// <summary>The state file's name in an update shard's folder.</summary>
    public const string FileName = "update-shard-state.json";

    /// <summary>The copy of the evidence file kept in an update shard's folder (the scenario's is <see cref="ShardState.ScenarioCopyFileName"/>).</summary>
    public const string EvidenceCopyFileName = "evidence.yaml";

    /// <summary>The scenario's name.</summary>
    public required string Scenario { get; init; }

    /// <summary>The scenario file's path as the user gave it to <c>update</c>.</summary>
    public required string ScenarioFile { get; init; }

    /// <summary>The SHA-256 of the scenario file's bytes, lowercase hex.</summary>
    public required string ScenarioSha256 { get; init; }

    /// <summary>The evidence file's path as the user gave it to <c>update</c> (recorded in the merged results too).</summary>
    public required string EvidenceFile { get; init; }

    /// <summary>The SHA-256 of the evidence file's bytes, lowercase hex.</summary>
    public required string EvidenceSha256 { get; init; }

    /// <summary>The engine version that ran the shard.</summary>
    public required string EngineVersion { get; init; }

    /// <summary>The variant applied, or null.</summary>
    public string? Variant { get; init; }

    /// <summary>The <c>--set name=value</c> overrides applied, in order.</summary>
    public IReadOnlyList<string> Overrides { get; init; } = [];

    /// <summary>The seed of the whole update.</summary>
    public required ulong Seed { get; init; }

    /// <summary>Particles asked for in the whole (unsharded) update, before rounding up to whole blocks.</summary>
    public required long TotalTrials { get; init; }

    /// <summary>How the particles were propagated and weighted.</summary>
    public required UpdateMethod Method { get; init; }

    /// <summary>Sweeps of the move of the parameters after each resampling (0 for importance weighting).</summary>
    public required int Moves { get; init; }

    /// <summary>Which shard this is and which blocks it ran.</summary>
    public required UpdateShardRange Range { get; init; }

    /// <summary>Threads the shard used.</summary>
    public required int Threads { get; init; }

    /// <summary>Wall time of the shard's blocks, in seconds.</summary>
    public required double Seconds { get; init; }

    /// <summary>The blocks of the posterior's particles, in block order.</summary>
    internal IReadOnlyList<ParticleBlock> Posterior { get; init; } = [];

    /// <summary>Sequential Monte Carlo: the blocks of trials from the prior, in block order; importance weighting: none (the prior is the posterior's particles unweighted).</summary>
    internal IReadOnlyList<ParticleBlock> Prior { get; init; } = [];

    /// <summary>
    /// Why the saved blocks cannot be particles of <paramref name="model"/>, naming the field at fault, or null when they
    /// can: every block has as many outcomes, parameters, event flags and occupancy cells as the scenario gives it, and
    /// names only observations <paramref name="evidence"/> has. (What needs neither is checked when the file is read, see
    /// <see cref="UpdateShardStateFile.Read"/>.)
    /// </summary>
    public string? FitProblem(CompiledModel model, EvidenceFile evidence)
    {
        var widths = new (string Field, Func<ParticleBlock, int> Length, long Expected)[]
        {
            ("outcomes", b => b.Outcomes.Length, (long)UpdateSettings.BlockSize * model.Scenario.Outcomes.Count),
            ("parameters", b => b.Parameters.Length, (long)UpdateSettings.BlockSize * model.RandomParameters.Length),
            ("openEvents", b => b.OpenEvents.Length, (long)UpdateSettings.BlockSize * UpdateRunner.EventCount(model)),
            ("occupancy", b => b.Occupancy.Length, (long)(model.Horizon + 1) * model.TotalStates),
            ("weightedOccupancy", b => b.WeightedOccupancy.Length, (long)(model.Horizon + 1) * model.TotalStates),
        };
        foreach (var (list, blocks) in new[] { ("posterior", Posterior), ("prior", Prior) })
            for (var b = 0; b < blocks.Count; b++)
            {
                foreach (var (field, length, expected) in widths)
                    if (length(blocks[b]) != expected)
                        return string.Create(CultureInfo.InvariantCulture, $"the saved state does not fit the scenario: {list}[{b}].{field}: {length(blocks[b])} numbers, not the {expected} the scenario gives a block");
                if (blocks[b].LastKiller >= evidence.Observations.Count)
                    return string.Create(CultureInfo.InvariantCulture, $"the saved state does not fit the evidence: {list}[{b}].lastKiller: {blocks[b].LastKiller}, but the evidence has {evidence.Observations.Count} observations");
            }
        return null;
    }
}
