using System.Globalization;

namespace NorthKoreaShadowWar.Results;

/// <summary>
/// Checks that the numbers of a <see cref="RunResult"/> read back from <c>summary.json</c> could have been written by a
/// run: counts are not negative and fit the trials, probabilities and shares are between 0 and 1 and add up to 1 where
/// they must, intervals are ordered and contain their estimates, numbers that must be finite are. A file edited by hand
/// or damaged on disk is refused with the field at fault (e.g. <c>outcomes.lethal_aid.estimate</c>) instead of giving
/// impossible comparisons or scores (docs/compare.md, docs/backtesting.md).
/// </summary>
internal static class SummaryChecks
{
    /// <summary>Rounding allowed on a probability or a mean against its bounds.</summary>
    private const double Slack = 1e-9;

    /// <summary>Rounding allowed on shares that must add up to 1.</summary>
    private const double SumSlack = 1e-6;

    /// <summary>The first field of <paramref name="result"/> that no run could have written, and what is wrong with it; null when there is none.</summary>
    public static (string Field, string Problem)? Problem(RunResult result) =>
        Problems(result).Select(p => ((string, string)?)p).FirstOrDefault();

    private static IEnumerable<(string Field, string Problem)> Problems(RunResult result)
    {
        var manifest = result.Manifest;
        var sampled = manifest.Method == "monte-carlo";
        if (manifest.Trials < (sampled ? 1 : 0)) yield return ("trials", string.Create(CultureInfo.InvariantCulture, $"{manifest.Trials} trials: a run has at least 1"));
        if (manifest.Horizon < 1) yield return ("horizon", string.Create(CultureInfo.InvariantCulture, $"{manifest.Horizon} steps: the horizon is at least 1"));
        foreach (var problem in result.Outcomes.SelectMany(o => Outcome(o, manifest.Trials, sampled))) yield return problem;
        foreach (var problem in Occupancy(result.Occupancy, manifest.Horizon)) yield return problem;
        foreach (var problem in Performance(result.Performance)) yield return problem;
        if (result.Precision is { } precision)
            foreach (var problem in Precision(precision)) yield return problem;
        foreach (var (correlation, i) in result.Correlations.Select((c, i) => (c, i)))
            foreach (var problem in Correlation(correlation, string.Create(CultureInfo.InvariantCulture, $"correlations[{i}]"))) yield return problem;
    }

    private static IEnumerable<(string, string)> Outcome(OutcomeResult outcome, long trials, bool sampled)
    {
        var at = $"outcomes.{outcome.Name}";
        return outcome switch
        {
            ProbabilityResult p => Probability(p, at, trials, sampled),
            DistributionResult d => Distribution(d, at, trials, sampled),
            CategoricalResult c => Categorical(c, at),
            _ => [],
        };
    }

    private static IEnumerable<(string, string)> Probability(ProbabilityResult p, string at, long trials, bool sampled)
    {
        if (Negative(p.Successes) is { } successes) yield return ($"{at}.successes", successes);
        if (Negative(p.Trials) is { } negative) yield return ($"{at}.trials", negative);
        if (p.Successes > p.Trials && p.Trials > 0) yield return ($"{at}.successes", string.Create(CultureInfo.InvariantCulture, $"{p.Successes} successes in {p.Trials} trials"));
        if (sampled && p.Trials != trials) yield return ($"{at}.trials", string.Create(CultureInfo.InvariantCulture, $"{p.Trials}, but the run has {trials} trials"));
        if (NotProbability(p.Estimate) is { } estimate) yield return ($"{at}.estimate", estimate);
        else if (sampled && p.Trials > 0 && Math.Abs(p.Estimate - (double)p.Successes / p.Trials) > Slack)
            yield return ($"{at}.estimate", string.Create(CultureInfo.InvariantCulture, $"{Show(p.Estimate)} is not its successes over its trials ({p.Successes}/{p.Trials})"));
        else if (Interval(p.Ci95, p.Estimate, 0, 1) is { } interval) yield return ($"{at}.ci95", interval);
    }

