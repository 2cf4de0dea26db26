using System.Globalization;
using System.Text.Json;
using NorthKoreaShadowWar.Files;
using NorthKoreaShadowWar.Statistics;

namespace NorthKoreaShadowWar.Shards;

/// <summary>
/// Reads and writes <see cref="ShardState.FileName"/>: JSON with a format name and version, the run's identity and the
/// shard's exact totals. Doubles are written in their shortest round-trip form, so reading gives back the same bits.
/// Block moments are <c>[count, mean, sumOfSquares, min, max]</c>; sketch entries are <c>[value or bucket, count]</c>.
/// The last field, <see cref="ChecksumField"/>, is the SHA-256 of the bytes before it (closed as an object), so an edit
/// is caught even where the numbers would still look possible (docs/cluster.md).
/// </summary>
internal static class ShardStateFile
{
    /// <summary>The value of the file's <c>format</c> field.</summary>
    public const string Format = "shadowwar-shard-state";

    /// <summary>The version of the layout written; files of other versions are refused.</summary>
    public const int Version = 2;

    /// <summary>The field that holds the SHA-256 of everything before it, the file's last.</summary>
    public const string ChecksumField = ChecksummedJson.ChecksumField;

    /// <summary>Writes <paramref name="state"/> to <paramref name="path"/>, with the SHA-256 of its content last.</summary>
    public static void Write(ShardState state, string path) => ChecksummedJson.Write(Content(state), path);

    /// <summary>
    /// The file's content without its checksum: one JSON object, always the same bytes for the same state, so the
    /// checksum of a state read back can be computed again and compared with the one the file holds.
    /// </summary>
    private static byte[] Content(ShardState state) => ChecksummedJson.Content(json => WriteContent(state, json));

