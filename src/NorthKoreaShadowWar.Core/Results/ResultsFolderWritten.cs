namespace NorthKoreaShadowWar.Results;

/// <summary>
/// What <see cref="ResultsFolder.Write"/> did besides putting the new results in place: where it kept the earlier results
/// (moved to <c>previous/</c>), or where it left earlier results it replaced but could not delete, and why.
/// </summary>
internal sealed record ResultsFolderWritten(string? KeptIn = null, string? LeftIn = null, string? WhyLeft = null);
