namespace NorthKoreaShadowWar.Results;

/// <summary>The state of a precision-controlled run after one batch: trials so far and every controlled interval.</summary>
/// <param name="Trials">Trials run so far, this batch included.</param>
/// <param name="Measures">Every interval the target applies to, in outcome order.</param>
internal sealed record PrecisionBatch(long Trials, IReadOnlyList<PrecisionMeasure> Measures)
{
    /// <summary>True when every interval is within its allowed half-width.</summary>
    public bool Met => Measures.All(m => m.Met);

    /// <summary>The interval furthest from its target (the largest half-width relative to the allowed one), or null when there is none.</summary>
    public PrecisionMeasure? Widest => Measures.OrderByDescending(m => m.Ratio).FirstOrDefault();
}
