using NorthKoreaShadowWar.Compilation;
using NorthKoreaShadowWar.Updating;

namespace NorthKoreaShadowWar.Checking;

/// <summary>
/// The checks of a scenario against an evidence file before its update is trusted (see docs/checking.md): is each
/// observation possible, how surprising is it, what can the evidence teach about each parameter and outcome, and does
/// the posterior reproduce what was observed.
/// </summary>
internal static class CheckRunner
{
    /// <summary>Trials from the posterior are numbered from here, apart from the prior's.</summary>
    private const long ReplicateOffset = 1L << 40;

    /// <summary>
    /// The error lines (<c>FILE:LINE:COL: error: ...</c>) of the observations the scenario cannot produce at all: certain
    /// statements it cannot make true, measurements outside every value it can give, reports with likelihood 0 in every
    /// state it can be in. Decided from the model's structure, before anything is simulated.
    /// </summary>
    public static IReadOnlyList<string> Impossible(CompiledModel model, EvidenceFile evidence) =>
        ObservationFeasibility.Of(model.Scenario, evidence).Where(f => f.RulesOut).Select(f => f.Error).ToList();

    /// <summary>Runs every check.</summary>
    /// <exception cref="EvidenceImpossibleException">No trial drawn is consistent with the evidence.</exception>
    public static CheckResult Run(CompiledModel model, EvidenceFile evidence, CheckSettings settings, Action<string>? progress = null)
    {
        var feasibility = ObservationFeasibility.Of(model.Scenario, evidence);
        progress?.Invoke("drawing trials from the prior");
        var prior = ObservationSamples.Run(model, evidence, settings.Seed, 0, Blocks(settings.Trials), settings.Threads);
        progress?.Invoke("updating on the evidence");
        var (update, posterior) = UpdateRunner.RunWithParticles(model, evidence,
            new UpdateSettings { Trials = settings.Trials, Seed = settings.Seed, Threads = settings.Threads });
        progress?.Invoke("simulating the evidence from the posterior");
        var replicateBlocks = Blocks(settings.Replicates);
        var replicas = ObservationSamples.Run(model, evidence, settings.Seed, ReplicateOffset, replicateBlocks, settings.Threads,
            PosteriorDraws.Picker(model, posterior, replicateBlocks * UpdateSettings.BlockSize));
        var parameters = PosteriorDraws.Compare(model, prior, posterior);
        return new CheckResult
        {
            EvidenceFile = evidence.Path, AsOf = evidence.AsOf, Trials = prior.Count, Replicates = replicas.Count, Seed = settings.Seed,
            Threshold = settings.Threshold,
            LogMarginalLikelihood = update.Evidence.LogMarginalLikelihood, LogMarginalLikelihoodSe = update.Evidence.LogMarginalLikelihoodSe,
            EffectiveDraws = update.Evidence.EffectiveDraws,
            Observations = Enumerable.Range(0, evidence.Observations.Count).Select(k => Observation(model, prior, replicas, feasibility[k], k)).ToList(),
            Parameters = parameters,
            Outcomes = OutcomeLearning.Of(model, evidence, prior, parameters, update.Evidence.Changes),
        };
    }

    private static int Blocks(long trials) => (int)Math.Max(1, (trials + UpdateSettings.BlockSize - 1) / UpdateSettings.BlockSize);

    private static ObservationCheck Observation(CompiledModel model, ObservationSamples prior, ObservationSamples replicas, Feasibility feasibility, int k)
    {
        var observation = prior.Observations[k];
        var alone = ObservationMeasures.Agreement(prior, k, null);
        var others = ObservationMeasures.Weights(prior, k);
        return new ObservationCheck
        {
            Description = observation.Describe(), Source = observation.Source, Position = observation.Position.ToString(),
            Measure = ObservationMeasures.Describe(observation),
            Alone = alone, AloneSe = StandardError(observation, alone, prior.Count),
            GivenOthers = ObservationMeasures.Agreement(prior, k, others), GivenOthersEss = ObservationMeasures.Ess(others),
            PosteriorPredictive = ObservationMeasures.Agreement(replicas, k, null),
            Impossible = feasibility.Reason, Note = feasibility.Note,
            Pulls = Pulls(model, prior, k),
        };
    }

    /// <summary>
    /// The standard error of an agreement over <paramref name="n"/> equally weighted trials: √(p(1 − p)/n) for a share (at
    /// most that for a report's mean relative likelihood); for a measurement's 2q, q the smaller tail, 2√(q(1 − q)/n).
    /// </summary>
    private static double StandardError(Observation observation, double p, int n) =>
        observation is MeasurementObservation ? 2 * Math.Sqrt(p / 2 * (1 - p / 2) / n) : Math.Sqrt(p * (1 - p) / n);

    /// <summary>The three drawn parameters that conditioning on observation <paramref name="k"/> alone moves most.</summary>
    private static IReadOnlyList<ParameterPull> Pulls(CompiledModel model, ObservationSamples prior, int k)
    {
        var weights = ObservationMeasures.WeightsOf(prior, k);
        if (weights.All(w => w == 0)) return [];
        return Enumerable.Range(0, prior.ParameterCount).Select(p =>
        {
            var (priorMean, priorSd) = ObservationMeasures.MeanSd(prior, p, null);
            var (mean, _) = ObservationMeasures.MeanSd(prior, p, weights);
            return new ParameterPull(model.Scenario.Parameters[model.RandomParameters[p]].Name, priorMean, mean, priorSd > 0 ? (mean - priorMean) / priorSd : 0);
        }).Where(p => Math.Abs(p.MoveInPriorSd) > 0).OrderByDescending(p => Math.Abs(p.MoveInPriorSd)).Take(3).ToList();
    }
}
