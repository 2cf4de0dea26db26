using NorthKoreaShadowWar.Diagnostics;

namespace NorthKoreaShadowWar.Scenarios;

/// <summary>
/// One entry of the <c>correlations:</c> block: the rank (Spearman) correlation wanted between two drawn parameters,
/// e.g. <c>{ between: [troops0, casualty_rate], rank: 0.6 }</c>. Names are resolved by validation.
/// </summary>
/// <param name="Position">Where the entry starts.</param>
/// <param name="First">The first parameter named in <c>between</c>.</param>
/// <param name="Second">The second parameter named in <c>between</c>.</param>
/// <param name="Rank">The target Spearman rank correlation, in [-1, 1].</param>
internal sealed record CorrelationDefinition(SourcePosition Position, Located<string> First, Located<string> Second, Located<double> Rank)
{
    /// <summary>Why the two move together, for the report.</summary>
    public string? Description { get; init; }
}
