using NorthKoreaShadowWar.Compilation;
using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Scenarios;

namespace NorthKoreaShadowWar.Updating;

/// <summary>What the evidence changed: parameters and outcomes, prior against posterior, and the events still to come.</summary>
internal static class EvidenceShifts
{
    private const int Bins = 40;

    public static IReadOnlyList<ParameterShift> Parameters(CompiledModel model, Particles prior, Particles posterior, double[] weights)
    {
        var equal = Enumerable.Repeat(1.0, prior.Count).ToArray();
        return model.RandomParameters.Select((parameter, k) =>
        {
            var priorValues = prior.Parameter(k);
            var values = posterior.Parameter(k);
            var (priorMean, prior05, prior95) = Summary(priorValues, equal);
            var (posteriorMean, posterior05, posterior95) = Summary(values, weights);
            var (bins, priorDensity, posteriorDensity) = Histograms(priorValues, equal, values, weights);
            return new ParameterShift(model.Scenario.Parameters[parameter].Name, priorMean, (prior05, prior95), posteriorMean, (posterior05, posterior95))
            {
                Bins = bins, PriorDensity = priorDensity, PosteriorDensity = posteriorDensity,
                PosteriorMeanSe = posterior.MeanWithBlockSe(values).Se,
            };
        }).ToList();
    }

    /// <summary>Every outcome's probability (or mean; for a final state, its likeliest state's share), sorted by how far it moved.</summary>
    public static IReadOnlyList<OutcomeShift> Outcomes(IReadOnlyList<OutcomeResult> prior, IReadOnlyList<OutcomeResult> posterior)
    {
        var shifts = new List<OutcomeShift>();
        for (var o = 0; o < prior.Count; o++)
        {
            switch (prior[o], posterior[o])
            {
                case (ProbabilityResult a, ProbabilityResult b):
                    shifts.Add(new(a.Name, "probability", a.Estimate, a.Ci95, b.Estimate, b.Ci95, Standardised(b.Estimate - a.Estimate, Math.Sqrt(a.Estimate * (1 - a.Estimate)))));
                    break;
                case (DistributionResult a, DistributionResult b):
                    shifts.Add(new(a.Name, "mean", a.Mean, a.Ci95, b.Mean, b.Ci95, Standardised(b.Mean - a.Mean, a.StandardDeviation)));
                    break;
                case (CategoricalResult a, CategoricalResult b):
                    var likeliest = Enumerable.Range(0, a.Categories.Count).MaxBy(s => a.Categories[s].Probability);
                    var before = a.Categories[likeliest];
                    var after = b.Categories[likeliest];
                    shifts.Add(new(a.Name, $"share {before.Category}", before.Probability, before.Ci95, after.Probability, after.Ci95,
                        Standardised(after.Probability - before.Probability, Math.Sqrt(before.Probability * (1 - before.Probability)))));
                    break;
            }
        }
        return shifts.OrderByDescending(s => double.IsNaN(s.StandardisedShift) ? -1 : Math.Abs(s.StandardisedShift)).ToList();
    }

    public static IReadOnlyList<OpenEvent> OpenEvents(CompiledModel model, Particles prior, Particles posterior, double[] weights)
    {
        var equal = Enumerable.Repeat(1.0, prior.Count).ToArray();
        var outcomes = model.Scenario.Outcomes;
        var events = new List<OpenEvent>();
        var index = 0;
        for (var o = 0; o < outcomes.Count; o++)
        {
            if (outcomes[o].Kind is not (OutcomeKind.Reached or OutcomeKind.FirstStep) || outcomes[o].Condition is null) continue;
            var (priorOpen, priorLater) = Open(prior, index, o, outcomes[o].Kind);
            var (posteriorOpen, posteriorLater) = Open(posterior, index++, o, outcomes[o].Kind);
            events.Add(new OpenEvent(outcomes[o].Name, Mean(priorOpen, equal), Mean(posteriorOpen, weights), Mean(priorLater, equal), Mean(posteriorLater, weights)));
        }
        return events;
    }

    /// <summary>Each particle's flag 'open at as_of', and 'open at as_of and happens afterwards (within the window of a reached outcome)'.</summary>
    private static (float[] Open, float[] Later) Open(Particles particles, int index, int outcome, OutcomeKind kind)
    {
        var open = particles.Open(index);
        var values = particles.Outcome(outcome);
        var later = values.Select((v, i) => open[i] == 1 && (kind == OutcomeKind.Reached ? v == 1 : !float.IsNaN(v)) ? 1f : 0f).ToArray();
        return (open, later);
    }

    /// <summary>The move in prior standard deviations; NaN when there is no move to measure (a mean over no trials).</summary>
    private static double Standardised(double shift, double scale) =>
        double.IsNaN(shift) ? double.NaN : scale > 0 ? shift / scale : shift == 0 ? 0 : double.PositiveInfinity * Math.Sign(shift);

    private static double Mean(float[] values, double[] weights)
    {
        double sum = 0, total = 0;
        for (var i = 0; i < values.Length; i++)
        {
            sum += weights[i] * values[i];
            total += weights[i];
        }
        return sum / total;
    }

    /// <summary>Weighted mean and 5th and 95th percentiles.</summary>
    internal static (double Mean, double P05, double P95) Summary(float[] values, double[] weights)
    {
        var order = Enumerable.Range(0, values.Length).Where(i => weights[i] > 0).OrderBy(i => values[i]).ToArray();
        double total = 0, sum = 0;
        foreach (var i in order)
        {
            total += weights[i];
            sum += weights[i] * values[i];
        }
        double Quantile(double q)
        {
            var cumulative = 0.0;
            foreach (var i in order)
            {
                cumulative += weights[i];
                if (cumulative >= q * total) return values[i];
            }
            return order.Length > 0 ? values[order[^1]] : double.NaN;
        }
        return (total > 0 ? sum / total : double.NaN, Quantile(0.05), Quantile(0.95));
    }

    private static (double[] Bins, double[] Prior, double[] Posterior) Histograms(float[] priorValues, double[] prior, float[] values, double[] posterior)
    {
        var finite = priorValues.Concat(values).Where(float.IsFinite).ToArray();
        if (finite.Length == 0) return ([], [], []);
        double low = finite.Min(), high = finite.Max();
        if (!(high > low)) return ([low], [1], [1]);
        var width = (high - low) / Bins;
        var bins = Enumerable.Range(0, Bins).Select(b => low + (b + 0.5) * width).ToArray();
        return (bins, Density(priorValues, prior, low, width), Density(values, posterior, low, width));
    }

    private static double[] Density(float[] values, double[] weights, double low, double width)
    {
        var density = new double[Bins];
        var total = 0.0;
        for (var i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i])) continue;
            density[Math.Clamp((int)((values[i] - low) / width), 0, Bins - 1)] += weights[i];
            total += weights[i];
        }
        for (var b = 0; b < Bins; b++) density[b] /= total * width;
        return density;
    }
}
