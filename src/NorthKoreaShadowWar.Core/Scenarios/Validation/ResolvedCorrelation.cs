using NorthKoreaShadowWar.Statistics;

namespace NorthKoreaShadowWar.Scenarios.Validation;

/// <summary>
/// A correlation that takes effect: between two parameters drawn from distributions (a correlation with a parameter
/// that is fixed in this run is dropped with a warning).
/// </summary>
/// <param name="First">The index of the first parameter.</param>
/// <param name="Second">The index of the second parameter.</param>
/// <param name="Definition">The entry as written.</param>
internal sealed record ResolvedCorrelation(int First, int Second, CorrelationDefinition Definition)
{
    /// <summary>The target Spearman rank correlation.</summary>
    public double Rank => Definition.Rank.Value;

    /// <summary>The correlation of the normal scores that gives <see cref="Rank"/>: <c>2 sin(π r / 6)</c>.</summary>
    public double NormalScale => RankCorrelation.NormalScale(Rank);
}
