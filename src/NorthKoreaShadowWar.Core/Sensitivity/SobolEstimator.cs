using MathNet.Numerics.Statistics;
using NorthKoreaShadowWar.Comparison;
using NorthKoreaShadowWar.Simulation;

namespace NorthKoreaShadowWar.Sensitivity;

/// <summary>
/// First-order and total Sobol indices from the evaluations of a <see cref="SobolDesign"/>: Saltelli's (2010)
/// first-order estimator V_i = mean(f(B)·(f(AB_i) − f(A))) and Jansen's total estimator
/// V_Ti = mean((f(A) − f(AB_i))²)/2, each divided by the variance V of f over A and B together. Intervals are 95%
/// bootstrap percentile intervals over resampled rows (the same rows of every matrix), from a fixed seed.
/// </summary>
internal static class SobolEstimator
{
    /// <summary>
    /// The indices of every input (the parameters named in <paramref name="inputs"/>, chance last) from
    /// <paramref name="f"/>, the outcome in each evaluation of a design with <paramref name="samples"/> rows.
    /// </summary>
    public static (IReadOnlyList<SobolIndex> Indices, double Mean, double Variance) Estimate(
        double[] f, int samples, IReadOnlyList<string> inputs, ulong seed, int resamples)
    {
        var count = inputs.Count;
        var first = new double[count];
        var total = new double[count];
        var share = new double[count];
        var (mean, variance) = Point(f, samples, null, first, total, share);

        var bootFirst = new double[count][];
        var bootTotal = new double[count][];
        var bootShare = new double[count][];
        for (var i = 0; i < count; i++) (bootFirst[i], bootTotal[i], bootShare[i]) = (new double[resamples], new double[resamples], new double[resamples]);
        var rows = new int[samples];
        var (f1, t1, s1) = (new double[count], new double[count], new double[count]);
        for (var resample = 0; resample < resamples; resample++)
        {
            var random = RandomStreams.For(seed, resample, RandomStreams.SensitivityBootstrap);
            for (var j = 0; j < samples; j++) rows[j] = (int)(random.NextDouble() * samples);
            Point(f, samples, rows, f1, t1, s1);
            for (var i = 0; i < count; i++) (bootFirst[i][resample], bootTotal[i][resample], bootShare[i][resample]) = (f1[i], t1[i], s1[i]);
        }
        var chance = count - 1;
        var indices = Enumerable.Range(0, count).Select(i => new SobolIndex(inputs[i],
            WithInterval(first[i], bootFirst[i]), WithInterval(total[i], bootTotal[i]),
            i == chance ? null : WithInterval(share[i], bootShare[i]))).ToList();
        return (indices, mean, variance);
    }

    /// <summary>
    /// The point estimates over the rows <paramref name="rows"/> (all rows when null): each input's S_i, S_Ti and
    /// share of the expected value's variance; returns the mean and variance of f over A and B. Sums run in row
    /// order, so the numbers do not depend on anything but the evaluations.
    /// </summary>
    private static (double Mean, double Variance) Point(double[] f, int samples, int[]? rows, double[] first, double[] total, double[] share)
    {
        var count = first.Length;
        var sum = 0.0;
        for (var j = 0; j < samples; j++)
        {
            var r = rows?[j] ?? j;
            sum += f[r] + f[samples + r];
        }
        var mean = sum / (2.0 * samples);
        var squares = 0.0;
        for (var j = 0; j < samples; j++)
        {
            var r = rows?[j] ?? j;
            squares += (f[r] - mean) * (f[r] - mean) + (f[samples + r] - mean) * (f[samples + r] - mean);
        }
        var variance = samples > 0 ? squares / (2.0 * samples - 1) : double.NaN;
        var partial = new double[count];
        for (var i = 0; i < count; i++)
        {
            var offset = (long)SobolDesign.MatrixFor(i) * samples;
            double firstSum = 0, totalSum = 0;
            for (var j = 0; j < samples; j++)
            {
                var r = rows?[j] ?? j;
                var (a, b, mixed) = (f[r], f[samples + r], f[offset + r]);
                firstSum += b * (mixed - a);
                totalSum += (a - mixed) * (a - mixed);
            }
            partial[i] = firstSum / samples;
            first[i] = partial[i] / variance;
            total[i] = totalSum / (2.0 * samples) / variance;
        }
        // The variance chance does not make: V − V_T,chance = V·(1 − S_T,chance).
        var explainable = variance * (1 - total[count - 1]);
        for (var i = 0; i < count; i++) share[i] = partial[i] / explainable;
        return (mean, variance);
    }

    private static Estimate WithInterval(double value, double[] resampled)
    {
        var finite = resampled.Where(double.IsFinite).Order().ToArray();
        if (!double.IsFinite(value) || finite.Length == 0) return new Estimate(value, (double.NaN, double.NaN));
        return new Estimate(value, (SortedArrayStatistics.Quantile(finite, 0.025), SortedArrayStatistics.Quantile(finite, 0.975)));
    }
}
