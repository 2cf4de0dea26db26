namespace NorthKoreaShadowWar.Backtesting;

/// <summary>
/// The forecasts whose probability fell in [<see cref="Low"/>, <see cref="High"/>) (the last bin includes 1): how many,
/// their mean, and how often what they forecast happened, with a 95% Wilson interval. Well-calibrated forecasts
/// have an observed frequency close to their mean forecast.
/// </summary>
/// <param name="Low">The bin's lower edge, a probability.</param>
/// <param name="High">The bin's upper edge.</param>
/// <param name="Count">Forecasts in the bin.</param>
/// <param name="Happened">How many of them happened.</param>
/// <param name="MeanForecast">Their mean forecast probability; not a number for an empty bin.</param>
/// <param name="ObservedFrequency">Happened ÷ count; not a number for an empty bin.</param>
/// <param name="Ci95">The 95% Wilson interval of the observed frequency ([0, 1] for an empty bin).</param>
internal sealed record CalibrationBin(double Low, double High, int Count, int Happened, double MeanForecast, double ObservedFrequency, (double Lower, double Upper) Ci95);
