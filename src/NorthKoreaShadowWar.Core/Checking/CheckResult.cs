namespace NorthKoreaShadowWar.Checking;

/// <summary>What <c>check</c> found (see docs/checking.md): every observation, every drawn parameter and every outcome.</summary>
internal sealed record CheckResult
{
    public required string EvidenceFile { get; init; }
    public required int AsOf { get; init; }
    /// <summary>Trials drawn from the prior (and particles of the posterior).</summary>
    public required long Trials { get; init; }
    /// <summary>Trials simulated from the posterior for the predictive checks.</summary>
    public required long Replicates { get; init; }
    public required ulong Seed { get; init; }
    /// <summary>Below this, an observation is surprising under the prior or not reproduced by the posterior.</summary>
    public required double Threshold { get; init; }
    public required double LogMarginalLikelihood { get; init; }
    public required double LogMarginalLikelihoodSe { get; init; }
    /// <summary>The posterior's effective draws (see docs/updating.md).</summary>
    public required double EffectiveDraws { get; init; }
    /// <summary>In file order.</summary>
    public required IReadOnlyList<ObservationCheck> Observations { get; init; }
    public required IReadOnlyList<ParameterCheck> Parameters { get; init; }
    public required IReadOnlyList<OutcomeCheck> Outcomes { get; init; }

    /// <summary>The surprising observations, least likely first.</summary>
    public IEnumerable<ObservationCheck> Surprising => Observations.Where(o => o.Alone < Threshold).OrderBy(o => o.Alone);
}

/// <summary>
/// One observation: how likely the prior makes it, alone and given the others (from the same prior trials weighted by
/// the other observations' likelihood), how likely the posterior makes it again, what the structure says of it, and
/// which parameters conditioning on it alone moves most.
/// </summary>
internal sealed record ObservationCheck
{
    public required string Description { get; init; }
    public required string Source { get; init; }
    /// <summary>FILE:LINE:COL of the observation.</summary>
    public required string Position { get; init; }
    /// <summary>What <see cref="Alone"/>, <see cref="GivenOthers"/> and <see cref="PosteriorPredictive"/> measure, in words.</summary>
    public required string Measure { get; init; }
    public required double Alone { get; init; }
    public required double AloneSe { get; init; }
    /// <summary>NaN when the other observations rule out every trial drawn.</summary>
    public required double GivenOthers { get; init; }
    /// <summary>The effective sample size of the prior trials weighted by the other observations.</summary>
    public required double GivenOthersEss { get; init; }
    public required double PosteriorPredictive { get; init; }
    /// <summary>Why the scenario cannot make the statement true, or null.</summary>
    public string? Impossible { get; init; }
    /// <summary>What the structure means for this observation's effect, or null.</summary>
    public string? Note { get; init; }
    /// <summary>The drawn parameters that conditioning on this observation alone moves most (in prior standard deviations).</summary>
    public required IReadOnlyList<ParameterPull> Pulls { get; init; }
}

/// <summary>A drawn parameter's mean in the prior and conditioned on one observation alone.</summary>
internal sealed record ParameterPull(string Parameter, double PriorMean, double ConditionedMean, double MoveInPriorSd);

/// <summary>
/// A drawn parameter, prior against posterior: means, spreads, the move in prior standard deviations, and the share of
/// the posterior beyond the prior's 5th and 95th percentiles (5% each under the prior).
/// </summary>
internal sealed record ParameterCheck(
    string Name, double PriorMean, double PriorSd, double PosteriorMean, double PosteriorSd, double MoveInPriorSd, double SpreadRatio,
    double BelowPrior05, double AbovePrior95)
{
    /// <summary>The evidence informs it: its spread shrank by a fifth or more, or its mean moved by a quarter of a prior standard deviation.</summary>
    public bool Informed => SpreadRatio <= 0.8 || Math.Abs(MoveInPriorSd) >= 0.25;

    /// <summary>At least half the posterior lies beyond one of the prior's outer 5% tails.</summary>
    public bool AtEdge => BelowPrior05 >= 0.5 || AbovePrior95 >= 0.5;
}

/// <summary>One outcome: what it shares with the evidence, the drawn parameters it depends on, and how far it moved.</summary>
internal sealed record OutcomeCheck
{
    public required string Outcome { get; init; }
    /// <summary><c>independent</c>, <c>path only</c> or <c>parameters</c> (see docs/checking.md).</summary>
    public required string Verdict { get; init; }
    /// <summary>Machines and variables both the outcome and the evidence depend on.</summary>
    public required IReadOnlyList<string> SharedWithEvidence { get; init; }
    /// <summary>The drawn parameters the outcome depends on.</summary>
    public required IReadOnlyList<string> Parameters { get; init; }
    /// <summary>Those of <see cref="Parameters"/> the evidence informs.</summary>
    public required IReadOnlyList<string> InformedParameters { get; init; }
    /// <summary>The share of the outcome's prior variance that follows its drawn parameters (sum of squared correlations, at most 1).</summary>
    public required double ParameterVariance { get; init; }
    /// <summary>The share that follows the informed ones: what the evidence can move through the parameters.</summary>
    public required double InformedVariance { get; init; }
    public required string Measure { get; init; }
    public required double Prior { get; init; }
    public required double Posterior { get; init; }
    public required double MoveInPriorSd { get; init; }
}
