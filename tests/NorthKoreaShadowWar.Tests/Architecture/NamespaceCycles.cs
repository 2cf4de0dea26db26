namespace NorthKoreaShadowWar.Tests.Architecture;

/// <summary>The groups of namespaces that reach each other through their dependencies (Tarjan's strongly connected components).</summary>
internal static class NamespaceCycles
{
    /// <summary>Each group of two or more namespaces that depend on each other, directly or not, sorted by name.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Of(IReadOnlyDictionary<string, SortedDictionary<string, string>> uses)
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var cycles = new List<IReadOnlyList<string>>();

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in uses.TryGetValue(node, out var targets) ? targets.Keys : Enumerable.Empty<string>())
            {
                if (!index.TryGetValue(next, out var nextIndex))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (onStack.Contains(next))
                {
                    low[node] = Math.Min(low[node], nextIndex);
                }
            }
            if (low[node] != index[node]) return;
            var component = new List<string>();
            string member;
            do
            {
                member = stack.Pop();
                onStack.Remove(member);
                component.Add(member);
            } while (member != node);
            if (component.Count > 1) cycles.Add(component.Order(StringComparer.Ordinal).ToList());
        }

        foreach (var node in uses.Keys)
            if (!index.ContainsKey(node)) Visit(node);
        return cycles;
    }
}
