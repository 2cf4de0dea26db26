namespace NorthKoreaShadowWar.Backtesting;

/// <summary>Forecasts from one or more results folders scored against one file of observed outcomes.</summary>
/// <param name="Observed">What happened.</param>
/// <param name="Folders">The results folders scored, in the order given.</param>
/// <param name="Scores">Every forecast scored, folder by folder in outcome order.</param>
/// <param name="Summaries">Mean Brier and log scores of the probability and of the categorical outcomes.</param>
/// <param name="Calibration">Ten bins of forecast probability, from every event and every state forecast.</param>
/// <param name="Unresolved">Outcomes of the results the observed file does not record (<c>folder: outcome</c>): not scored.</param>
internal sealed record Backtest(
    ObservedFile Observed,
    IReadOnlyList<string> Folders,
    IReadOnlyList<ForecastScore> Scores,
    IReadOnlyList<ScoreSummary> Summaries,
    IReadOnlyList<CalibrationBin> Calibration,
    IReadOnlyList<string> Unresolved)
{
    /// <summary>The distribution forecasts scored.</summary>
    public IReadOnlyList<ForecastScore> Distributions => Scores.Where(s => s.Kind == "distribution").ToList();
}
