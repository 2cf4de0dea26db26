using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Statistics;

namespace NorthKoreaShadowWar.Backtesting;

/// <summary>
/// Scores forecasts against what happened: Brier and log scores for events and final states, the percentile rank of
/// the observed value (and the CRPS where the whole distribution is known) for distributions, and a calibration table.
/// </summary>
internal static class BacktestScorer
{
    /// <summary>
    /// Probabilities are clamped to [<see cref="ProbabilityFloor"/>, 1 − <see cref="ProbabilityFloor"/>] before the log
    /// score is taken, so that a forecast of 0% for what happened costs ln(1e-6) ≈ −13.8 instead of minus infinity.
    /// </summary>
    public const double ProbabilityFloor = 1e-6;

    /// <summary>The number of equal-width probability bins of the calibration table.</summary>
    public const int CalibrationBins = 10;

    /// <summary>Scores the outcomes of each of <paramref name="forecasts"/> that <paramref name="observed"/> records.</summary>
    public static Backtest Score(IReadOnlyList<(string Folder, RunResult Result)> forecasts, ObservedFile observed)
    {
        var scores = new List<ForecastScore>();
        var unresolved = new List<string>();
        foreach (var (folder, result) in forecasts)
        {
            foreach (var outcome in result.Outcomes)
            {
                var observation = observed.Outcomes.FirstOrDefault(o => o.Name == outcome.Name);
                if (observation is null)
                {
                    unresolved.Add($"{folder}: {outcome.Name}");
                    continue;
                }
                scores.AddRange(outcome switch
                {
                    ProbabilityResult p => [Event(folder, p.Name, null, "probability", p.Estimate, observation.Happened!.Value)],
                    CategoricalResult c => c.Categories.Select(s => State(folder, c.Name, s.Category, s.Probability, s.Category == observation.State)),
                    DistributionResult d => [Distribution(folder, d, observation, result.Manifest.Horizon)],
                    _ => [],
                });
            }
        }
        return new Backtest(observed, forecasts.Select(f => f.Folder).ToList(), scores, Summaries(scores), Calibrate(scores), unresolved);
    }

    /// <summary>The probability given to what happened, clamped away from 0 and 1.</summary>
    public static double Clamp(double probability) => Math.Clamp(probability, ProbabilityFloor, 1 - ProbabilityFloor);

    private static ForecastScore Event(string folder, string outcome, string? category, string kind, double probability, bool happened)
    {
        var o = happened ? 1.0 : 0.0;
        return new ForecastScore(folder, outcome, category, kind, probability, happened ? "1" : "0")
        {
            Happened = happened,
            Brier = (probability - o) * (probability - o),
            LogScore = Math.Log(happened ? Clamp(probability) : 1 - Clamp(probability)),
        };
    }

    /// <summary>One state of a categorical outcome: a Brier term, and the log score only on the state observed.</summary>
    private static ForecastScore State(string folder, string outcome, string state, double probability, bool observed)
    {
        var row = Event(folder, outcome, state, "categorical", probability, observed);
        return observed ? row : row with { LogScore = null };
    }

    private static ForecastScore Distribution(string folder, DistributionResult forecast, ObservedOutcome observation, int horizon)
    {
        // A first step observed after the run's horizon is, in the run's terms, one that never came within it.
        var never = observation.Never || (forecast.Never is not null && observation.Value > horizon);
        var (below, atOrBelow) = PercentileRank(forecast, never ? null : observation.Value);
        var median = forecast.Quantiles.Where(q => q.Label == "p50").Select(q => q.Value).FirstOrDefault(double.NaN);
        return new ForecastScore(folder, forecast.Name, null, "distribution", median, observation.Text)
        {
            PercentileRank = (below + atOrBelow) / 2,
            Within90 = atOrBelow >= 0.05 && below <= 0.95,
            Crps = forecast.Points.Count > 0 ? Crps(forecast, never ? horizon + 1 : observation.Value!.Value, horizon) : null,
        };
    }

    /// <summary>
    /// The share of the forecast strictly below the observed value and at or below it, over all trials: for a first
    /// step the trials where it never happened rank above every step, so <paramref name="value"/> null (never) ranks
    /// from 1 − never to 1.
    /// </summary>
    public static (double Below, double AtOrBelow) PercentileRank(DistributionResult forecast, double? value)
    {
        var happens = 1 - (forecast.Never ?? 0);
        if (value is not { } observed) return (happens, 1);
        var (below, atOrBelow) = DistributionCdf.At(forecast, observed);
        return (happens * below, happens * atOrBelow);
    }

    /// <summary>
    /// CRPS = E|X − y| − ½ E|X − X′| over the forecast's points (for a first step, trials where it never happened
    /// placed at horizon + 1, just beyond what the run could see).
    /// </summary>
    public static double Crps(DistributionResult forecast, double observed, int horizon)
    {
        var points = forecast.Points.ToList();
        if (forecast.Never is { } never && never > 0)
        {
            var happened = points.Sum(p => p.Weight);
            points.Add((horizon + 1, never < 1 ? happened * never / (1 - never) : 1));
        }
        var total = points.Sum(p => p.Weight);
        double toObserved = 0, weightBelow = 0, weightedValueBelow = 0, between = 0;
        foreach (var (value, weight) in points.OrderBy(p => p.Value))
        {
            var w = weight / total;
            toObserved += w * Math.Abs(value - observed);
            between += 2 * w * (value * weightBelow - weightedValueBelow);
            weightBelow += w;
            weightedValueBelow += w * value;
        }
        return toObserved - between / 2;
    }

    private static List<ScoreSummary> Summaries(IReadOnlyList<ForecastScore> scores)
    {
        var probabilities = scores.Where(s => s.Kind == "probability").ToList();
        // A categorical outcome is one forecast: its Brier score is the sum over its states; its log score that of the state observed.
        var categoricals = scores.Where(s => s.Kind == "categorical").GroupBy(s => (s.Folder, s.Outcome))
            .Select(g => (Brier: g.Sum(s => s.Brier!.Value), LogScore: g.Single(s => s.Happened == true).LogScore!.Value)).ToList();
        return
        [
            new ScoreSummary("probability", probabilities.Count, Mean(probabilities.Select(s => s.Brier!.Value)), Mean(probabilities.Select(s => s.LogScore!.Value))),
            new ScoreSummary("categorical", categoricals.Count, Mean(categoricals.Select(c => c.Brier)), Mean(categoricals.Select(c => c.LogScore))),
        ];
    }

    /// <summary>Every event and state forecast in ten bins of probability: [0, 0.1), …, [0.9, 1].</summary>
    public static IReadOnlyList<CalibrationBin> Calibrate(IReadOnlyList<ForecastScore> scores)
    {
        var events = scores.Where(s => s.Happened is not null).ToList();
        return Enumerable.Range(0, CalibrationBins).Select(bin =>
        {
            var inBin = events.Where(s => Math.Min(CalibrationBins - 1, (int)Math.Floor(s.Forecast * CalibrationBins)) == bin).ToList();
            var happened = inBin.Count(s => s.Happened == true);
            return new CalibrationBin((double)bin / CalibrationBins, (double)(bin + 1) / CalibrationBins, inBin.Count, happened,
                Mean(inBin.Select(s => s.Forecast)), inBin.Count == 0 ? double.NaN : (double)happened / inBin.Count,
                ConfidenceIntervals.Wilson(happened, inBin.Count));
        }).ToList();
    }

    private static double Mean(IEnumerable<double> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? double.NaN : list.Sum() / list.Count;
    }
}
