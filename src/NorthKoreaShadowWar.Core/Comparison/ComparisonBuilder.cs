using MathNet.Numerics.Distributions;
using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Statistics;

namespace NorthKoreaShadowWar.Comparison;

/// <summary>Turns two runs' results, and for a paired run its per-trial differences, into a <see cref="ComparisonResult"/>.</summary>
internal static class ComparisonBuilder
{
    /// <summary>
    /// A comparison of two runs made with common random numbers: each paired quantity's difference and interval
    /// come from the per-trial differences; the mean of a first step, which not every trial has, is compared unpaired.
    /// </summary>
    public static ComparisonResult Paired(PairedRun run, RunResult a, RunResult b, string labelA, string labelB)
    {
        var quantities = ComparedQuantities.Match(OutcomeShape.Of(a), OutcomeShape.Of(b), out var unmatched);
        var rows = quantities.Select(quantity =>
        {
            var index = IndexOf(run.Quantities, quantity);
            if (index < 0) return Unpaired(quantity, a, b);
            var moments = run.Moments[index];
            var n = moments.Difference.Count;
            var varianceA = Variance(moments.A);
            var varianceB = Variance(moments.B);
            var pairedVariance = Variance(moments.Difference);
            var independentError = Math.Sqrt((varianceA + varianceB) / n);
            var pairedError = Math.Sqrt(pairedVariance / n);
            var difference = moments.Difference.Mean;
            return new ComparisonRow(quantity, EstimateOf(quantity, a, fromA: true), EstimateOf(quantity, b, fromA: false), difference,
                Around(difference, pairedError), Around(difference, independentError),
                pairedVariance > 0 ? (varianceA + varianceB) / pairedVariance : double.PositiveInfinity,
                TwoSidedP(difference, pairedError));
        }).ToList();
        return new ComparisonResult(a, b, labelA, labelB, true, WithHolm(rows), unmatched);
    }

    /// <summary>A comparison of two independent results (two results folders): every difference is unpaired.</summary>
    public static ComparisonResult Independent(RunResult a, RunResult b, string labelA, string labelB)
    {
        var quantities = ComparedQuantities.Match(OutcomeShape.Of(a), OutcomeShape.Of(b), out var unmatched);
        return new ComparisonResult(a, b, labelA, labelB, false, WithHolm(quantities.Select(q => Unpaired(q, a, b)).ToList()), unmatched);
    }

    private static ComparisonRow Unpaired(ComparedQuantity quantity, RunResult a, RunResult b)
    {
        var (estimateA, varianceA, countA) = Moments(quantity, a, fromA: true);
        var (estimateB, varianceB, countB) = Moments(quantity, b, fromA: false);
        var error = Math.Sqrt(varianceA / countA + varianceB / countB);
        var difference = estimateB - estimateA;
        var ci = Around(difference, error);
        return new ComparisonRow(quantity, EstimateOf(quantity, a, fromA: true), EstimateOf(quantity, b, fromA: false), difference, ci, ci, null, TwoSidedP(difference, error));
    }

    /// <summary>The quantity's estimate in one run, its variance per trial and the number of trials it is a mean over.</summary>
    private static (double Estimate, double Variance, double Count) Moments(ComparedQuantity quantity, RunResult result, bool fromA)
    {
        var outcome = result.Outcomes[fromA ? quantity.IndexA : quantity.IndexB];
        switch (outcome)
        {
            case ProbabilityResult probability:
                return (probability.Estimate, probability.Estimate * (1 - probability.Estimate), probability.Trials);
            case CategoricalResult categorical:
                var share = categorical.Categories[fromA ? quantity.StateA : quantity.StateB].Probability;
                return (share, share * (1 - share), result.Manifest.Trials);
            default:
                var distribution = (DistributionResult)outcome;
                if (quantity.Reading == QuantityReading.Happened)
                {
                    var happens = 1 - (distribution.Never ?? 0);
                    return (happens, happens * (1 - happens), result.Manifest.Trials);
                }
                return (distribution.Mean, distribution.StandardDeviation * distribution.StandardDeviation, distribution.Count);
        }
    }

    private static Estimate EstimateOf(ComparedQuantity quantity, RunResult result, bool fromA)
    {
        var outcome = result.Outcomes[fromA ? quantity.IndexA : quantity.IndexB];
        switch (outcome)
        {
            case ProbabilityResult probability:
                return new(probability.Estimate, probability.Ci95);
            case CategoricalResult categorical:
                var category = categorical.Categories[fromA ? quantity.StateA : quantity.StateB];
                return new(category.Probability, category.Ci95);
            default:
                var distribution = (DistributionResult)outcome;
                if (quantity.Reading != QuantityReading.Happened) return new(distribution.Mean, distribution.Ci95);
                var trials = result.Manifest.Trials;
                var happened = (long)Math.Round((1 - (distribution.Never ?? 0)) * trials);
                return new((double)happened / trials, ConfidenceIntervals.Wilson(happened, trials));
        }
    }

    /// <summary>Marks the rows that stay significant under Holm's step-down correction over all rows.</summary>
    private static List<ComparisonRow> WithHolm(List<ComparisonRow> rows)
    {
        var order = Enumerable.Range(0, rows.Count).OrderBy(i => rows[i].PValue).ToList();
        var significant = new bool[rows.Count];
        for (var rank = 0; rank < order.Count; rank++)
        {
            if (rows[order[rank]].PValue * (rows.Count - rank) >= 0.05) break;
            significant[order[rank]] = true;
        }
        return rows.Select((row, i) => row with { SignificantAfterHolm = significant[i] }).ToList();
    }

    private static int IndexOf(IReadOnlyList<ComparedQuantity> quantities, ComparedQuantity quantity)
    {
        for (var i = 0; i < quantities.Count; i++)
            if (quantities[i] == quantity) return i;
        return -1;
    }

    private static double Variance(RunningMoments moments) => moments.StandardDeviation * moments.StandardDeviation;

    private static (double Lower, double Upper) Around(double value, double standardError) =>
        (value - ConfidenceIntervals.Z95 * standardError, value + ConfidenceIntervals.Z95 * standardError);

    private static double TwoSidedP(double difference, double standardError) =>
        standardError > 0 ? 2 * (1 - Normal.CDF(0, 1, Math.Abs(difference / standardError))) : difference == 0 ? 1 : 0;
}
