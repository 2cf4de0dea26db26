namespace NorthKoreaShadowWar.Scenarios.Validation;

/// <summary>
/// Splits correlated parameters into groups linked by correlations (connected components): parameters in different
/// groups are independent, so each group is checked and drawn on its own.
/// </summary>
internal static class CorrelationGroups
{
    /// <summary>The groups, each a sorted list of parameter indices, ordered by their first parameter.</summary>
    public static IReadOnlyList<int[]> Of(IReadOnlyList<ResolvedCorrelation> correlations)
    {
        var parent = new Dictionary<int, int>();
        int Find(int x)
        {
            while (parent[x] != x) x = parent[x] = parent[parent[x]];
            return x;
        }
        foreach (var c in correlations)
        {
            parent.TryAdd(c.First, c.First);
            parent.TryAdd(c.Second, c.Second);
            var (a, b) = (Find(c.First), Find(c.Second));
            if (a != b) parent[Math.Max(a, b)] = Math.Min(a, b);
        }
        return parent.Keys.GroupBy(Find).Select(g => g.Order().ToArray()).OrderBy(g => g[0]).ToList();
    }

    /// <summary>The correlations within <paramref name="group"/>, as positions in the group and normal-scale correlations.</summary>
    public static IEnumerable<(int First, int Second, double Correlation)> NormalScalePairs(int[] group, IReadOnlyList<ResolvedCorrelation> correlations) =>
        correlations.Where(c => group.Contains(c.First))
            .Select(c => (Array.IndexOf(group, c.First), Array.IndexOf(group, c.Second), c.NormalScale));
}
