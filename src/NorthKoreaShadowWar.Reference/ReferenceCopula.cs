using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using NorthKoreaShadowWar.Scenarios.Validation;

namespace NorthKoreaShadowWar.Reference;

/// <summary>
/// The scenario's correlations as docs/scenario-format.md states them, written out plainly: every correlated
/// parameter gets a standard normal, the normals are given the correlations <c>2 sin(π r / 6)</c> through the
/// symmetric square root of their whole matrix (not the kernel's per-group Cholesky factor), and each parameter is
/// its distribution's quantile at the normal's probability.
/// </summary>
internal sealed class ReferenceCopula
{
    private readonly ResolvedScenario scenario;
    private readonly int[] parameters;
    private readonly Matrix<double>? root;

    public ReferenceCopula(ResolvedScenario scenario)
    {
        this.scenario = scenario;
        parameters = scenario.Correlations.SelectMany(c => new[] { c.First, c.Second }).Distinct().Order().ToArray();
        if (parameters.Length == 0) return;
        var correlation = Matrix<double>.Build.DenseIdentity(parameters.Length);
        foreach (var c in scenario.Correlations)
        {
            var (i, j) = (Array.IndexOf(parameters, c.First), Array.IndexOf(parameters, c.Second));
            correlation[i, j] = correlation[j, i] = 2 * Math.Sin(Math.PI * c.Rank / 6);
        }
        var evd = correlation.Evd(Symmetricity.Symmetric);
        var roots = evd.EigenValues.Real().Map(value => Math.Sqrt(Math.Max(0, value)));
        root = evd.EigenVectors * Matrix<double>.Build.DiagonalOfDiagonalVector(roots) * evd.EigenVectors.Transpose();
    }

    /// <summary>True when <paramref name="parameter"/> is drawn here rather than on its own.</summary>
    public bool Draws(int parameter) => Array.IndexOf(parameters, parameter) >= 0;

    /// <summary>Draws every correlated parameter into <paramref name="values"/> (by parameter index); draws nothing when there are no correlations.</summary>
    public void Draw(Random random, double[] values)
    {
        if (root is null) return;
        var normals = Vector<double>.Build.Dense(parameters.Length, _ => Normal.Sample(random, 0, 1));
        var correlated = root * normals;
        for (var i = 0; i < parameters.Length; i++)
        {
            var probability = Math.Clamp(Normal.CDF(0, 1, correlated[i]), 1e-300, Math.BitDecrement(1.0));
            values[parameters[i]] = scenario.Parameters[parameters[i]].Distribution.Quantile(probability);
        }
    }
}
