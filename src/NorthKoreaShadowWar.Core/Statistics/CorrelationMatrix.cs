using System.Globalization;
using MathNet.Numerics.LinearAlgebra;

namespace NorthKoreaShadowWar.Statistics;

/// <summary>
/// A correlation matrix assembled from pairs (symmetric by construction, 1 on the diagonal, 0 where no pair is
/// given), its smallest eigenvalue, which says whether the correlations can hold together, and a factor that turns
/// independent standard normals into normals with these correlations.
/// </summary>
internal static class CorrelationMatrix
{
    /// <summary>Eigenvalues this far below zero are rounding, not a real violation.</summary>
    public const double EigenvalueTolerance = 1e-9;

    /// <summary>The <paramref name="size"/> × <paramref name="size"/> matrix with the given off-diagonal correlations.</summary>
    public static Matrix<double> FromPairs(int size, IEnumerable<(int First, int Second, double Correlation)> pairs)
    {
        var matrix = Matrix<double>.Build.DenseIdentity(size);
        foreach (var (first, second, correlation) in pairs)
        {
            matrix[first, second] = correlation;
            matrix[second, first] = correlation;
        }
        return matrix;
    }

    /// <summary>The smallest eigenvalue of a symmetric matrix and its unit eigenvector.</summary>
    public static (double Value, Vector<double> Vector) SmallestEigen(Matrix<double> symmetric)
    {
        var evd = symmetric.Evd(Symmetricity.Symmetric);
        var values = evd.EigenValues.Real();
        var smallest = values.MinimumIndex();
        return (values[smallest], evd.EigenVectors.Column(smallest));
    }

    /// <summary>
    /// A matrix <c>A</c> with <c>A Aᵀ = C</c>: the lower-triangular Cholesky factor when <paramref name="correlation"/>
    /// is positive definite; for a singular one (a rank correlation of ±1, say), <c>V √Λ</c> from its eigenvectors
    /// and eigenvalues, negative rounding set to 0.
    /// </summary>
    /// <exception cref="ArgumentException">The matrix has an eigenvalue below −<see cref="EigenvalueTolerance"/>.</exception>
    public static Matrix<double> Factor(Matrix<double> correlation)
    {
        var (smallest, _) = SmallestEigen(correlation);
        if (smallest < -EigenvalueTolerance)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"the correlation matrix is not positive semi-definite (smallest eigenvalue {smallest:G3})"), nameof(correlation));
        if (smallest > EigenvalueTolerance) return correlation.Cholesky().Factor;
        var evd = correlation.Evd(Symmetricity.Symmetric);
        var roots = evd.EigenValues.Real().Map(value => Math.Sqrt(Math.Max(0, value)));
        return evd.EigenVectors * Matrix<double>.Build.DiagonalOfDiagonalVector(roots);
    }
}
