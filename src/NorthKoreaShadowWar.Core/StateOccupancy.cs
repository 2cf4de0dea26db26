using System.Text;

namespace NorthKoreaShadowWar;

/// <summary>The share of trials in which a machine is in a state after each step.</summary>
/// <param name="Machine">The machine.</param>
/// <param name="State">The state.</param>
/// <param name="Shares">The share after step t, for t = 0 (the initial state) to the horizon.</param>
public sealed record StateOccupancy(string Machine, string State, IReadOnlyList<double> Shares)
{
    private bool PrintMembers(StringBuilder builder) => RecordMembers.Print(builder, ("Machine", Machine), ("State", State), ("Shares", Shares));
}
