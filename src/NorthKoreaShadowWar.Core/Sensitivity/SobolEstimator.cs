using MathNet.Numerics.Statistics;
using NorthKoreaShadowWar.Comparison;
using NorthKoreaShadowWar.Simulation;

namespace NorthKoreaShadowWar.Sensitivity;

/// <summary>
/// First-order and total Sobol indices from the evaluations of a <see cref="SobolDesign"/>: Saltelli's (2010)
/// first-order estimator V_i = mean(f(B)·(f(AB_i) − f(A))) and Jansen's total estimator
/// V_Ti = mean((f(A) − f(AB_i))²)/2, each divided by the variance V of f over A and B together. For the outcome's
/// expected value g(θ) = E[f | θ], whose variance is V − V_T,chance, the first-order share is V_i / (V − V_T,chance)
/// and the total share ½·mean((f(A) − f(AB_i))·(f(A') − f(AB'_i))) / (V − V_T,chance), where the primes mark the
/// same parameters run with B's trial numbers: two independent chances, so the product's mean is
/// E[(g(θ) − g(θ with parameter i redrawn))²]. Intervals are 95% bootstrap percentile intervals over resampled rows
/// (the same rows of every matrix), from a fixed seed.
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
        // Per statistic (first-order, total, and the expected value's first-order and total), per input.
        var point = Statistics(count);
        var (mean, variance) = Point(f, samples, null, point);
        var resampled = Enumerable.Range(0, StatisticCount).Select(_ => Enumerable.Range(0, count).Select(_ => new double[resamples]).ToArray()).ToArray();
        var rows = new int[samples];
        var once = Statistics(count);
        for (var resample = 0; resample < resamples; resample++)
        {
            var random = RandomStreams.For(seed, resample, RandomStreams.SensitivityBootstrap);
            for (var j = 0; j < samples; j++) rows[j] = (int)(random.NextDouble() * samples);
            Point(f, samples, rows, once);
            for (var statistic = 0; statistic < StatisticCount; statistic++)
                for (var i = 0; i < count; i++) resampled[statistic][i][resample] = once[statistic][i];
        }
        Estimate Of(int statistic, int input) => WithInterval(point[statistic][input], resampled[statistic][input]);
        var chance = count - 1;
        var indices = Enumerable.Range(0, count).Select(i => new SobolIndex(inputs[i], Of(FirstOrder, i), Of(Total, i),
            i == chance ? null : Of(ExpectedFirstOrder, i), i == chance ? null : Of(ExpectedTotal, i))).ToList();
        return (indices, mean, variance);
    }

    private const int FirstOrder = 0, Total = 1, ExpectedFirstOrder = 2, ExpectedTotal = 3, StatisticCount = 4;

    private static double[][] Statistics(int inputs) => Enumerable.Range(0, StatisticCount).Select(_ => new double[inputs]).ToArray();

    /// <summary>
    /// The point estimates over the rows <paramref name="rows"/> (all rows when null) into <paramref name="statistics"/>:
    /// each input's S_i and S_Ti, and each parameter's first-order and total share of the expected value's variance;
    /// returns the mean and variance of f over A and B. Sums run in row order, so the numbers depend on nothing but
    /// the evaluations.
    /// </summary>
    private static (double Mean, double Variance) Point(double[] f, int samples, int[]? rows, double[][] statistics)
    {
        var (first, total, share, shareTotal) = (statistics[FirstOrder], statistics[Total], statistics[ExpectedFirstOrder], statistics[ExpectedTotal]);
        var count = first.Length;
        var parameters = count - 1;
        var otherChance = (long)SobolDesign.MatrixFor(parameters) * samples;
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
        var partialTotal = new double[count];
        for (var i = 0; i < count; i++)
        {
            var offset = (long)SobolDesign.MatrixFor(i) * samples;
            var otherOffset = i < parameters ? (long)SobolDesign.MatrixWithOtherChanceFor(i, parameters) * samples : -1;
            double firstSum = 0, totalSum = 0, expectedSum = 0;
            for (var j = 0; j < samples; j++)
            {
                var r = rows?[j] ?? j;
                var (a, b, mixed) = (f[r], f[samples + r], f[offset + r]);
                firstSum += b * (mixed - a);
                totalSum += (a - mixed) * (a - mixed);
                if (otherOffset >= 0) expectedSum += (a - mixed) * (f[otherChance + r] - f[otherOffset + r]);
            }
            partial[i] = firstSum / samples;
            partialTotal[i] = expectedSum / (2.0 * samples);
            first[i] = partial[i] / variance;
            total[i] = totalSum / (2.0 * samples) / variance;
        }
        // The variance of the expected value, the variance chance does not make: V − V_T,chance = V·(1 − S_T,chance).
        var explainable = variance * (1 - total[parameters]);
        for (var i = 0; i < count; i++) (share[i], shareTotal[i]) = (partial[i] / explainable, partialTotal[i] / explainable);
        return (mean, variance);
    }

    private static Estimate WithInterval(double value, double[] resampled)
    {
        var finite = resampled.Where(double.IsFinite).Order().ToArray();
        if (!double.IsFinite(value) || finite.Length == 0) return new Estimate(value, (double.NaN, double.NaN));
        return new Estimate(value, (SortedArrayStatistics.Quantile(finite, 0.025), SortedArrayStatistics.Quantile(finite, 0.975)));
    }
}
