using System.Text;

namespace NorthKoreaShadowWar;

/// <summary>
/// One point of a distribution: a value and its weight, the number of trials that had it (for an exact answer, its
/// probability).
/// </summary>
/// <param name="Value">The value.</param>
/// <param name="Weight">How many trials had it, or its probability for an exact answer.</param>
public readonly record struct WeightedValue(double Value, double Weight)
{
    private bool PrintMembers(StringBuilder builder) => RecordMembers.Print(builder, ("Value", Value), ("Weight", Weight));
}
