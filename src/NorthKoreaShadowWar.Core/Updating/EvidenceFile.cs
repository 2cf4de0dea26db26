namespace NorthKoreaShadowWar.Updating;

/// <summary>An evidence file read and checked against a scenario (see docs/updating.md).</summary>
internal sealed record EvidenceFile(string Path, int AsOf, IReadOnlyList<Observation> Observations)
{
    /// <summary>The file's <c>description</c>, if any.</summary>
    public string? Description { get; init; }

    /// <summary>The file's <c>recorded</c> (when the evidence was gathered), if any.</summary>
    public string? Recorded { get; init; }
}
