using System.Text;

namespace NorthKoreaShadowWar;

/// <summary>A machine of a scenario and its states, in the order they were written.</summary>
/// <param name="Name">The machine's name.</param>
/// <param name="States">Its states.</param>
public sealed record MachineStates(string Name, IReadOnlyList<string> States)
{
    private bool PrintMembers(StringBuilder builder) => RecordMembers.Print(builder, ("Name", Name), ("States", States));
}
