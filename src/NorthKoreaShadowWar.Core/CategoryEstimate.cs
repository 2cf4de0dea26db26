using System.Text;

namespace NorthKoreaShadowWar;

/// <summary>The probability that a machine ends in one of its states, with its 95% interval.</summary>
/// <param name="State">The state.</param>
/// <param name="Probability">The estimate.</param>
/// <param name="Interval">The 95% Wilson interval.</param>
public sealed record CategoryEstimate(string State, double Probability, ConfidenceInterval Interval)
{
    private bool PrintMembers(StringBuilder builder) => RecordMembers.Print(builder, ("State", State), ("Probability", Probability), ("Interval", Interval));
}
