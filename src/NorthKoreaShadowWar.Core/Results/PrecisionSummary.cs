namespace NorthKoreaShadowWar.Results;

/// <summary>
/// A run that went on in batches until every interval was narrow enough (<c>run --precision</c>): the target, whether
/// it was met, the trials used, and every batch's intervals (for the convergence plots).
/// </summary>
/// <param name="Target">
/// The largest half-width allowed: absolute for probabilities (0.005 is ±0.5 percentage points), relative to the
/// mean for means (0.005 is ±0.5% of the mean).
/// </param>
/// <param name="MaximumTrials">The most trials the run was allowed (<c>--max-trials</c>).</param>
/// <param name="Met">True when the last batch met the target; false when the run stopped at <paramref name="MaximumTrials"/>.</param>
/// <param name="Trials">Trials used in all: the results are those of a plain run of this many trials.</param>
/// <param name="Batches">Every batch in order, each with the intervals after it.</param>
internal sealed record PrecisionSummary(double Target, long MaximumTrials, bool Met, long Trials, IReadOnlyList<PrecisionBatch> Batches);
