using NorthKoreaShadowWar.Results;

namespace NorthKoreaShadowWar;

/// <summary>The probability of an event (a <c>reached</c> outcome), with its 95% interval.</summary>
public sealed class ProbabilityEstimate : OutcomeEstimate
{
    internal ProbabilityEstimate(ProbabilityResult result) : base(result.Name, result.Definition)
    {
        Estimate = result.Estimate;
        Interval = ConfidenceInterval.Of(result.Ci95);
        Successes = result.Successes;
        Trials = result.Trials;
    }

    /// <summary>The estimated probability, between 0 and 1.</summary>
    public double Estimate { get; }

    /// <summary>The 95% Wilson interval (zero width for an exact answer).</summary>
    public ConfidenceInterval Interval { get; }

    /// <summary>The trials in which the event happened (for an exact answer or an update, a weighted count).</summary>
    public long Successes { get; }

    /// <summary>The trials behind the estimate.</summary>
    public long Trials { get; }

    /// <summary>E.g. <c>sk_lethal_aid_1y: 0.404 [0.394, 0.414]</c>.</summary>
    public override string ToString() => $"{Name}: {Format(Estimate)} [{Format(Interval.Lower)}, {Format(Interval.Upper)}]";
}