    private static IEnumerable<(string, string)> Distribution(DistributionResult d, string at, long trials, bool sampled)
    {
        if (Negative(d.Count) is { } negative) yield return ($"{at}.count", negative);
        if (sampled && d.Count > trials) yield return ($"{at}.count", string.Create(CultureInfo.InvariantCulture, $"{d.Count} values from {trials} trials"));
        if (d.Never is { } never && NotProbability(never) is { } notNever) yield return ($"{at}.never", notNever);
        var values = sampled && d.Count > 0;
        foreach (var (field, value) in new[] { ("mean", d.Mean), ("min", d.Minimum), ("max", d.Maximum) })
            if (double.IsInfinity(value) || (values && double.IsNaN(value))) yield return ($"{at}.{field}", $"{Show(value)}: it must be a finite number");
        if (d.StandardDeviation < 0 || double.IsInfinity(d.StandardDeviation)) yield return ($"{at}.sd", $"{Show(d.StandardDeviation)} is not a standard deviation");
        if (d.Minimum > d.Maximum) yield return ($"{at}.min", $"{Show(d.Minimum)} is above the max {Show(d.Maximum)}");
        else if (Outside(d.Mean, d.Minimum, d.Maximum)) yield return ($"{at}.mean", $"{Show(d.Mean)} is outside [min, max] = [{Show(d.Minimum)}, {Show(d.Maximum)}]");
        if (!double.IsNaN(d.Mean) && Interval(d.Ci95, d.Mean, double.NegativeInfinity, double.PositiveInfinity) is { } interval) yield return ($"{at}.ci95", interval);
        var previous = double.NegativeInfinity;
        foreach (var (label, value) in d.Quantiles)
        {
            if (double.IsInfinity(value) || (values && double.IsNaN(value))) yield return ($"{at}.quantiles.{label}", $"{Show(value)}: it must be a finite number");
            else if (value < previous) yield return ($"{at}.quantiles.{label}", $"{Show(value)} is below the quantile before it ({Show(previous)})");
            else if (d.QuantilesExact && Outside(value, d.Minimum, d.Maximum)) yield return ($"{at}.quantiles.{label}", $"{Show(value)} is outside [min, max] = [{Show(d.Minimum)}, {Show(d.Maximum)}]");
            if (!double.IsNaN(value)) previous = value;
        }
        foreach (var (label, (lower, upper)) in d.QuantilesCi95)
            if (lower > upper) yield return ($"{at}.quantilesCi95.{label}", $"[{Show(lower)}, {Show(upper)}]: the low end is above the high end");
    }

    private static IEnumerable<(string, string)> Categorical(CategoricalResult c, string at)
    {
        foreach (var (category, probability, ci) in c.Categories)
        {
            if (NotProbability(probability) is { } problem) yield return ($"{at}.probabilities.{category}", problem);
            else if (Interval(ci, probability, 0, 1) is { } interval) yield return ($"{at}.ci95.{category}", interval);
        }
        var sum = c.Categories.Sum(x => x.Probability);
        if (c.Categories.Count > 0 && Math.Abs(sum - 1) > SumSlack) yield return ($"{at}.probabilities", $"they add up to {Show(sum)}, not 1");
    }

    private static IEnumerable<(string, string)> Occupancy(IReadOnlyList<MachineOccupancy> occupancy, int horizon)
    {
        foreach (var machine in occupancy)
        {
            var at = $"occupancy.{machine.Machine}";
            foreach (var (state, shares) in machine.States)
            {
                if (shares.Length != horizon + 1) yield return ($"{at}.{state}", string.Create(CultureInfo.InvariantCulture, $"{shares.Length} shares, not one for each of the {horizon + 1} steps 0..{horizon}"));
                for (var t = 0; t < shares.Length; t++)
                    if (NotProbability(shares[t]) is { } problem) yield return (string.Create(CultureInfo.InvariantCulture, $"{at}.{state}[{t}]"), problem);
            }
            for (var t = 0; t <= horizon && machine.States.All(s => s.Shares.Length > t); t++)
            {
                var sum = machine.States.Sum(s => s.Shares[t]);
                if (Math.Abs(sum - 1) > SumSlack) yield return (at, string.Create(CultureInfo.InvariantCulture, $"at step {t} the shares of its states add up to {Show(sum)}, not 1"));
            }
        }
    }

