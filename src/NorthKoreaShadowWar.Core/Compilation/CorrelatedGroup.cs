using NorthKoreaShadowWar.Scenarios.Validation;
using NorthKoreaShadowWar.Statistics;

namespace NorthKoreaShadowWar.Compilation;

/// <summary>
/// Parameters linked by correlations, drawn together through a Gaussian copula: independent standard normals
/// (one from each parameter's own stream) times <see cref="Factor"/> become normals with the group's normal-scale
/// correlations, and each is turned into its parameter's value by the parameter's quantile function.
/// </summary>
/// <param name="Parameters">The parameter indices (which are also their trial-constant slots), ascending.</param>
/// <param name="Factor">
/// Row-major n × n matrix <c>A</c> with <c>A Aᵀ</c> the normal-scale correlation matrix: the Cholesky factor
/// (lower-triangular), or an eigen-decomposition root when the matrix is singular.
/// </param>
internal sealed record CorrelatedGroup(int[] Parameters, double[] Factor)
{
    /// <summary>The groups of <paramref name="scenario"/>'s correlations, each with its factor.</summary>
    public static CorrelatedGroup[] Compile(ResolvedScenario scenario) =>
        CorrelationGroups.Of(scenario.Correlations)
            .Select(group => new CorrelatedGroup(group, CorrelationMatrix.Factor(
                CorrelationMatrix.FromPairs(group.Length, CorrelationGroups.NormalScalePairs(group, scenario.Correlations))).ToRowMajorArray()))
            .ToArray();
}
