using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Updating;

namespace NorthKoreaShadowWar.Cli.Explorer;

/// <summary>The answer to <c>POST /api/run</c>: a run's outcomes; for an update, the posterior's, with the prior's and what the evidence did beside them.</summary>
internal sealed record RunAnswer(
    string Scenario, string? Variant, IReadOnlyList<string> Overrides, ulong Seed, long Trials, long SimulatedTrials, double ElapsedMilliseconds,
    double SimulateMilliseconds, int Threads, IEnumerable<object> Outcomes, IReadOnlyList<FieldDiagnostic> Warnings)
{
    /// <summary>For an update: the prior's trials and outcomes.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PriorAnswer? Prior { get; init; }

    /// <summary>For an update: the <c>evidence</c> block of an update's summary.json (see docs/updating.md).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonObject? Evidence { get; init; }
}

/// <summary>The prior beside a posterior: as many trials of the scenario as there are particles, unweighted.</summary>
internal sealed record PriorAnswer(long Trials, IEnumerable<object> Outcomes);

/// <summary>The results of a run as the page reads them: every outcome with its 95% interval; numbers that are not finite become null.</summary>
internal static class RunJson
{
    /// <summary>
    /// The answer for <paramref name="result"/>, which took <paramref name="elapsed"/> to compute and for which
    /// <paramref name="simulated"/> trials were run (0 when it was answered from memory).
    /// </summary>
    public static RunAnswer From(RunResult result, long simulated, TimeSpan elapsed, IReadOnlyList<FieldDiagnostic> warnings)
    {
        var manifest = result.Manifest;
        return new RunAnswer(manifest.ScenarioFile, manifest.Variant, manifest.Overrides, manifest.Seed, manifest.Trials, simulated,
            Math.Round(elapsed.TotalMilliseconds, 1), Math.Round(result.Performance.SimulateSeconds * 1000, 1), result.Performance.Threads,
            result.Outcomes.Select(Outcome), warnings);
    }

    /// <summary>The answer for an update: the posterior's outcomes, the prior's beside them, and the evidence block.</summary>
    public static RunAnswer From(UpdateResult update, long simulated, TimeSpan elapsed, IReadOnlyList<FieldDiagnostic> warnings) =>
        From(update.Posterior, simulated, elapsed, warnings) with
        {
            Prior = new PriorAnswer(update.Prior.Manifest.Trials, update.Prior.Outcomes.Select(Outcome)),
            Evidence = EvidenceJson.Node(update.Evidence, update.Moves),
        };

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
