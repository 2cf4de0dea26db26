using NorthKoreaShadowWar.Compilation;
using NorthKoreaShadowWar.Updating;

namespace NorthKoreaShadowWar.Checking;

/// <summary>The posterior's drawn parameters: picked for the predictive checks, and compared with the prior's.</summary>
internal static class PosteriorDraws
{
    /// <summary>
    /// The parameters of the i-th of <paramref name="count"/> trials from the posterior: a stratified pick, u = (i + ½) / count
    /// through the cumulative weights of the particles, so that the picks depend on nothing but the particles.
    /// </summary>
    public static Func<int, double[]> Picker(CompiledModel model, Particles posterior, int count)
    {
        var columns = Enumerable.Range(0, model.RandomParameters.Length).Select(posterior.Parameter).ToArray();
        var cumulative = new double[posterior.Count];
        var total = 0.0;
        for (var i = 0; i < cumulative.Length; i++) cumulative[i] = total += posterior.Weights[i];
        return i =>
        {
            var at = Array.BinarySearch(cumulative, (i + 0.5) / count * total);
            var particle = Math.Min(cumulative.Length - 1, at >= 0 ? at : ~at);
            return columns.Select(c => (double)c[particle]).ToArray();
        };
    }

    /// <summary>Every drawn parameter, the prior (from <paramref name="prior"/>) against the posterior (the weighted particles).</summary>
    public static IReadOnlyList<ParameterCheck> Compare(CompiledModel model, ObservationSamples prior, Particles posterior) =>
        Enumerable.Range(0, model.RandomParameters.Length).Select(p =>
        {
            var (priorMean, priorSd) = ObservationMeasures.MeanSd(prior, p, null);
            var sorted = Enumerable.Range(0, prior.Count).Select(i => prior.Parameter(i, p)).Order().ToArray();
            var (p05, p95) = (sorted[(int)(0.05 * (sorted.Length - 1))], sorted[(int)(0.95 * (sorted.Length - 1))]);
            var values = posterior.Parameter(p);
            var weights = posterior.Weights;
            double total = 0, sum = 0, squares = 0, below = 0, above = 0;
            for (var i = 0; i < values.Length; i++)
            {
                var (w, x) = (weights[i], (double)values[i]);
                total += w;
                sum += w * x;
                squares += w * x * x;
                if (x < p05) below += w;
                if (x > p95) above += w;
            }
            var mean = sum / total;
            var sd = Math.Sqrt(Math.Max(0, squares / total - mean * mean));
            return new ParameterCheck(model.Scenario.Parameters[model.RandomParameters[p]].Name, priorMean, priorSd, mean, sd,
                priorSd > 0 ? (mean - priorMean) / priorSd : 0, priorSd > 0 ? sd / priorSd : 1, below / total, above / total);
        }).ToList();
}
