using NorthKoreaShadowWar.Simulation;

namespace NorthKoreaShadowWar.Batches;

/// <summary>
/// A Latin hypercube sample: each parameter's range is cut into N equal strata and every stratum holds exactly one of
/// the N points; which strata of different parameters share a point is decided by random permutations, and each point
/// lies uniformly within its strata. The same seed gives the same points.
/// </summary>
internal static class LatinHypercubeDesign
{
    /// <summary>
    /// <paramref name="samples"/> points over the ranges of <paramref name="parameters"/>, each holding one value per
    /// parameter in the order given, drawn from a stream derived from <paramref name="seed"/> that no trial uses.
    /// </summary>
    public static IReadOnlyList<double[]> Points(IReadOnlyList<SweepParameter> parameters, int samples, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        // Trial numbers are never negative, so the stream of "trial −1" is this design's alone.
        var random = RandomStreams.For(seed, trial: -1, RandomStreams.Transitions);
        var points = Enumerable.Range(0, samples).Select(_ => new double[parameters.Count]).ToList();
        for (var j = 0; j < parameters.Count; j++)
        {
            var strata = Enumerable.Range(0, samples).ToArray();
            // Fisher–Yates: every pairing of points and strata equally likely.
            for (var i = samples - 1; i > 0; i--)
            {
                var other = (int)(random.NextDouble() * (i + 1));
                (strata[i], strata[other]) = (strata[other], strata[i]);
            }
            var (low, high) = (parameters[j].Low, parameters[j].High);
            for (var k = 0; k < samples; k++)
                points[k][j] = low + (high - low) * (strata[k] + random.NextDouble()) / samples;
        }
        return points;
    }

    /// <summary>The stratum, 0 to <paramref name="samples"/> − 1, that <paramref name="value"/> of <paramref name="parameter"/> lies in.</summary>
    public static int Stratum(SweepParameter parameter, double value, int samples) =>
        parameter.High == parameter.Low ? 0
            : Math.Clamp((int)Math.Floor((value - parameter.Low) / (parameter.High - parameter.Low) * samples), 0, samples - 1);
}
