using System.Globalization;

namespace NorthKoreaShadowWar.Updating;

/// <summary>What the evidence did to a scenario: the <c>evidence</c> block of an update's summary.json.</summary>
internal sealed record EvidenceSummary
{
    /// <summary>The evidence file.</summary>
    public required string File { get; init; }
    /// <summary>The last step the evidence covers.</summary>
    public required int AsOf { get; init; }
    /// <summary>How the posterior was computed: <c>importance</c> (see docs/updating.md).</summary>
    public required string Method { get; init; }
    /// <summary>Particles (trials) drawn in all.</summary>
    public required long Particles { get; init; }
    /// <summary>Blocks of <see cref="UpdateSettings.BlockSize"/> particles.</summary>
    public required int Blocks { get; init; }
    /// <summary>How many distinct trials (parameter draws) the weighted particles descend from: after resampling, fewer than the particles.</summary>
    public required long DistinctOrigins { get; init; }
    /// <summary>Effective sample size of the weighted particles.</summary>
    public required double Ess { get; init; }
    /// <summary>
    /// What the checks use: the smaller of <see cref="Ess"/> and <see cref="DistinctOrigins"/>, since after resampling the
    /// weights' ESS counts copies of one trial as if they were independent.
    /// </summary>
    public double EffectiveDraws => Math.Min(Ess, DistinctOrigins);
    /// <summary>The effective sample size below which the posterior is not trusted.</summary>
    public double MinimumEss { get; init; } = UpdateSettings.MinimumEss;
    /// <summary>log of the evidence's marginal likelihood under the scenario.</summary>
    public required double LogMarginalLikelihood { get; init; }
    /// <summary>Its standard error, from the spread of the blocks' estimates (delta method).</summary>
    public required double LogMarginalLikelihoodSe { get; init; }
    /// <summary>Observations in the file.</summary>
    public required int Observations { get; init; }
    /// <summary>Every drawn parameter, prior against posterior.</summary>
    public required IReadOnlyList<ParameterShift> Parameters { get; init; }
    /// <summary>Every outcome, prior against posterior, the largest moves first.</summary>
    public required IReadOnlyList<OutcomeShift> Changes { get; init; }
    /// <summary>The <c>reached</c> and <c>first_step</c> events, and how likely each is still to come after as_of.</summary>
    public required IReadOnlyList<OpenEvent> OpenEvents { get; init; }
    /// <summary>Seconds spent simulating and weighting.</summary>
    public required double Seconds { get; init; }
}

/// <summary>A drawn parameter's prior and posterior: means, 90% intervals, and histograms on common bins for a plot.</summary>
internal sealed record ParameterShift(
    string Name, double PriorMean, (double P05, double P95) Prior90, double PosteriorMean, (double P05, double P95) Posterior90)
{
    /// <summary>The standard error of <see cref="PosteriorMean"/>, from the spread between blocks.</summary>
    public double PosteriorMeanSe { get; init; } = double.NaN;

    /// <summary>Bin centres of <see cref="PriorDensity"/> and <see cref="PosteriorDensity"/>.</summary>
    public IReadOnlyList<double> Bins { get; init; } = [];
    /// <summary>The prior's density on <see cref="Bins"/>.</summary>
    public IReadOnlyList<double> PriorDensity { get; init; } = [];
    /// <summary>The posterior's density on <see cref="Bins"/>.</summary>
    public IReadOnlyList<double> PosteriorDensity { get; init; } = [];
}

/// <summary>
/// How far one outcome moved: its probability (or mean) before and after, each with its 95% interval, and the move in
/// prior standard deviations (the sort key).
/// </summary>
internal sealed record OutcomeShift(
    string Outcome, string Measure, double Prior, (double Lower, double Upper) PriorCi95, double Posterior, (double Lower, double Upper) PosteriorCi95, double StandardisedShift);

/// <summary>An event (a <c>reached</c> or <c>first_step</c> outcome) and how likely it is still to come after as_of.</summary>
internal sealed record OpenEvent(string Outcome, double PriorOpen, double PosteriorOpen, double PriorLater, double PosteriorLater);

/// <summary>
/// The evidence has likelihood zero in every particle (or, for <c>exact --evidence</c>, probability zero): no trial of
/// the scenario is consistent with it.
/// </summary>
internal sealed class EvidenceImpossibleException : Exception
{
    /// <summary>The particles of <paramref name="particles"/> all have weight zero; <paramref name="observation"/> ruled out the last ones.</summary>
    public EvidenceImpossibleException(Observation observation, long particles)
        : this(observation, string.Create(CultureInfo.InvariantCulture, $"no trial of {particles:N0} is consistent with it; the last ones were ruled out by the observation here"))
    {
    }

    private EvidenceImpossibleException(Observation observation, string what)
        : base($"{observation.Position}: error: the evidence is impossible under the scenario: {what} ({observation.Describe()}, source: {observation.Source}); {Hint(observation)}") =>
        Observation = observation;

    /// <summary>The exact conditional probability of the evidence is zero once <paramref name="observation"/> is taken into account.</summary>
    public static EvidenceImpossibleException Exact(Observation observation) =>
        new(observation, "it has probability zero, and the observation here rules out every path the observations before it left possible");

    /// <summary>The observation that gave the last particles (or paths) weight zero.</summary>
    public Observation Observation { get; }

    private static string Hint(Observation observation) => observation switch
    {
        ConditionObservation => "if it may be wrong, give it a reliability: below 1",
        MeasurementObservation => "if the measurement may be further off, widen its error",
        _ => "if the report may be wrong, give every state a likelihood above 0",
    };
}
