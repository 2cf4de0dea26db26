using System.Globalization;
using NorthKoreaShadowWar.Diagnostics;
using NorthKoreaShadowWar.Statistics;

namespace NorthKoreaShadowWar.Scenarios.Validation;

/// <summary>
/// Checks the <c>correlations:</c> block: both names are parameters drawn from a distribution (a derived one is an
/// error; a fixed one, as after <c>--set</c> or a variant, a warning, since a what-if may fix it on purpose), a
/// parameter is not paired with itself, no pair is given twice, and the correlations can hold together (the matrix
/// they imply is positive semi-definite).
/// </summary>
internal static class CorrelationBinder
{
    /// <summary>The correlations that take effect: those between two drawn parameters.</summary>
    public static IReadOnlyList<ResolvedCorrelation> Bind(Scenario scenario, DiagnosticBag diagnostics)
    {
        var parameters = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (parameter, index) in scenario.Parameters.Select((p, i) => (p, i))) parameters.TryAdd(parameter.Name, index);
        var seen = new Dictionary<(int, int), CorrelationDefinition>();
        var effective = new List<ResolvedCorrelation>();
        foreach (var correlation in scenario.Correlations)
        {
            var first = Resolve(scenario, parameters, correlation.First, diagnostics);
            var second = Resolve(scenario, parameters, correlation.Second, diagnostics);
            if (first is not { } a || second is not { } b) continue;
            if (a == b)
            {
                diagnostics.Error(correlation.Second.Position, $"'{correlation.Second.Value}' is paired with itself; a correlation is between two different parameters");
                continue;
            }
            if (seen.TryGetValue((Math.Min(a, b), Math.Max(a, b)), out var earlier))
            {
                diagnostics.Error(correlation.First.Position,
                    string.Create(CultureInfo.InvariantCulture, $"the correlation between '{correlation.First.Value}' and '{correlation.Second.Value}' is already given at line {earlier.Position.Line}; give each pair once"));
                continue;
            }
            seen[(Math.Min(a, b), Math.Max(a, b))] = correlation;
            var drawn = IsDrawn(scenario, a, correlation.First, correlation.Second, diagnostics);
            drawn &= IsDrawn(scenario, b, correlation.Second, correlation.First, diagnostics);
            if (drawn) effective.Add(new ResolvedCorrelation(a, b, correlation));
        }
        foreach (var group in CorrelationGroups.Of(effective)) CheckTogether(scenario, group, effective, diagnostics);
        return effective;
    }

    private static int? Resolve(Scenario scenario, Dictionary<string, int> parameters, Located<string> name, DiagnosticBag diagnostics)
    {
        if (parameters.TryGetValue(name.Value, out var index)) return index;
        var what = scenario.Variables.Any(v => v.Name == name.Value) ? $"'{name.Value}' is a variable; only parameters (drawn once per trial) can be correlated"
            : scenario.Machines.Any(m => m.Name == name.Value) ? $"'{name.Value}' is a machine; only parameters (drawn once per trial) can be correlated"
            : $"unknown parameter '{name.Value}' in 'between'{SpellingSuggestions.DidYouMean(name.Value, parameters.Keys)}";
        diagnostics.Error(name.Position, what);
        return null;
    }

    private static bool IsDrawn(Scenario scenario, int index, Located<string> name, Located<string> other, DiagnosticBag diagnostics)
    {
        switch (scenario.Parameters[index].Distribution)
        {
            case DerivedValue derived:
                diagnostics.Error(name.Position,
                    $"'{name.Value}' is computed from other parameters (\"{derived.Expression.Text}\"), not drawn, so it cannot be correlated; correlate a parameter it is computed from instead");
                return false;
            case FixedValue fixedValue:
                diagnostics.Warning(name.Position,
                    $"correlation with a fixed parameter has no effect: '{name.Value}' is {fixedValue.Value.ToString("G6", CultureInfo.InvariantCulture)} in every trial, so it cannot move with '{other.Value}'");
                return false;
            default:
                return true;
        }
    }

    /// <summary>
    /// The correlations of one group must be able to hold at once. They cannot when the matrix they imply on the
    /// normal scale (the one the sampler factors) has a negative eigenvalue: then the parameters weighted by its
    /// eigenvector would have a negative variance. Those parameters are named in the message.
    /// </summary>
    private static void CheckTogether(Scenario scenario, int[] group, IReadOnlyList<ResolvedCorrelation> correlations, DiagnosticBag diagnostics)
    {
        var matrix = CorrelationMatrix.FromPairs(group.Length, CorrelationGroups.NormalScalePairs(group, correlations));
        var (smallest, vector) = CorrelationMatrix.SmallestEigen(matrix);
        if (smallest >= -CorrelationMatrix.EigenvalueTolerance) return;
        var largest = vector.AbsoluteMaximum();
        var involved = group.Where((_, i) => Math.Abs(vector[i]) >= 0.2 * largest).ToList();
        var pairs = correlations.Where(c => involved.Contains(c.First) && involved.Contains(c.Second)).ToList();
        if (pairs.Count == 0)
        {
            involved = [.. group];
            pairs = correlations.Where(c => group.Contains(c.First)).ToList();
        }
        var strongest = pairs.MaxBy(c => Math.Abs(c.Rank))!;
        var names = involved.Select(i => $"'{scenario.Parameters[i].Name}'").ToList();
        var list = names.Count == 2 ? $"{names[0]} and {names[1]}" : $"{string.Join(", ", names.Take(names.Count - 1))} and {names[^1]}";
        diagnostics.Error(pairs.MinBy(c => (c.Definition.Position.Line, c.Definition.Position.Column))!.Definition.Position,
            $"the correlations between {list} cannot all hold at once: the correlation matrix they imply is not positive semi-definite " +
            $"(smallest eigenvalue {smallest.ToString("0.###", CultureInfo.InvariantCulture)}); weaken one of them, " +
            $"e.g. the rank {strongest.Rank.ToString("0.###", CultureInfo.InvariantCulture)} between '{strongest.Definition.First.Value}' and '{strongest.Definition.Second.Value}'");
    }
}
