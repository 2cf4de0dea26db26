namespace NorthKoreaShadowWar.Scenarios.Validation;

/// <summary>Enumerates every combination of the reachable states of a few machines, for static checks.</summary>
internal static class StateCombinations
{
    /// <summary>The most combinations a static check enumerates before it leaves the question to run time.</summary>
    public const int Limit = 100_000;

    /// <summary>How many combinations there are, or null when more than <see cref="Limit"/>.</summary>
    public static long? Count(IReadOnlyList<int> machines, IReadOnlyList<IReadOnlyList<int>> reachable)
    {
        long count = 1;
        foreach (var machine in machines)
        {
            count *= Math.Max(1, reachable[machine].Count);
            if (count > Limit) return null;
        }
        return count;
    }

    /// <summary>Calls <paramref name="visit"/> with <paramref name="states"/> set to each combination in turn.</summary>
    public static void ForEach(IReadOnlyList<int> machines, IReadOnlyList<IReadOnlyList<int>> reachable, int[] states, Action<int[]> visit)
    {
        Visit(0);

        void Visit(int depth)
        {
            if (depth == machines.Count)
            {
                visit(states);
                return;
            }
            foreach (var state in reachable[machines[depth]])
            {
                states[machines[depth]] = state;
                Visit(depth + 1);
            }
        }
    }
}
