namespace NorthKoreaShadowWar.Backtesting;

/// <summary>
/// The mean scores of one kind of forecast. For <c>probability</c> outcomes the Brier score is the mean of (p − o)²
/// (0 is perfect, 0.25 is what always saying 50% earns); for <c>categorical</c> outcomes the mean of the multi-category
/// sum over states (0 to 2). The log score is the mean natural log of the probability given to what happened
/// (0 is perfect; closer to 0 is better).
/// </summary>
/// <param name="Kind"><c>probability</c> or <c>categorical</c>.</param>
/// <param name="Forecasts">The number of forecasts scored (a categorical outcome counts once).</param>
/// <param name="Brier">The mean Brier score; not a number when there are none.</param>
/// <param name="LogScore">The mean log score; not a number when there are none.</param>
internal sealed record ScoreSummary(string Kind, int Forecasts, double Brier, double LogScore);
