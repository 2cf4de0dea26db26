using System.Text.Json;

namespace NorthKoreaShadowWar.Results;

/// <summary>Writes <c>summary.json</c> in the shape the README's "Results" section describes (numbers that are not finite become null).</summary>
internal static class SummaryJsonWriter
{
    /// <summary>Writes <paramref name="result"/> to <paramref name="path"/>.</summary>
    public static void Write(RunResult result, string path)
    {
        using var stream = File.Create(path);
        Write(result, stream);
    }

    /// <summary>Writes <paramref name="result"/> to <paramref name="stream"/>.</summary>
    public static void Write(RunResult result, Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        var manifest = result.Manifest;
        json.WriteStartObject();
        json.WriteString("scenario", manifest.Scenario);
        json.WriteString("title", manifest.Title);
        json.WriteString("variant", manifest.Variant);
        json.WriteNumber("seed", manifest.Seed);
        json.WriteNumber("trials", manifest.Trials);
        if (result.TrialsRequested is { } requested)
        {
            json.WriteBoolean("partial", true);
            json.WriteNumber("trialsCompleted", manifest.Trials);
            json.WriteNumber("trialsRequested", requested);
        }
        json.WriteNumber("horizon", manifest.Horizon);
        json.WriteString("step", manifest.Step);
        json.WriteString("scenarioSha256", manifest.ScenarioSha256);
        json.WriteString("scenarioFile", manifest.ScenarioFile);
        json.WriteString("engineVersion", manifest.EngineVersion);
        json.WriteString("method", manifest.Method);
        json.WriteStartArray("overrides");
        foreach (var item in manifest.Overrides) json.WriteStringValue(item);
        json.WriteEndArray();
        json.WriteStartObject("outcomes");
        foreach (var outcome in result.Outcomes) WriteOutcome(json, outcome);
        json.WriteEndObject();
        json.WriteStartObject("occupancy");
        foreach (var machine in result.Occupancy)
        {
            json.WriteStartObject(machine.Machine);
            foreach (var (state, shares) in machine.States)
            {
                json.WriteStartArray(state);
                foreach (var share in shares) Number(json, share);
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        json.WriteEndObject();
        var performance = result.Performance;
        json.WriteStartObject("performance");
        json.WriteNumber("threads", performance.Threads);
        json.WriteNumber("machineSteps", performance.MachineSteps);
        json.WriteNumber("simulateSeconds", performance.SimulateSeconds);
        json.WriteNumber("nsPerMachineStep", performance.NanosecondsPerMachineStep);
        json.WriteNumber("peakWorkingSetBytes", performance.PeakWorkingSetBytes);
        json.WriteEndObject();
        if (result.Shard is { } shard) WriteShard(json, shard);
        if (result.Precision is { } precision) WritePrecision(json, precision);
        if (result.Correlations.Count > 0) WriteCorrelations(json, result.Correlations);
        json.WriteEndObject();
    }

    /// <summary>The extension <c>"correlations"</c>: each correlated pair's target and achieved rank correlation.</summary>
    private static void WriteCorrelations(Utf8JsonWriter json, IReadOnlyList<CorrelationResult> correlations)
    {
        json.WriteStartArray("correlations");
        foreach (var c in correlations)
        {
            json.WriteStartObject();
            json.WriteStartArray("between");
            json.WriteStringValue(c.First);
            json.WriteStringValue(c.Second);
            json.WriteEndArray();
            Number(json, "target", c.Target);
            Number(json, "achieved", c.Achieved);
            Interval(json, "ci95", c.Ci95);
            json.WriteNumber("trials", c.Trials);
            if (c.Description is { } description) json.WriteString("description", description);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary>The extension <c>"shard"</c>: which shard of a run this folder holds (<c>run --shard K/N</c>).</summary>
    private static void WriteShard(Utf8JsonWriter json, ShardInfo shard)
    {
        json.WriteStartObject("shard");
        json.WriteNumber("index", shard.Index);
        json.WriteNumber("count", shard.Count);
        json.WriteNumber("firstTrial", shard.FirstTrial);
        json.WriteNumber("trials", shard.Trials);
        json.WriteNumber("totalTrials", shard.TotalTrials);
        json.WriteEndObject();
    }

    /// <summary>The extension <c>"precision"</c>: the target, whether it was met, and every batch's intervals.</summary>
    private static void WritePrecision(Utf8JsonWriter json, PrecisionSummary precision)
    {
        json.WriteStartObject("precision");
        json.WriteNumber("target", precision.Target);
        json.WriteBoolean("met", precision.Met);
        json.WriteNumber("trials", precision.Trials);
        json.WriteNumber("maxTrials", precision.MaximumTrials);
        json.WriteStartArray("batches");
        foreach (var batch in precision.Batches)
        {
            json.WriteStartObject();
            json.WriteNumber("trials", batch.Trials);
            json.WriteBoolean("met", batch.Met);
            json.WriteStartArray("intervals");
            foreach (var measure in batch.Measures)
            {
                json.WriteStartObject();
                json.WriteString("outcome", measure.Outcome);
                if (measure.Category is { } category) json.WriteString("category", category);
                json.WriteString("kind", measure.Kind.ToString().ToLowerInvariant());
                Number(json, "estimate", measure.Estimate);
                Interval(json, "ci95", measure.Ci95);
                Number(json, "halfWidth", measure.HalfWidth);
                Number(json, "allowedHalfWidth", measure.AllowedHalfWidth);
                json.WriteBoolean("met", measure.Met);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteOutcome(Utf8JsonWriter json, OutcomeResult outcome)
    {
        json.WriteStartObject(outcome.Name);
        json.WriteString("kind", outcome.Kind);
        json.WriteString("definition", outcome.Definition);
        switch (outcome)
        {
            case ProbabilityResult p:
                Number(json, "estimate", p.Estimate);
                Interval(json, "ci95", p.Ci95);
                json.WriteNumber("successes", p.Successes);
                json.WriteNumber("trials", p.Trials);
                break;
            case DistributionResult d:
                Number(json, "mean", d.Mean);
                Interval(json, "ci95", d.Ci95);
                Number(json, "sd", d.StandardDeviation);
                json.WriteStartObject("quantiles");
                foreach (var (label, value) in d.Quantiles) Number(json, label, value);
                json.WriteEndObject();
                if (d.QuantilesCi95.Count > 0)
                {
                    // An extension beside "quantiles": null marks a side the values cannot bound.
                    json.WriteStartObject("quantilesCi95");
                    foreach (var (label, ci) in d.QuantilesCi95) Interval(json, label, ci);
                    json.WriteEndObject();
                }
                json.WriteBoolean("quantilesExact", d.QuantilesExact);
                if (d.Never is { } never) Number(json, "never", never);
                json.WriteNumber("count", d.Count);
                Number(json, "min", d.Minimum);
                Number(json, "max", d.Maximum);
                break;
            case CategoricalResult c:
                json.WriteStartObject("probabilities");
                foreach (var (category, probability, _) in c.Categories) Number(json, category, probability);
                json.WriteEndObject();
                json.WriteStartObject("ci95");
                foreach (var (category, _, ci) in c.Categories) Interval(json, category, ci);
                json.WriteEndObject();
                break;
        }
        json.WriteEndObject();
    }

    private static void Interval(Utf8JsonWriter json, string name, (double Lower, double Upper) interval)
    {
        json.WriteStartArray(name);
        Number(json, interval.Lower);
        Number(json, interval.Upper);
        json.WriteEndArray();
    }

    private static void Number(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value)) json.WriteNumber(name, value);
        else json.WriteNull(name);
    }

    private static void Number(Utf8JsonWriter json, double value)
    {
        if (double.IsFinite(value)) json.WriteNumberValue(value);
        else json.WriteNullValue();
    }
}
