using System.Globalization;
using System.Text.Json;
using NorthKoreaShadowWar.Files;

namespace NorthKoreaShadowWar.Results;

/// <summary>
/// Reads a <c>summary.json</c> written by <see cref="SummaryJsonWriter"/> back into a <see cref="RunResult"/>: the
/// manifest, every outcome with its intervals, quantiles and their intervals, occupancy, performance, correlations
/// and a precision run's batches. Writing the result again gives the same bytes. What the file does not hold is
/// left empty: a distribution's <see cref="DistributionResult.Points"/> and a correlation's draws. Keys this engine
/// does not know are ignored, so a file from a newer engine that only adds keys still reads. The file is read within
/// <see cref="BoundedFile.ResultLimit"/>, and what it says is checked (<see cref="SummaryChecks"/>): a file edited by
/// hand or damaged on disk is refused rather than turned into impossible numbers.
/// </summary>
internal static class SummaryJsonReader
{
    /// <summary>The file a results folder keeps its summary in.</summary>
    public const string FileName = "summary.json";

    /// <summary>Reads <c>summary.json</c> of the results folder <paramref name="folder"/>.</summary>
    /// <exception cref="SummaryJsonException">The folder has no summary.json, or it cannot be read as one.</exception>
    public static RunResult ReadFolder(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!Directory.Exists(folder)) throw new SummaryJsonException(folder, "no such results folder");
        if (!File.Exists(path)) throw new SummaryJsonException(folder, $"this folder has no {FileName}; give a results folder written by 'shadowwar run'");
        return Read(path);
    }

    /// <summary>Reads the summary.json at <paramref name="path"/>.</summary>
    /// <exception cref="SummaryJsonException">The file is missing, is not JSON, or is not a summary.json this engine can read.</exception>
    public static RunResult Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = BoundedFile.Read(path, BoundedFile.ResultLimit);
        }
        catch (UnreadableFileException e)
        {
            throw new SummaryJsonException(path, e.Message, inner: e);
        }
        return Read(bytes, path);
    }

    /// <summary>Reads summary.json text already in memory; <paramref name="path"/> names it in messages.</summary>
    /// <exception cref="SummaryJsonException">The text is not JSON, or not a summary.json this engine can read.</exception>
    public static RunResult Read(byte[] bytes, string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException e)
        {
            // System.Text.Json counts lines and byte positions from 0.
            throw new SummaryJsonException(path, $"not valid JSON: {FirstSentence(e.Message)}", (e.LineNumber ?? 0) + 1, (e.BytePositionInLine ?? 0) + 1, e);
        }
        using (document)
        {
            RunResult result;
            try
            {
                result = Reader.Run(document.RootElement);
            }
            catch (InvalidOperationException e)
            {
                throw new SummaryJsonException(path, $"not a summary.json this engine can read: {e.Message}", inner: e);
            }
            if (SummaryChecks.Problem(result) is var (field, problem)) throw new SummaryJsonException(path, $"{field}: {problem}");
            return result;
        }
    }

    /// <summary>JsonException messages go on to name internal paths after the first sentence; the position is given apart.</summary>
    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        var sentence = end < 0 ? message : message[..end];
        return sentence.Length > 0 && char.IsUpper(sentence[0]) ? char.ToLowerInvariant(sentence[0]) + sentence[1..] : sentence;
    }

    /// <summary>
    /// Walks the document; every problem of shape is an <see cref="InvalidOperationException"/> whose message says
    /// where in the document it is (e.g. <c>outcomes.first.quantiles</c>), turned into a <see cref="SummaryJsonException"/> above.
    /// </summary>
    private static class Reader
    {
        public static RunResult Run(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object) throw Problem("the file", "must be a JSON object");
            var manifest = new RunManifest(
                String(root, "scenario", ""), NullableString(root, "title", ""), NullableString(root, "variant", ""),
                ULong(root, "seed", ""), Long(root, "trials", ""), (int)Long(root, "horizon", ""), String(root, "step", ""),
                String(root, "scenarioSha256", ""), String(root, "engineVersion", ""),
                Array(root, "overrides", "").Select(o => o.GetString() ?? throw Problem("overrides", "must hold strings")).ToList(),
                String(root, "scenarioFile", ""))
            {
                Method = String(root, "method", ""),
            };
            var outcomes = Object(root, "outcomes", "").EnumerateObject().Select(o => Outcome(o, manifest.Trials)).ToList();
            var occupancy = Object(root, "occupancy", "").EnumerateObject().Select(machine => new MachineOccupancy(machine.Name,
                Object(machine.Value, $"occupancy.{machine.Name}").EnumerateObject()
                    .Select(state => (state.Name, Numbers(state.Value, $"occupancy.{machine.Name}.{state.Name}"))).ToList())).ToList();
            var performance = Object(root, "performance", "");
            var result = new RunResult(manifest, outcomes, occupancy, new RunPerformance(
                (int)Long(performance, "threads", "performance"), Long(performance, "machineSteps", "performance"),
                Double(performance, "simulateSeconds", "performance"), Long(performance, "peakWorkingSetBytes", "performance")));
            if (root.TryGetProperty("precision", out var precision)) result = result with { Precision = Precision(precision) };
            if (root.TryGetProperty("correlations", out var correlations)) result = result with { Correlations = Correlations(correlations) };
            return result;
        }

        private static OutcomeResult Outcome(JsonProperty property, long trials)
        {
            var name = property.Name;
            var where = $"outcomes.{name}";
            var outcome = Object(property.Value, where);
            var definition = String(outcome, "definition", where);
            switch (String(outcome, "kind", where))
            {
                case "probability":
                    return new ProbabilityResult(name, definition, Double(outcome, "estimate", where), Interval(Required(outcome, "ci95", where), $"{where}.ci95"),
                        Long(outcome, "successes", where), Long(outcome, "trials", where));
                case "distribution":
                    var count = Long(outcome, "count", where);
                    var quantiles = Object(outcome, "quantiles", where).EnumerateObject()
                        .Select(q => (q.Name, Number(q.Value, $"{where}.quantiles.{q.Name}"))).ToList();
                    // A side the values cannot bound is written as null: infinite; with no values at all, not a number.
                    var unbounded = count == 0 ? (double.NaN, double.NaN) : (double.NegativeInfinity, double.PositiveInfinity);
                    var quantileCis = outcome.TryGetProperty("quantilesCi95", out var cis)
                        ? Object(cis, $"{where}.quantilesCi95").EnumerateObject()
                            .Select(q => (q.Name, Interval(q.Value, $"{where}.quantilesCi95.{q.Name}", unbounded))).ToList()
                        : [];
                    return new DistributionResult(name, definition, Double(outcome, "mean", where), Interval(Required(outcome, "ci95", where), $"{where}.ci95"),
                        Double(outcome, "sd", where), quantiles,
                        outcome.TryGetProperty("never", out var never) ? Number(never, $"{where}.never") : null,
                        count, Double(outcome, "min", where), Double(outcome, "max", where), Bool(outcome, "quantilesExact", where))
                    {
                        QuantilesCi95 = quantileCis,
                        Trials = trials,
                    };
                case "categorical":
                    var intervals = Object(outcome, "ci95", where);
                    return new CategoricalResult(name, definition, Object(outcome, "probabilities", where).EnumerateObject()
                        .Select(c => (c.Name, Number(c.Value, $"{where}.probabilities.{c.Name}"),
                            Interval(Required(intervals, c.Name, $"{where}.ci95"), $"{where}.ci95.{c.Name}"))).ToList());
                case var kind:
                    throw Problem(where, $"has kind '{kind}', which this engine ({ResultsBuilder.EngineVersion}) does not know; it may have been written by a newer engine");
            }
        }

        private static PrecisionSummary Precision(JsonElement precision)
        {
            const string where = "precision";
            var batches = Array(precision, "batches", where).Select((batch, b) =>
            {
                var at = string.Create(CultureInfo.InvariantCulture, $"{where}.batches[{b}]");
                var measures = Array(batch, "intervals", at).Select((m, i) =>
                {
                    var there = string.Create(CultureInfo.InvariantCulture, $"{at}.intervals[{i}]");
                    var kindText = String(m, "kind", there);
                    if (!Enum.TryParse<PrecisionMeasureKind>(kindText, ignoreCase: true, out var kind)) throw Problem($"{there}.kind", $"is '{kindText}', not a kind this engine knows");
                    return new PrecisionMeasure(String(m, "outcome", there), NullableString(m, "category", there), kind, Double(m, "estimate", there),
                        Interval(Required(m, "ci95", there), $"{there}.ci95"), Double(m, "allowedHalfWidth", there));
                }).ToList();
                return new PrecisionBatch(Long(batch, "trials", at), measures);
            }).ToList();
            return new PrecisionSummary(Double(precision, "target", where), Long(precision, "maxTrials", where),
                Bool(precision, "met", where), Long(precision, "trials", where), batches);
        }

        private static IReadOnlyList<CorrelationResult> Correlations(JsonElement correlations)
        {
            if (correlations.ValueKind != JsonValueKind.Array) throw Problem("correlations", "must be a list");
            return correlations.EnumerateArray().Select((c, i) =>
            {
                var where = string.Create(CultureInfo.InvariantCulture, $"correlations[{i}]");
                var between = Array(c, "between", where).Select(p => p.GetString() ?? "").ToList();
                if (between.Count != 2) throw Problem($"{where}.between", "must name two parameters");
                return new CorrelationResult(between[0], between[1], Double(c, "target", where), Double(c, "achieved", where),
                    Interval(Required(c, "ci95", where), $"{where}.ci95"), Long(c, "trials", where))
                {
                    Description = NullableString(c, "description", where),
                };
            }).ToList();
        }

        private static JsonElement Required(JsonElement owner, string key, string where)
        {
            if (owner.ValueKind != JsonValueKind.Object) throw Problem(where, "must be a JSON object");
            return owner.TryGetProperty(key, out var value) ? value : throw Problem(Join(where, key), "is missing");
        }

        private static JsonElement Object(JsonElement owner, string key, string where)
        {
            var value = Required(owner, key, where);
            return value.ValueKind == JsonValueKind.Object ? value : throw Problem(Join(where, key), "must be a JSON object");
        }

        private static JsonElement Object(JsonElement value, string where) =>
            value.ValueKind == JsonValueKind.Object ? value : throw Problem(where, "must be a JSON object");

        private static IEnumerable<JsonElement> Array(JsonElement owner, string key, string where)
        {
            var value = Required(owner, key, where);
            return value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : throw Problem(Join(where, key), "must be a list");
        }

        private static string String(JsonElement owner, string key, string where) =>
            NullableString(owner, key, where) ?? throw Problem(Join(where, key), "must be a string");

        private static string? NullableString(JsonElement owner, string key, string where)
        {
            if (!owner.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null) return null;
            return value.ValueKind == JsonValueKind.String ? value.GetString() : throw Problem(Join(where, key), "must be a string");
        }

        private static long Long(JsonElement owner, string key, string where)
        {
            var value = Required(owner, key, where);
            return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number : throw Problem(Join(where, key), "must be a whole number");
        }

        private static ulong ULong(JsonElement owner, string key, string where)
        {
            var value = Required(owner, key, where);
            return value.ValueKind == JsonValueKind.Number && value.TryGetUInt64(out var number) ? number : throw Problem(Join(where, key), "must be a whole number of at least 0");
        }

        private static bool Bool(JsonElement owner, string key, string where) => Required(owner, key, where).ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Problem(Join(where, key), "must be true or false"),
        };

        private static double Double(JsonElement owner, string key, string where) => Number(Required(owner, key, where), Join(where, key));

        /// <summary>A number; null (how the writer records a number that is not finite) reads as not a number.</summary>
        private static double Number(JsonElement value, string where) => value.ValueKind switch
        {
            JsonValueKind.Number => value.GetDouble(),
            JsonValueKind.Null => double.NaN,
            _ => throw Problem(where, "must be a number"),
        };

        private static double[] Numbers(JsonElement value, string where) =>
            value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Select(v => Number(v, where)).ToArray() : throw Problem(where, "must be a list of numbers");

        private static (double Lower, double Upper) Interval(JsonElement value, string where, (double Lower, double Upper)? whenNull = null)
        {
            if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() != 2) throw Problem(where, "must be an interval [low, high]");
            var lower = value[0].ValueKind == JsonValueKind.Null && whenNull is { } l ? l.Lower : Number(value[0], where);
            var upper = value[1].ValueKind == JsonValueKind.Null && whenNull is { } u ? u.Upper : Number(value[1], where);
            return (lower, upper);
        }

        private static string Join(string where, string key) => where.Length == 0 ? key : $"{where}.{key}";

        private static InvalidOperationException Problem(string where, string message) => new($"\"{where}\" {message}");
    }
}
