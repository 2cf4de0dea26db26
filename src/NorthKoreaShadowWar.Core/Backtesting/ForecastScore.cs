namespace NorthKoreaShadowWar.Backtesting;

/// <summary>
/// One forecast scored against what happened: one row of scores.csv. A probability outcome gives one row; a categorical
/// outcome one row per state (its multi-category Brier score is the sum of its rows' <see cref="Brier"/>, its log score
/// is on the row of the state observed); a distribution outcome one row with its percentile rank.
/// </summary>
/// <param name="Folder">The results folder the forecast comes from.</param>
/// <param name="Outcome">The outcome's name.</param>
/// <param name="Category">For a categorical outcome, the state this row forecasts; otherwise null.</param>
/// <param name="Kind"><c>probability</c>, <c>categorical</c> or <c>distribution</c>.</param>
/// <param name="Forecast">The probability forecast (of the event, or of the state); for a distribution, its median.</param>
/// <param name="Observed">What happened: <c>1</c>/<c>0</c> for an event or a state, the value or <c>never</c> for a distribution.</param>
internal sealed record ForecastScore(string Folder, string Outcome, string? Category, string Kind, double Forecast, string Observed)
{
    /// <summary>For an event or a state: whether it happened (the 0/1 the forecast is scored against).</summary>
    public bool? Happened { get; init; }

    /// <summary>The squared difference between the forecast probability and what happened (0 or 1).</summary>
    public double? Brier { get; init; }

    /// <summary>The natural log of the probability given to what happened (clamped to [1e-6, 1 − 1e-6]); on a categorical outcome's observed state only.</summary>
    public double? LogScore { get; init; }

    /// <summary>For a distribution: the share of the forecast below the observed value (mid-rank where values tie), 0 to 1.</summary>
    public double? PercentileRank { get; init; }

    /// <summary>For a distribution: the observed value lay within the forecast's central 90% (between its 5th and 95th percentiles).</summary>
    public bool? Within90 { get; init; }

    /// <summary>For a distribution whose every value is known: the continuous ranked probability score, in the outcome's units.</summary>
    public double? Crps { get; init; }
}
