using System.Text;

namespace NorthKoreaShadowWar;

/// <summary>One quantile of a distribution, e.g. the median (<c>p50</c>), with its 95% interval.</summary>
/// <param name="Label">The label used in results files: <c>p05</c>, <c>p25</c>, <c>p50</c>, <c>p75</c> or <c>p95</c>.</param>
/// <param name="Probability">The share of values at or below it: 0.05 for <c>p05</c>.</param>
/// <param name="Value">The estimate.</param>
/// <param name="Interval">A distribution-free 95% interval; null for an exact answer, which has no sampling error.</param>
public sealed record QuantileEstimate(string Label, double Probability, double Value, ConfidenceInterval? Interval)
{
    private bool PrintMembers(StringBuilder builder) => RecordMembers.Print(builder, ("Label", Label), ("Probability", Probability), ("Value", Value), ("Interval", Interval));
}
