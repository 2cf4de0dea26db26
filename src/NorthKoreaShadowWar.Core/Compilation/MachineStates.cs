using NorthKoreaShadowWar.Scenarios.Validation;

namespace NorthKoreaShadowWar.Compilation;

/// <summary>
/// Compilation pass: every machine's states numbered over all machines. State <c>s</c> of machine <c>m</c> is
/// <c>Offset[m] + s</c>, and its row is <see cref="CompiledModel.Rows"/> at that index.
/// </summary>
internal sealed class MachineStates
{
    private MachineStates(int[] count, int[] offset) => (Count, Offset) = (count, offset);

    /// <summary>Each machine's number of states.</summary>
    public int[] Count { get; }

    /// <summary>Each machine's first state, numbered over all machines.</summary>
    public int[] Offset { get; }

    /// <summary>The states of all machines together.</summary>
    public int Total => Offset[^1] + Count[^1];

    public static MachineStates Of(IReadOnlyList<ResolvedMachine> machines)
    {
        var count = machines.Select(m => m.States.Count).ToArray();
        var offset = new int[machines.Count];
        for (var m = 1; m < machines.Count; m++) offset[m] = offset[m - 1] + count[m - 1];
        return new MachineStates(count, offset);
    }
}
