using NorthKoreaShadowWar.Exact;
using NorthKoreaShadowWar.Updating;

namespace NorthKoreaShadowWar;

/// <summary>
/// A scenario conditioned on evidence (<see cref="EscalationScenario.Update"/>, or exactly with
/// <see cref="EscalationScenario.Exact(Evidence)"/>): the forecasts before and after, and how well the scenario
/// explains the evidence.
/// </summary>
public sealed class UpdateResults
{
    /// <summary>The fewest effective draws a posterior should rest on (below it, <see cref="EnoughEffectiveDraws"/> is false).</summary>
    public const double MinimumEffectiveDraws = UpdateSettings.MinimumEss;

    internal UpdateResults(UpdateResult result)
    {
        var evidence = result.Evidence;
        Prior = new ScenarioResults(result.Prior);
        Posterior = new ScenarioResults(result.Posterior);
        Method = evidence.Method;
        LogMarginalLikelihood = evidence.LogMarginalLikelihood;
        LogMarginalLikelihoodStandardError = evidence.LogMarginalLikelihoodSe;
        Particles = evidence.Particles;
        EffectiveDraws = evidence.EffectiveDraws;
        Observations = evidence.Observations;
        AsOf = evidence.AsOf;
        Parameters = evidence.Parameters.Select(p => new ParameterChange(p.Name, p.PriorMean, p.Prior90, p.PosteriorMean, p.Posterior90)).ToList();
    }

    internal UpdateResults(ConditionedExactResult result, EvidenceFile evidence)
    {
        Prior = new ScenarioResults(result.Prior);
        Posterior = new ScenarioResults(result.Posterior);
        Method = "exact";
        LogMarginalLikelihood = result.LogMarginalLikelihood;
        EffectiveDraws = double.PositiveInfinity;
        Observations = evidence.Observations.Count;
        AsOf = evidence.AsOf;
        Parameters = [];
    }

    /// <summary>The forecasts before the evidence.</summary>
    public ScenarioResults Prior { get; }

    /// <summary>The forecasts given the evidence.</summary>
    public ScenarioResults Posterior { get; }

    /// <summary><c>smc</c> (sequential Monte Carlo), <c>importance</c> (importance weighting) or <c>exact</c>.</summary>
    public string Method { get; }

    /// <summary>The log of the probability (or density) of the evidence under the scenario; compare scenarios with it.</summary>
    public double LogMarginalLikelihood { get; }

    /// <summary>The standard error of <see cref="LogMarginalLikelihood"/>, from the spread between blocks; 0 for an exact answer.</summary>
    public double LogMarginalLikelihoodStandardError { get; }

    /// <summary>The particles used; 0 for an exact answer.</summary>
    public long Particles { get; }

    /// <summary>
    /// The effective sample size behind the posterior, at most the distinct trials behind it; infinite for an exact
    /// answer.
    /// </summary>
    public double EffectiveDraws { get; }

    /// <summary>True when <see cref="EffectiveDraws"/> reaches <see cref="MinimumEffectiveDraws"/>: the posterior rests on enough particles to trust.</summary>
    public bool EnoughEffectiveDraws => EffectiveDraws >= MinimumEffectiveDraws;

    /// <summary>The observations in the evidence.</summary>
    public int Observations { get; }

    /// <summary>The step up to which the evidence reports (its <c>as_of</c>).</summary>
    public int AsOf { get; }

    /// <summary>Each drawn parameter's prior and posterior; empty for an exact answer (its parameters are fixed).</summary>
    public IReadOnlyList<ParameterChange> Parameters { get; }
}
