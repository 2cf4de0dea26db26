using NorthKoreaShadowWar.Results;

namespace NorthKoreaShadowWar.Cli.Explorer;

/// <summary>The results of a run as the page reads them: every outcome with its 95% interval; numbers that are not finite become null.</summary>
internal static class RunJson
{
    /// <summary>
    /// The JSON-ready answer for <paramref name="result"/>, which took <paramref name="elapsed"/> to compute and for which
    /// <paramref name="simulated"/> trials were run (0 when it was answered from memory).
    /// </summary>
    public static object From(RunResult result, long simulated, TimeSpan elapsed, IReadOnlyList<FieldDiagnostic> warnings)
    {
        var manifest = result.Manifest;
        return new
        {
            scenario = manifest.ScenarioFile,
            variant = manifest.Variant,
            overrides = manifest.Overrides,
            seed = manifest.Seed,
            trials = manifest.Trials,
            simulatedTrials = simulated,
            elapsedMilliseconds = Math.Round(elapsed.TotalMilliseconds, 1),
            simulateMilliseconds = Math.Round(result.Performance.SimulateSeconds * 1000, 1),
            threads = result.Performance.Threads,
            outcomes = result.Outcomes.Select(Outcome),
            warnings,
        };
    }

    private static object Outcome(OutcomeResult outcome) => outcome switch
    {
        ProbabilityResult p => new
        {
            name = p.Name, kind = p.Kind, estimate = Finite(p.Estimate), ci95 = Interval(p.Ci95), successes = p.Successes, trials = p.Trials,
        },
        DistributionResult d => new
        {
            name = d.Name, kind = d.Kind, mean = Finite(d.Mean), ci95 = Interval(d.Ci95), standardDeviation = Finite(d.StandardDeviation),
            quantiles = d.Quantiles.ToDictionary(q => q.Label, q => Finite(q.Value)),
            never = d.Never is { } never ? Finite(never) : null, count = d.Count, minimum = Finite(d.Minimum), maximum = Finite(d.Maximum),
        },
        CategoricalResult c => (object)new
        {
            name = c.Name, kind = c.Kind,
            categories = c.Categories.Select(k => new { state = k.Category, probability = Finite(k.Probability), ci95 = Interval(k.Ci95) }),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome.Kind, "unknown kind of outcome"),
    };

    private static double?[] Interval((double Lower, double Upper) interval) => [Finite(interval.Lower), Finite(interval.Upper)];

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
