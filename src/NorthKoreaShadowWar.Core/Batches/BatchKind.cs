namespace NorthKoreaShadowWar.Batches;

/// <summary>How the runs of a batch were chosen.</summary>
internal enum BatchKind
{
    /// <summary>The base scenario and every one of its variants (<c>run --all-variants</c>).</summary>
    AllVariants,
    /// <summary>Every combination of evenly spaced values of the swept parameters (<c>sweep --param NAME=LO:HI:N</c>).</summary>
    Grid,
    /// <summary>A Latin hypercube sample of the swept parameters' ranges (<c>sweep --samples N</c>).</summary>
    LatinHypercube,
}
