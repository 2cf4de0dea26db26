using NorthKoreaShadowWar.Updating;

namespace NorthKoreaShadowWar.Checking;

/// <summary>
/// How well a set of weighted trials agrees with an observation, as one probability (see docs/checking.md): for a
/// condition, the probability that its statement is true; for a measurement, the two-sided tail probability of the
/// reported value (the median of its error distribution), 2 min(P(x ≤ m), P(x ≥ m)), at most 1; for a report, the
/// mean of its likelihood relative to the largest it gives any state.
/// </summary>
internal static class ObservationMeasures
{
    public static string Describe(Observation observation) => observation switch
    {
        ConditionObservation => "probability of the statement",
        MeasurementObservation => "two-sided tail probability of the reported value",
        _ => "likelihood relative to the largest",
    };

    /// <summary>The agreement of observation <paramref name="k"/> over <paramref name="samples"/> weighted by <paramref name="weights"/> (null: equal).</summary>
    public static double Agreement(ObservationSamples samples, int k, double[]? weights)
    {
        var observation = samples.Observations[k];
        double total = 0, sum = 0, below = 0, above = 0;
        var median = observation is MeasurementObservation m ? m.Error.Quantile(0.5) : 0;
        var largest = observation is ReportObservation r ? r.LikelihoodByState.Max() : 1;
        for (var i = 0; i < samples.Count; i++)
        {
            var w = weights?[i] ?? 1;
            if (w == 0) continue;
            var seen = samples.SeenBy(i, k);
            total += w;
            switch (observation)
            {
                case ConditionObservation:
                    sum += w * seen;
                    break;
                case MeasurementObservation:
                    if (seen <= median) below += w;
                    if (seen >= median) above += w;
                    break;
                case ReportObservation report:
                    sum += w * report.LikelihoodByState[(int)seen] / largest;
                    break;
            }
        }
        if (total == 0) return double.NaN;
        return observation is MeasurementObservation ? Math.Min(1, 2 * Math.Min(below, above) / total) : sum / total;
    }

    /// <summary>The effective sample size (Σw)²/Σw² of <paramref name="weights"/>.</summary>
    public static double Ess(double[] weights)
    {
        double sum = 0, squares = 0;
        foreach (var w in weights)
        {
            sum += w;
            squares += w * w;
        }
        return squares > 0 ? sum * sum / squares : 0;
    }

    /// <summary>
    /// Weights proportional to the likelihood of the observations other than <paramref name="except"/> (all of them for −1),
    /// relative to the largest; all zero when they rule out every trial.
    /// </summary>
    public static double[] Weights(ObservationSamples samples, int except)
    {
        var log = new double[samples.Count];
        var max = double.NegativeInfinity;
        for (var i = 0; i < samples.Count; i++)
        {
            var sum = 0.0;
            for (var k = 0; k < samples.Observations.Count && !double.IsNegativeInfinity(sum); k++)
                if (k != except) sum += samples.LogLikelihoodOf(i, k);
            log[i] = sum;
            max = Math.Max(max, sum);
        }
        return log.Select(l => double.IsNegativeInfinity(max) ? 0 : Math.Exp(l - max)).ToArray();
    }

    /// <summary>Weights proportional to the likelihood of observation <paramref name="k"/> alone.</summary>
    public static double[] WeightsOf(ObservationSamples samples, int k) =>
        Enumerable.Range(0, samples.Count).Select(i => ObservationLikelihood.FromSeen(samples.Observations[k], samples.SeenBy(i, k))).ToArray();

    /// <summary>Weighted mean and standard deviation of drawn parameter <paramref name="p"/>.</summary>
    public static (double Mean, double Sd) MeanSd(ObservationSamples samples, int p, double[]? weights)
    {
        double total = 0, sum = 0, squares = 0;
        for (var i = 0; i < samples.Count; i++)
        {
            var w = weights?[i] ?? 1;
            var x = samples.Parameter(i, p);
            total += w;
            sum += w * x;
            squares += w * x * x;
        }
        var mean = sum / total;
        return (mean, Math.Sqrt(Math.Max(0, squares / total - mean * mean)));
    }
}
