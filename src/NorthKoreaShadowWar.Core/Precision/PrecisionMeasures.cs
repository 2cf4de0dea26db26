using NorthKoreaShadowWar.Results;

namespace NorthKoreaShadowWar.Precision;

/// <summary>The intervals of a result that a precision target applies to: every probability, every share of a final state, every mean.</summary>
internal static class PrecisionMeasures
{
    /// <summary>The controlled intervals of <paramref name="result"/>, in outcome order, with the half-widths <paramref name="target"/> allows.</summary>
    public static IReadOnlyList<PrecisionMeasure> Of(RunResult result, double target)
    {
        var measures = new List<PrecisionMeasure>();
        foreach (var outcome in result.Outcomes)
        {
            switch (outcome)
            {
                case ProbabilityResult p:
                    measures.Add(new(p.Name, null, PrecisionMeasureKind.Probability, p.Estimate, p.Ci95, target));
                    break;
                case CategoricalResult c:
                    foreach (var (category, probability, ci) in c.Categories)
                        measures.Add(new(c.Name, category, PrecisionMeasureKind.Category, probability, ci, target));
                    break;
                case DistributionResult d:
                    // One value has a zero-width interval that says nothing about the spread: wait for two.
                    var meanCi = d.Count >= 2 ? d.Ci95 : (double.NaN, double.NaN);
                    measures.Add(new(d.Name, null, PrecisionMeasureKind.Mean, d.Mean, meanCi, target * Math.Abs(d.Mean)));
                    break;
            }
        }
        return measures;
    }
}