    private static void WriteContent(ShardState state, Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("format", Format);
        json.WriteNumber("version", Version);
        json.WriteString("engineVersion", state.EngineVersion);
        json.WriteString("scenario", state.Scenario);
        json.WriteString("scenarioFile", state.ScenarioFile);
        json.WriteString("scenarioSha256", state.ScenarioSha256);
        json.WriteString("scenarioCopy", ShardState.ScenarioCopyFileName);
        json.WriteString("variant", state.Variant);
        json.WriteStartArray("overrides");
        foreach (var item in state.Overrides) json.WriteStringValue(item);
        json.WriteEndArray();
        json.WriteNumber("seed", state.Seed);
        json.WriteNumber("totalTrials", state.TotalTrials);
        json.WriteNumber("index", state.Range.Index);
        json.WriteNumber("count", state.Range.Count);
        json.WriteNumber("firstTrial", state.Range.FirstTrial);
        json.WriteNumber("trials", state.Range.Trials);
        json.WriteNumber("horizon", state.Horizon);
        json.WriteNumber("threads", state.Threads);
        json.WriteNumber("machineSteps", state.MachineSteps);
        json.WriteNumber("simulateSeconds", state.SimulateSeconds);
        Longs(json, "occupancy", state.Occupancy);
        Histograms(json, "firstStep", state.FirstStep);
        Histograms(json, "stepsIn", state.StepsIn);
        json.WriteStartArray("values");
        for (var v = 0; v < state.BlockMoments.Length; v++)
        {
            json.WriteStartObject();
            json.WriteStartArray("blockMoments");
            foreach (var block in state.BlockMoments[v])
            {
                json.WriteStartArray();
                json.WriteNumberValue(block.Count);
                json.WriteNumberValue(block.Mean);
                json.WriteNumberValue(block.SumOfSquares);
                json.WriteNumberValue(block.Minimum);
                json.WriteNumberValue(block.Maximum);
                json.WriteEndArray();
            }
            json.WriteEndArray();
            var sketch = state.Sketches[v];
            json.WriteStartObject("sketch");
            json.WriteNumber("count", sketch.Count);
            json.WriteNumber("zeros", sketch.Zeros);
            json.WriteBoolean("overflowed", sketch.Overflowed);
            json.WriteStartArray("exact");
            foreach (var (value, count) in sketch.Exact)
            {
                json.WriteStartArray();
                json.WriteNumberValue(value);
                json.WriteNumberValue(count);
                json.WriteEndArray();
            }
            json.WriteEndArray();
            Buckets(json, "positive", sketch.Positive);
            Buckets(json, "negative", sketch.Negative);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>
    /// Reads the shard state saved at <paramref name="path"/> (within <see cref="BoundedFile.ResultLimit"/>), checks that
    /// its numbers could come from a run (<see cref="ShardStateChecks"/>) and that they are those its checksum was
    /// computed on. The message of an error says what is wrong without naming the file, and names the field at fault.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is not a shard state of this <see cref="Version"/>, or is damaged or was changed.</exception>
    /// <exception cref="UnreadableFileException">The file cannot be read: missing, not a regular file, too large.</exception>
    public static ShardState Read(string path) => ChecksummedJson.Read(path, Format, Version, "shard state",
        version => string.Create(CultureInfo.InvariantCulture, $"shard state format version {version}; this engine reads version {Version}")
            + (version < Version ? ", whose files carry a checksum of their content (run the shards again with this engine)" : " (run the shards and the merge with the same engine)"),
        State, state => ShardStateChecks.Problem(state) is var (field, problem) ? $"{field}: {problem}" : null, Content, "run");

    private static ShardState State(JsonElement root)
    {
        var index = root.GetProperty("index").GetInt32();
        var count = root.GetProperty("count").GetInt32();
        var values = root.GetProperty("values").EnumerateArray().ToList();
        return new ShardState
        {
            Scenario = root.GetProperty("scenario").GetString()!,
            ScenarioFile = root.GetProperty("scenarioFile").GetString()!,
            ScenarioSha256 = root.GetProperty("scenarioSha256").GetString()!,
            EngineVersion = root.GetProperty("engineVersion").GetString()!,
            Variant = root.GetProperty("variant").GetString(),
            Overrides = [.. root.GetProperty("overrides").EnumerateArray().Select(o => o.GetString()!)],
            Seed = root.GetProperty("seed").GetUInt64(),
            TotalTrials = root.GetProperty("totalTrials").GetInt64(),
            Range = new ShardRange(index, count, root.GetProperty("firstTrial").GetInt64(), root.GetProperty("trials").GetInt64()),
            Horizon = root.GetProperty("horizon").GetInt32(),
            Threads = root.GetProperty("threads").GetInt32(),
            MachineSteps = root.GetProperty("machineSteps").GetInt64(),
            SimulateSeconds = root.GetProperty("simulateSeconds").GetDouble(),
            Occupancy = Longs(root.GetProperty("occupancy")),
            FirstStep = [.. root.GetProperty("firstStep").EnumerateArray().Select(Longs)],
            StepsIn = [.. root.GetProperty("stepsIn").EnumerateArray().Select(Longs)],
            BlockMoments = [.. values.Select(v => v.GetProperty("blockMoments").EnumerateArray().Select(Moments).ToArray())],
            Sketches = [.. values.Select(v => Sketch(v.GetProperty("sketch")))],
        };
    }

    private static RunningMoments Moments(JsonElement block) => new()
    {
        Count = block[0].GetInt64(),
        Mean = block[1].GetDouble(),
        SumOfSquares = block[2].GetDouble(),
        Minimum = block[3].GetDouble(),
        Maximum = block[4].GetDouble(),
    };

    private static QuantileSketchContents Sketch(JsonElement sketch) => new(
        sketch.GetProperty("count").GetInt64(),
        sketch.GetProperty("zeros").GetInt64(),
        sketch.GetProperty("overflowed").GetBoolean(),
        [.. sketch.GetProperty("exact").EnumerateArray().Select(e => (e[0].GetDouble(), e[1].GetInt64()))],
        [.. sketch.GetProperty("positive").EnumerateArray().Select(e => (e[0].GetInt32(), e[1].GetInt64()))],
        [.. sketch.GetProperty("negative").EnumerateArray().Select(e => (e[0].GetInt32(), e[1].GetInt64()))]);

    private static long[] Longs(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetInt64())];

    private static void Longs(Utf8JsonWriter json, string name, long[] values)
    {
        json.WritePropertyName(name);
        Longs(json, values);
    }

    private static void Longs(Utf8JsonWriter json, long[] values)
    {
        json.WriteStartArray();
        foreach (var value in values) json.WriteNumberValue(value);
        json.WriteEndArray();
    }

    private static void Histograms(Utf8JsonWriter json, string name, long[][] histograms)
    {
        json.WriteStartArray(name);
        foreach (var histogram in histograms) Longs(json, histogram);
        json.WriteEndArray();
    }

    private static void Buckets(Utf8JsonWriter json, string name, IReadOnlyList<(int Bucket, long Count)> buckets)
    {
        json.WriteStartArray(name);
        foreach (var (bucket, count) in buckets)
        {
            json.WriteStartArray();
            json.WriteNumberValue(bucket);
            json.WriteNumberValue(count);
            json.WriteEndArray();
        }
        json.WriteEndArray();
    }
}
