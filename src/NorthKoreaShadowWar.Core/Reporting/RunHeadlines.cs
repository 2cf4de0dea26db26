using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Updating;
using static NorthKoreaShadowWar.Reporting.HtmlReport;

namespace NorthKoreaShadowWar.Reporting;

/// <summary>
/// The findings that open a run's report (and those of <c>exact</c>, <c>merge</c> and <c>update</c>): the likeliest
/// events, the likeliest final state, the outcome whose spread is widest, and, after an update, what the evidence moved
/// most. A run alone cannot say what moves its numbers; the last finding points to the commands that do.
/// </summary>
internal static class RunHeadlines
{
    /// <summary>The finding an update opens with: the outcome the evidence moved most, from prior to posterior; none when nothing moved.</summary>
    public static IReadOnlyList<string> Of(EvidenceSummary evidence)
    {
        if (evidence.Changes.FirstOrDefault(c => double.IsFinite(c.StandardisedShift)) is not { } moved) return [];
        string Show(double value, (double Lower, double Upper) ci) => moved.Measure == "mean" ? Headlines.Amount(value, ci) : Headlines.Share(value, ci);
        return [$"The evidence moved {moved.Outcome} ({moved.Measure}) most: from {Show(moved.Prior, moved.PriorCi95)} before it "
            + $"to {Show(moved.Posterior, moved.PosteriorCi95)} after it."];
    }

    /// <summary>The findings of <paramref name="result"/>, after <paramref name="first"/> (those of the report's lead section, if any).</summary>
    public static IReadOnlyList<string> Of(RunResult result, IReadOnlyList<string> first)
    {
        var findings = first.ToList();
        var probabilities = result.Outcomes.OfType<ProbabilityResult>().OrderByDescending(p => p.Estimate).ToList();
        foreach (var p in probabilities.Take(2))
            findings.Add($"{p.Name}: {Headlines.Share(p.Estimate, p.Ci95)} of trials.");
        if (result.Outcomes.OfType<CategoricalResult>().FirstOrDefault() is { } final
            && final.Categories.MaxBy(c => c.Probability) is var (state, share, ci) && share > 0)
            findings.Add($"{final.Name} most often ends in {state}: {Headlines.Share(share, ci)} of trials.");
        if (Widest(result) is { } widest)
            findings.Add($"The widest spread is {widest.Name}'s: half the trials at or below {Number(Quantile(widest, "p50"))}, "
                + $"but one in twenty above {Number(Quantile(widest, "p95"))}; its mean is {Headlines.Amount(widest.Mean, widest.Ci95)}.");
        if (probabilities.Count > 0 && first.Count == 0)
            findings.Add("A single run cannot say what moves these numbers: sensitivity ranks the assumptions, and sweep and compare show "
                + "the effect of changing them.");
        return findings.Take(Headlines.Most).ToList();
    }

    /// <summary>The distribution whose 5th-to-95th-percentile range is widest relative to its median (the most uncertain).</summary>
    private static DistributionResult? Widest(RunResult result) =>
        result.Outcomes.OfType<DistributionResult>().Where(d => d.Count > 0 && double.IsFinite(Quantile(d, "p95")))
            .MaxBy(d => (Quantile(d, "p95") - Quantile(d, "p05")) / Math.Max(Math.Abs(Quantile(d, "p50")), 1));

    private static double Quantile(DistributionResult d, string label) => d.Quantiles.Where(q => q.Label == label).Select(q => q.Value).FirstOrDefault(double.NaN);
}
