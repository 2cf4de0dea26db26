namespace NorthKoreaShadowWar.Results;

/// <summary>What a <see cref="PrecisionMeasure"/> estimates, and so how its target applies.</summary>
internal enum PrecisionMeasureKind
{
    /// <summary>A <c>reached</c> outcome's probability: the target is an absolute half-width.</summary>
    Probability,
    /// <summary>One state's share of a <c>final</c> outcome: the target is an absolute half-width.</summary>
    Category,
    /// <summary>A distribution's mean: the target is a half-width relative to |mean|.</summary>
    Mean,
}
