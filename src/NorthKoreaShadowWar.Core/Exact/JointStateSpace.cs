using System.Globalization;
using NorthKoreaShadowWar.Compilation;

namespace NorthKoreaShadowWar.Exact;

/// <summary>
/// The product of the machines' state sets, each combination numbered as a mixed-radix integer
/// (machine 0 varies fastest).
/// </summary>
internal sealed class JointStateSpace
{
    /// <summary>The most joint states <c>exact</c> takes on.</summary>
    public const int MaximumStates = 1_000_000;

    private readonly int[] counts;
    private readonly int[] radix;

    public JointStateSpace(CompiledModel model)
    {
        counts = model.StateCount;
        radix = new int[counts.Length];
        long size = 1;
        for (var m = 0; m < counts.Length; m++)
        {
            radix[m] = (int)Math.Min(size, int.MaxValue);
            size *= counts[m];
            if (size > MaximumStates)
                throw new ExactNotPossibleException(
                    string.Create(CultureInfo.InvariantCulture, $"the machines have {Describe(counts)} states, more than {MaximumStates:N0} combinations; exact propagation is limited to {MaximumStates:N0} (use run)"));
        }
        Size = (int)size;
    }

    public int Size { get; }

    public int Encode(ReadOnlySpan<int> states)
    {
        var index = 0;
        for (var m = 0; m < states.Length; m++) index += states[m] * radix[m];
        return index;
    }

    public void Decode(int index, Span<int> states)
    {
        for (var m = 0; m < counts.Length; m++) states[m] = index / radix[m] % counts[m];
    }

    private static string Describe(int[] counts) => string.Join(" × ", counts.Select(count => count.ToString(CultureInfo.InvariantCulture)));
}