    private static IEnumerable<(string, string)> Performance(RunPerformance performance)
    {
        if (performance.Threads < 1) yield return ("performance.threads", string.Create(CultureInfo.InvariantCulture, $"{performance.Threads}: a run has at least 1 thread"));
        if (Negative(performance.MachineSteps) is { } steps) yield return ("performance.machineSteps", steps);
        if (!(performance.SimulateSeconds >= 0) || double.IsInfinity(performance.SimulateSeconds))
            yield return ("performance.simulateSeconds", $"{Show(performance.SimulateSeconds)} is not a time in seconds");
        if (Negative(performance.PeakWorkingSetBytes) is { } peak) yield return ("performance.peakWorkingSetBytes", peak);
    }

    private static IEnumerable<(string, string)> Precision(PrecisionSummary precision)
    {
        if (!(precision.Target > 0) || double.IsInfinity(precision.Target)) yield return ("precision.target", $"{Show(precision.Target)} is not a half-width");
        if (Negative(precision.Trials) is { } trials) yield return ("precision.trials", trials);
        if (Negative(precision.MaximumTrials) is { } maximum) yield return ("precision.maxTrials", maximum);
        foreach (var (batch, b) in precision.Batches.Select((batch, b) => (batch, b)))
        {
            if (Negative(batch.Trials) is { } negative) yield return (string.Create(CultureInfo.InvariantCulture, $"precision.batches[{b}].trials"), negative);
            foreach (var (measure, i) in batch.Measures.Select((m, i) => (m, i)))
                if (!double.IsNaN(measure.Estimate) && Interval(measure.Ci95, measure.Estimate, double.NegativeInfinity, double.PositiveInfinity) is { } interval)
                    yield return (string.Create(CultureInfo.InvariantCulture, $"precision.batches[{b}].intervals[{i}].ci95"), interval);
        }
    }

    private static IEnumerable<(string, string)> Correlation(CorrelationResult correlation, string at)
    {
        if (!(Math.Abs(correlation.Target) <= 1)) yield return ($"{at}.target", $"{Show(correlation.Target)} is not a correlation: it must be between -1 and 1");
        if (Math.Abs(correlation.Achieved) > 1 + Slack || double.IsInfinity(correlation.Achieved))
            yield return ($"{at}.achieved", $"{Show(correlation.Achieved)} is not a correlation: it must be between -1 and 1");
        else if (!double.IsNaN(correlation.Achieved) && Interval(correlation.Ci95, correlation.Achieved, -1, 1) is { } interval) yield return ($"{at}.ci95", interval);
        if (Negative(correlation.Trials) is { } trials) yield return ($"{at}.trials", trials);
    }

    private static string? Negative(long count) => count < 0 ? string.Create(CultureInfo.InvariantCulture, $"{count} is negative") : null;

    private static string? NotProbability(double value) =>
        double.IsNaN(value) ? "missing (null): it must be a probability between 0 and 1"
        : value < -Slack || value > 1 + Slack ? $"{Show(value)} is not a probability: it must be between 0 and 1"
        : null;

    /// <summary>Why <paramref name="interval"/> is not an interval around <paramref name="estimate"/> within [low, high]; null when it is.</summary>
    private static string? Interval((double Lower, double Upper) interval, double estimate, double low, double high)
    {
        var (lower, upper) = interval;
        var shown = $"[{Show(lower)}, {Show(upper)}]";
        if (double.IsNaN(lower) != double.IsNaN(upper)) return $"{shown}: one end is missing";
        if (double.IsNaN(lower)) return null;
        if (lower > upper) return $"{shown}: the low end is above the high end";
        if (lower < low - Slack || upper > high + Slack) return $"{shown} goes beyond [{Show(low)}, {Show(high)}]";
        return Outside(estimate, lower, upper) ? $"{shown} does not contain the estimate {Show(estimate)}" : null;
    }

    /// <summary>True when <paramref name="value"/> lies outside [<paramref name="low"/>, <paramref name="high"/>] by more than rounding; false when any is not a number.</summary>
    private static bool Outside(double value, double low, double high)
    {
        if (double.IsNaN(value) || double.IsNaN(low) || double.IsNaN(high)) return false;
        var scale = Slack * Math.Max(1, Math.Max(Math.Abs(low), Math.Abs(high)));
        return value < low - scale || value > high + scale;
    }

    private static string Show(double value) => double.IsNaN(value) ? "null" : value.ToString("R", CultureInfo.InvariantCulture);
}
