namespace NorthKoreaShadowWar.Results;

/// <summary>One interval that a precision target applies to, as it stood after a batch.</summary>
/// <param name="Outcome">The outcome's name.</param>
/// <param name="Category">For a <c>final</c> outcome, the state; otherwise null.</param>
/// <param name="Kind">A probability, one state's share of a final outcome, or a distribution's mean.</param>
/// <param name="Estimate">The probability, share or mean.</param>
/// <param name="Ci95">Its 95% interval (not a number while it cannot be computed: a mean of fewer than two values).</param>
/// <param name="AllowedHalfWidth">The largest half-width the target allows: the target itself, or the target times |mean|.</param>
internal sealed record PrecisionMeasure(
    string Outcome, string? Category, PrecisionMeasureKind Kind, double Estimate, (double Lower, double Upper) Ci95, double AllowedHalfWidth)
{
    /// <summary>Half the width of <see cref="Ci95"/> (Wilson intervals are not symmetric about the estimate).</summary>
    public double HalfWidth => (Ci95.Upper - Ci95.Lower) / 2;

    /// <summary>True when <see cref="HalfWidth"/> is at most <see cref="AllowedHalfWidth"/> (never while it is not a number).</summary>
    public bool Met => HalfWidth <= AllowedHalfWidth;

    /// <summary>Half-width over allowed half-width: at most 1 when met; infinite while the interval cannot be computed.</summary>
    public double Ratio => double.IsNaN(HalfWidth) ? double.PositiveInfinity : AllowedHalfWidth > 0 ? HalfWidth / AllowedHalfWidth
        : HalfWidth > 0 ? double.PositiveInfinity : 0;

    /// <summary>The name shown to people: <c>outcome</c>, <c>outcome = State</c>, or <c>mean of outcome</c>.</summary>
    public string Label => Kind switch
    {
        PrecisionMeasureKind.Category => $"{Outcome} = {Category}",
        PrecisionMeasureKind.Mean => $"mean of {Outcome}",
        _ => Outcome,
    };
}
