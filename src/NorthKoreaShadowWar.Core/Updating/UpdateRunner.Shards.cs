using System.Diagnostics;
using System.Globalization;
using NorthKoreaShadowWar.Compilation;
using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Shards;

namespace NorthKoreaShadowWar.Updating;

/// <summary>
/// Sharded updates (see docs/updating.md, "Sharded updates"): a shard runs its range of blocks, of the posterior and,
/// for sequential Monte Carlo, of the prior; the merge combines every shard's blocks in block order and builds the
/// results as the unsharded update does, so the numbers are the same bit for bit.
/// </summary>
internal static partial class UpdateRunner
{
    /// <summary>
    /// Runs the blocks of <paramref name="range"/> of the update <paramref name="settings"/> describe (one round: no
    /// target ESS) and keeps them exactly. <paramref name="evidenceSha256"/> is the SHA-256 of the evidence file's bytes.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="settings"/> asks for a target ESS, or <paramref name="range"/> is not a shard of its particles.</exception>
    /// <exception cref="Diagnostics.SimulationException">The scenario did something impossible in some trial.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled.</exception>
    public static UpdateShardState RunShard(CompiledModel model, EvidenceFile evidence, string evidenceSha256, UpdateSettings settings,
        UpdateShardRange range, CancellationToken cancellation = default)
    {
        if (settings.TargetEss is not null) throw new ArgumentException("a sharded update runs one round of blocks; it has no target ESS", nameof(settings));
        if (UpdateShardRange.Of(settings.Trials, range.Index, range.Count) != range)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"shard {range.Index}/{range.Count} of {settings.Trials} particles does not hold blocks {range.FirstBlock} to {range.EndBlock - 1}"), nameof(range));
        var stopwatch = Stopwatch.StartNew();
        var smc = settings.Method == UpdateMethod.Smc;
        var posterior = smc
            ? SmcBlockRunner.Run(model, evidence, settings.Seed, settings.Moves, range.FirstBlock, range.Blocks, settings.Threads, cancellation)
            : ParticleBlockRunner.Run(model, evidence, settings.Seed, range.FirstBlock, range.Blocks, settings.Threads, cancellation);
        var prior = smc ? ParticleBlockRunner.Run(model, evidence, settings.Seed, range.FirstBlock, range.Blocks, settings.Threads, cancellation) : [];
        stopwatch.Stop();
        var source = model.Scenario.Source;
        return new UpdateShardState
        {
            Scenario = source.Name,
            ScenarioFile = source.SourceFile,
            ScenarioSha256 = source.Sha256,
            EvidenceFile = evidence.Path,
            EvidenceSha256 = evidenceSha256,
            EngineVersion = ResultsBuilder.EngineVersion,
            Variant = source.AppliedVariant,
            Overrides = source.AppliedOverrides,
            Seed = settings.Seed,
            TotalTrials = settings.Trials,
            Method = settings.Method,
            Moves = smc ? settings.Moves : 0,
            Range = range,
            Threads = settings.Threads,
            Seconds = stopwatch.Elapsed.TotalSeconds,
            Posterior = posterior,
            Prior = prior,
        };
    }

    /// <summary>
    /// The unsharded update's results from <paramref name="shards"/> (every shard of one update, in any order, each with
    /// the folder it was read from), <paramref name="model"/> and <paramref name="evidence"/> being the scenario and
    /// evidence they were run on. The seconds are the shards' sum, the threads the most any shard used.
    /// </summary>
    /// <exception cref="ArgumentException">The shards do not make one update (see <see cref="UpdateShardMerge.Problem"/>).</exception>
    /// <exception cref="EvidenceImpossibleException">Every particle has weight zero.</exception>
    public static UpdateResult Merge(IReadOnlyList<(string Folder, UpdateShardState State)> shards, CompiledModel model, EvidenceFile evidence)
    {
        if (UpdateShardMerge.Problem(shards) is { } problem) throw new ArgumentException(problem, nameof(shards));
        var ordered = shards.Select(s => s.State).OrderBy(s => s.Range.Index).ToList();
        var first = ordered[0];
        var settings = new UpdateSettings
        {
            Trials = first.TotalTrials, Seed = first.Seed, Method = first.Method, Moves = first.Moves, Threads = ordered.Max(s => s.Threads),
        };
        var particles = Combine(model, evidence, [.. ordered.SelectMany(s => s.Posterior)]);
        var prior = settings.Method == UpdateMethod.Smc
            ? new Particles([.. ordered.SelectMany(s => s.Prior)], model.Scenario.Outcomes.Count, model.RandomParameters.Length, EventCount(model))
            : particles;
        return Build(model, evidence, settings, particles, prior, ordered.Sum(s => s.Seconds));
    }
}
