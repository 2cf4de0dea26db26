namespace NorthKoreaShadowWar.Updating;

/// <summary>
/// The step of a random-walk proposal fitted to a cloud of points (see docs/updating.md, "Moving the parameters"): a
/// lower-triangular factor L with L Lᵀ = (2.38² / d) × (the cloud's covariance + a small ridge), so that a proposal
/// z + L ε (ε standard normal) is symmetric and shaped like the cloud. The ridge keeps a collapsed dimension moving.
/// </summary>
internal static class RandomWalkScale
{
    /// <summary>Added to every variance, in the latent space of standard normals.</summary>
    public const double Ridge = 1e-4;

    /// <summary>
    /// The factor (row-major, d × d) for the <paramref name="count"/> points of dimension <paramref name="dimension"/>
    /// stored one after another in <paramref name="points"/>.
    /// </summary>
    public static double[] Fit(ReadOnlySpan<double> points, int count, int dimension)
    {
        var d = dimension;
        var factor = new double[d * d];
        if (d == 0) return factor;
        var mean = new double[d];
        for (var i = 0; i < count; i++)
            for (var a = 0; a < d; a++) mean[a] += points[i * d + a];
        for (var a = 0; a < d; a++) mean[a] /= count;
        var covariance = new double[d * d];
        for (var i = 0; i < count; i++)
            for (var a = 0; a < d; a++)
            {
                var da = points[i * d + a] - mean[a];
                for (var b = 0; b <= a; b++) covariance[a * d + b] += da * (points[i * d + b] - mean[b]);
            }
        var scale = 2.38 * 2.38 / d;
        for (var a = 0; a < d; a++)
            for (var b = 0; b <= a; b++)
                covariance[a * d + b] = scale * (covariance[a * d + b] / Math.Max(1, count - 1) + (a == b ? Ridge : 0));
        // Cholesky; a pivot that rounding makes non-positive falls back to the ridge alone in that dimension.
        for (var a = 0; a < d; a++)
        {
            for (var b = 0; b <= a; b++)
            {
                var sum = covariance[a * d + b];
                for (var k = 0; k < b; k++) sum -= factor[a * d + k] * factor[b * d + k];
                if (a == b) factor[a * d + a] = Math.Sqrt(sum > 0 ? sum : scale * Ridge);
                else factor[a * d + b] = sum / factor[b * d + b];
            }
        }
        return factor;
    }

    /// <summary>Sets <paramref name="proposal"/> to <paramref name="from"/> + L <paramref name="normals"/>.</summary>
    public static void Step(ReadOnlySpan<double> factor, ReadOnlySpan<double> from, ReadOnlySpan<double> normals, Span<double> proposal)
    {
        var d = from.Length;
        for (var a = 0; a < d; a++)
        {
            var sum = from[a];
            for (var b = 0; b <= a; b++) sum += factor[a * d + b] * normals[b];
            proposal[a] = sum;
        }
    }
}
