using NorthKoreaShadowWar.Results;

namespace NorthKoreaShadowWar.Comparison;

/// <summary>An estimate with its 95% interval.</summary>
internal sealed record Estimate(double Value, (double Lower, double Upper) Ci95);

/// <summary>
/// One compared quantity: its estimate in A and in B, and the difference B − A with a 95% interval. With common
/// random numbers the interval comes from the per-trial differences; <see cref="IndependentCi95"/> is what two
/// independent runs of the same size would give, and <see cref="VarianceReduction"/> their ratio of variances.
/// </summary>
internal sealed record ComparisonRow(
    ComparedQuantity Quantity,
    Estimate A,
    Estimate B,
    double Difference,
    (double Lower, double Upper) DifferenceCi95,
    (double Lower, double Upper) IndependentCi95,
    double? VarianceReduction,
    double PValue)
{
    /// <summary>The difference's 95% interval excludes 0 (two-sided p below 0.05).</summary>
    public bool Significant => PValue < 0.05;

    /// <summary>Still significant at 5% after Holm's correction for comparing many quantities at once.</summary>
    public bool SignificantAfterHolm { get; init; }

    /// <summary>True when the difference was estimated from paired trials (common random numbers).</summary>
    public bool Paired => VarianceReduction is not null;
}

/// <summary>A comparison of two runs, B against A.</summary>
internal sealed record ComparisonResult(
    RunResult A,
    RunResult B,
    string LabelA,
    string LabelB,
    bool CommonRandomNumbers,
    IReadOnlyList<ComparisonRow> Rows,
    IReadOnlyList<string> Unmatched);
