using System.Diagnostics;
using NorthKoreaShadowWar.Compilation;
using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Scenarios;

namespace NorthKoreaShadowWar.Updating;

/// <summary>The posterior and the prior of an update, as results folders hold them, and what the evidence did.</summary>
internal sealed record UpdateResult(RunResult Posterior, RunResult Prior, EvidenceSummary Evidence)
{
    /// <summary>The moves of the parameters (none unless <see cref="UpdateSettings.Moves"/> was above 0).</summary>
    public MoveSummary Moves { get; init; } = MoveSummary.None;
}

/// <summary>The move step of an update: sweeps after each resampling, and the moves proposed and accepted over all blocks.</summary>
internal sealed record MoveSummary(int Sweeps, long Proposed, long Accepted)
{
    public static readonly MoveSummary None = new(0, 0, 0);

    /// <summary>The share of proposals accepted (NaN when none were made).</summary>
    public double AcceptanceRate => Proposed > 0 ? (double)Accepted / Proposed : double.NaN;
}

/// <summary>
/// Conditions a scenario on an evidence file (see docs/updating.md): particles in independent blocks, weighted by
/// the likelihood of the evidence; with a target effective sample size, rounds of blocks (doubling) until it is met.
/// </summary>
internal static partial class UpdateRunner
{
    /// <summary>Runs the update.</summary>
    /// <exception cref="EvidenceImpossibleException">Every particle has weight zero.</exception>
    /// <exception cref="Diagnostics.SimulationException">The scenario did something impossible in some trial.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled (no further block starts once it is).</exception>
    public static UpdateResult Run(CompiledModel model, EvidenceFile evidence, UpdateSettings settings, Action<long, double>? progress = null,
        CancellationToken cancellation = default) =>
        RunWithParticles(model, evidence, settings, progress, cancellation).Result;

    /// <summary>Runs the update; also gives the weighted particles of the posterior.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled (no further block starts once it is).</exception>
    internal static (UpdateResult Result, Particles Posterior) RunWithParticles(CompiledModel model, EvidenceFile evidence, UpdateSettings settings,
        Action<long, double>? progress = null, CancellationToken cancellation = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var blockCount = BlockCount(settings.Trials);
        var maxBlocks = Math.Max(blockCount, BlockCount(settings.MaxTrials));
        var blocks = new List<ParticleBlock>();
        var smc = settings.Method == UpdateMethod.Smc;
        Particles particles;
        while (true)
        {
            blocks.AddRange(smc
                ? SmcBlockRunner.Run(model, evidence, settings.Seed, settings.Moves, blocks.Count, blockCount - blocks.Count, settings.Threads, cancellation)
                : ParticleBlockRunner.Run(model, evidence, settings.Seed, blocks.Count, blockCount - blocks.Count, settings.Threads, cancellation));
            particles = Combine(model, evidence, blocks);
            var ess = Math.Min(WeightedOutcomes.EffectiveSampleSize(particles.Weights), particles.DistinctOrigins);
            progress?.Invoke(particles.Count, ess);
            if (settings.TargetEss is not { } target || ess >= target || blockCount >= maxBlocks) break;
            blockCount = Math.Min(maxBlocks, blockCount * 2);
        }
        stopwatch.Stop();
        // The prior: trials from the prior itself, unweighted (for importance weighting, the same particles).
        var prior = smc
            ? new Particles(ParticleBlockRunner.Run(model, evidence, settings.Seed, 0, BlockCount(settings.Trials), settings.Threads, cancellation),
                model.Scenario.Outcomes.Count, model.RandomParameters.Length, EventCount(model))
            : particles;
        return (Build(model, evidence, settings, particles, prior, stopwatch.Elapsed.TotalSeconds), particles);
    }

    private static int BlockCount(long trials) => (int)Math.Max(1, (trials + UpdateSettings.BlockSize - 1) / UpdateSettings.BlockSize);

