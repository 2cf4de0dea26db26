using NorthKoreaShadowWar.Scenarios;
using NorthKoreaShadowWar.Scenarios.Validation;

namespace NorthKoreaShadowWar.Compilation;

/// <summary>
/// Compilation pass: which parameters each trial draws (not fixed and not derived), which of them are drawn on their
/// own and which together through a Gaussian copula, and every parameter's distribution.
/// </summary>
internal sealed class DrawnParameters
{
    private DrawnParameters(bool[] isRandom, CorrelatedGroup[] correlatedGroups, ParameterDistribution[] distributions)
    {
        IsRandom = isRandom;
        Random = Enumerable.Range(0, isRandom.Length).Where(p => isRandom[p]).ToArray();
        Independent = Random.Where(p => !correlatedGroups.Any(g => g.Parameters.Contains(p))).ToArray();
        CorrelatedGroups = correlatedGroups;
        Distributions = distributions;
    }

    /// <summary>For each parameter, whether each trial draws it.</summary>
    public bool[] IsRandom { get; }
    public int[] Random { get; }
    public int[] Independent { get; }
    public CorrelatedGroup[] CorrelatedGroups { get; }
    public ParameterDistribution[] Distributions { get; }

    public static DrawnParameters Of(ResolvedScenario scenario) => new(
        scenario.Parameters.Select(p => !p.Distribution.IsFixed && p.Derived is null).ToArray(),
        CorrelatedGroup.Compile(scenario),
        scenario.Parameters.Select(p => p.Distribution).ToArray());
}
