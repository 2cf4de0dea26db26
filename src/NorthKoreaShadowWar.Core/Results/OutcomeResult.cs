namespace NorthKoreaShadowWar.Results;

/// <summary>The estimate of one outcome of a run.</summary>
internal abstract record OutcomeResult(string Name, string Definition)
{
    /// <summary><c>probability</c>, <c>distribution</c> or <c>categorical</c>, as in summary.json.</summary>
    public abstract string Kind { get; }
}

/// <summary>A probability with its 95% Wilson interval.</summary>
internal sealed record ProbabilityResult(string Name, string Definition, double Estimate, (double Lower, double Upper) Ci95, long Successes, long Trials)
    : OutcomeResult(Name, Definition)
{
    /// <inheritdoc />
    public override string Kind => "probability";
}

/// <summary>
/// A distribution of numbers: mean with a 95% normal interval, standard deviation, quantiles, and for
/// <c>first_step</c> the share of trials where the condition never held (mean and quantiles exclude those).
/// </summary>
internal sealed record DistributionResult(
    string Name,
    string Definition,
    double Mean,
    (double Lower, double Upper) Ci95,
    double StandardDeviation,
    IReadOnlyList<(string Label, double Value)> Quantiles,
    double? Never,
    long Count,
    double Minimum,
    double Maximum,
    bool QuantilesExact) : OutcomeResult(Name, Definition)
{
    /// <summary>
    /// The distribution itself: each value with its weight, ascending. For a Monte Carlo run the weight is the
    /// number of trials that had the value (for continuous values beyond the exact limit, one point per 0.1%-wide
    /// logarithmic bucket); for an exact answer it is the probability. <see cref="Never"/> is not included.
    /// </summary>
    public IReadOnlyList<(double Value, double Weight)> Points { get; init; } = [];

    /// <summary>
    /// A distribution-free 95% interval for each of <see cref="Quantiles"/>, in the same order: the order statistics
    /// whose ranks the binomial distribution puts around n·q (see <see cref="Statistics.OrderStatisticInterval"/>).
    /// A side the values cannot bound (too few values for a tail quantile) is infinite. Empty when not computed
    /// (an exact answer has no sampling error).
    /// </summary>
    public IReadOnlyList<(string Label, (double Lower, double Upper) Ci95)> QuantilesCi95 { get; init; } = [];

    /// <summary>All trials of the run, including those where a first step never happened.</summary>
    public long Trials { get; init; }

    /// <inheritdoc />
    public override string Kind => "distribution";
}

/// <summary>The probability of each state of a machine after the last step, each with its 95% Wilson interval.</summary>
internal sealed record CategoricalResult(string Name, string Definition, IReadOnlyList<(string Category, double Probability, (double Lower, double Upper) Ci95)> Categories)
    : OutcomeResult(Name, Definition)
{
    /// <inheritdoc />
    public override string Kind => "categorical";
}