    private static Particles Combine(CompiledModel model, EvidenceFile evidence, List<ParticleBlock> blocks)
    {
        var particles = new Particles(blocks, model.Scenario.Outcomes.Count, model.RandomParameters.Length, EventCount(model));
        if (double.IsNegativeInfinity(particles.MaxLogWeight))
        {
            var ordered = new TrialEvidence(model, evidence).Ordered;
            throw new EvidenceImpossibleException(ordered[blocks.Max(b => b.LastKiller)], particles.Count);
        }
        return particles;
    }

    internal static int EventCount(CompiledModel model) =>
        model.Scenario.Outcomes.Count(o => o.Kind is OutcomeKind.Reached or OutcomeKind.FirstStep && o.Condition is not null);

    private static UpdateResult Build(CompiledModel model, EvidenceFile evidence, UpdateSettings settings, Particles particles, Particles priorParticles, double seconds)
    {
        var equal = Enumerable.Repeat(1.0, priorParticles.Count).ToArray();
        var weights = particles.Weights;
        var ess = WeightedOutcomes.EffectiveSampleSize(weights);
        var method = settings.Method == UpdateMethod.Smc ? "smc" : "importance";
        var smcMoves = settings.Method == UpdateMethod.Smc ? settings.Moves : 0;
        // Intervals take the effective draws as the number of trials: at most the distinct trials behind the particles.
        var discount = ess > 0 ? Math.Min(1, particles.DistinctOrigins / ess) : 1;
        var posterior = Result(model, settings, particles, weights, weighted: true, "update-" + method, seconds, discount);
        var prior = Result(model, settings, priorParticles, equal, weighted: false, "monte-carlo", seconds, 1);
        var (logZ, se) = LogEvidence(particles);
        var summary = new EvidenceSummary
        {
            File = evidence.Path,
            AsOf = evidence.AsOf,
            Method = method,
            Particles = particles.Count,
            Blocks = particles.Blocks.Count,
            Ess = ess,
            DistinctOrigins = particles.DistinctOrigins,
            LogMarginalLikelihood = logZ,
            LogMarginalLikelihoodSe = se,
            Observations = evidence.Observations.Count,
            Parameters = EvidenceShifts.Parameters(model, priorParticles, particles, weights),
            Changes = EvidenceShifts.Outcomes(prior.Outcomes, posterior.Outcomes),
            OpenEvents = EvidenceShifts.OpenEvents(model, priorParticles, particles, weights),
            Seconds = seconds,
        };
        var moves = new MoveSummary(smcMoves, particles.Blocks.Sum(b => b.MovesProposed), particles.Blocks.Sum(b => b.MovesAccepted));
        return new UpdateResult(posterior, prior, summary) { Moves = moves };
    }

    /// <summary>log of the mean of the blocks' Z_b, and its standard error by the delta method: sd(Z_b) / (√B · mean Z_b).</summary>
    internal static (double LogZ, double Se) LogEvidence(Particles particles)
    {
        var z = particles.BlockEvidence;
        var mean = z.Average();
        var variance = z.Length > 1 ? z.Sum(v => (v - mean) * (v - mean)) / (z.Length - 1) : double.NaN;
        return (particles.MaxLogWeight + Math.Log(mean), Math.Sqrt(variance / z.Length) / mean);
    }

    private static RunResult Result(CompiledModel model, UpdateSettings settings, Particles particles, double[] weights, bool weighted, string method, double seconds, double discount)
    {
        var manifest = ResultsBuilder.Manifest(model.Scenario, settings.Seed, particles.Count, method);
        var shares = particles.OccupancyShares(weighted);
        var occupancy = model.Scenario.Machines.Select((machine, m) => new MachineOccupancy(machine.Name,
            machine.States.Select((state, s) =>
            {
                var row = new double[model.Horizon + 1];
                for (var t = 0; t <= model.Horizon; t++) row[t] = shares[t * model.TotalStates + model.StateOffset[m] + s];
                return (state, row);
            }).ToList())).ToList();
        var performance = new RunPerformance(settings.Threads, (long)particles.Count * model.Horizon * model.MachineCount, seconds,
            Process.GetCurrentProcess().PeakWorkingSet64);
        return new RunResult(manifest, WeightedOutcomes.Build(model, particles, weights, discount), occupancy, performance);
    }
}
