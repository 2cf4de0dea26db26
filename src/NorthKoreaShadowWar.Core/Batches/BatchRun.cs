namespace NorthKoreaShadowWar.Batches;

/// <summary>
/// One run of a batch: the scenario with a variant (or none) and <c>--set</c> overrides, applied in that order.
/// </summary>
/// <param name="Label">How the run is named in tables and plots: <c>baseline-tech_transfer</c>, or the point number of a sweep.</param>
/// <param name="Folder">The subfolder of the batch's results folder the run is written to, e.g. <c>points/3</c>.</param>
/// <param name="Variant">The variant applied, or null for the base scenario.</param>
/// <param name="Overrides">Every <c>name=value</c> override, the user's first, then the swept parameters' values.</param>
/// <param name="ParameterValues">For a sweep, the value of each swept parameter, in the order of <see cref="Batch.SweptParameters"/>; empty otherwise.</param>
internal sealed record BatchRun(string Label, string Folder, string? Variant, IReadOnlyList<string> Overrides, IReadOnlyList<double> ParameterValues);
