namespace NorthKoreaShadowWar.Backtesting;

/// <summary>A file of observed outcomes: when it was recorded, and what happened to each outcome it names.</summary>
/// <param name="File">The file as it was named.</param>
/// <param name="Recorded">The <c>recorded</c> date as written, if given.</param>
/// <param name="Outcomes">Every outcome recorded, in file order.</param>
internal sealed record ObservedFile(string File, string? Recorded, IReadOnlyList<ObservedOutcome> Outcomes)
{
    /// <summary>The <c>description</c>, if given.</summary>
    public string? Description { get; init; }
}
