namespace NorthKoreaShadowWar.Scenarios.Validation;

/// <summary>Orders definitions so each follows the ones it reads, or finds a cycle.</summary>
internal static class DependencyOrder
{
    /// <summary>
    /// A topological order of 0..count-1 given each item's dependencies; when they form a cycle, returns
    /// null and the items of one cycle in order.
    /// </summary>
    public static IReadOnlyList<int>? Sort(int count, Func<int, IEnumerable<int>> dependencies, out IReadOnlyList<int> cycle)
    {
        var order = new List<int>(count);
        var state = new int[count]; // 0 unvisited, 1 on the path, 2 done
        var path = new List<int>();
        cycle = [];
        for (var start = 0; start < count; start++)
        {
            if (state[start] == 0 && Visit(start) is { } found)
            {
                cycle = found;
                return null;
            }
        }
        return order;

        List<int>? Visit(int item)
        {
            state[item] = 1;
            path.Add(item);
            foreach (var dependency in dependencies(item))
            {
                if (state[dependency] == 1) return [.. path.SkipWhile(p => p != dependency), dependency];
                if (state[dependency] == 0 && Visit(dependency) is { } found) return found;
            }
            path.RemoveAt(path.Count - 1);
            state[item] = 2;
            order.Add(item);
            return null;
        }
    }
}
