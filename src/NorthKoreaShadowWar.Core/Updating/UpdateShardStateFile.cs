using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using NorthKoreaShadowWar.Files;
using NorthKoreaShadowWar.Shards;

namespace NorthKoreaShadowWar.Updating;

/// <summary>
/// Reads and writes <see cref="UpdateShardState.FileName"/> (see docs/updating.md, "Sharded updates"): JSON with a
/// format name and version, the update's identity, and the shard's blocks. A block's arrays (weights, outcomes,
/// parameters, event flags, occupancy) are the little-endian bytes of their numbers in base64, so reading gives back
/// the same bits. The last field is the SHA-256 of the content before it, as in shard-state.json (docs/cluster.md).
/// </summary>
internal static class UpdateShardStateFile
{
    /// <summary>The value of the file's <c>format</c> field.</summary>
    public const string Format = "shadowwar-update-shard-state";

    /// <summary>The version of the layout written; files of other versions are refused.</summary>
    public const int Version = 1;

    /// <summary>Writes <paramref name="state"/> to <paramref name="path"/>, with the SHA-256 of its content last.</summary>
    public static void Write(UpdateShardState state, string path) => ChecksummedJson.Write(Content(state), path);

    private static byte[] Content(UpdateShardState state) => ChecksummedJson.Content(json => WriteContent(state, json));

    private static void WriteContent(UpdateShardState state, Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("format", Format);
        json.WriteNumber("version", Version);
        json.WriteString("engineVersion", state.EngineVersion);
        json.WriteString("scenario", state.Scenario);
        json.WriteString("scenarioFile", state.ScenarioFile);
        json.WriteString("scenarioSha256", state.ScenarioSha256);
        json.WriteString("scenarioCopy", ShardState.ScenarioCopyFileName);
        json.WriteString("evidenceFile", state.EvidenceFile);
        json.WriteString("evidenceSha256", state.EvidenceSha256);
        json.WriteString("evidenceCopy", UpdateShardState.EvidenceCopyFileName);
        json.WriteString("variant", state.Variant);
        json.WriteStartArray("overrides");
        foreach (var item in state.Overrides) json.WriteStringValue(item);
        json.WriteEndArray();
        json.WriteNumber("seed", state.Seed);
        json.WriteNumber("totalTrials", state.TotalTrials);
        json.WriteString("method", MethodName(state.Method));
        json.WriteNumber("moves", state.Moves);
        json.WriteNumber("index", state.Range.Index);
        json.WriteNumber("count", state.Range.Count);
        json.WriteNumber("firstBlock", state.Range.FirstBlock);
        json.WriteNumber("blocks", state.Range.Blocks);
        json.WriteNumber("blockSize", UpdateSettings.BlockSize);
        json.WriteNumber("threads", state.Threads);
        json.WriteNumber("seconds", state.Seconds);
        Blocks(json, "posterior", state.Posterior);
        Blocks(json, "prior", state.Prior);
        json.WriteEndObject();
    }

    internal static string MethodName(UpdateMethod method) => method == UpdateMethod.Smc ? "smc" : "importance";

    private static void Blocks(Utf8JsonWriter json, string name, IReadOnlyList<ParticleBlock> blocks)
    {
        json.WriteStartArray(name);
        foreach (var block in blocks)
        {
            json.WriteStartObject();
            json.WriteNumber("index", block.Index);
            if (double.IsNegativeInfinity(block.MaxLogWeight)) json.WriteNull("maxLogWeight");
            else json.WriteNumber("maxLogWeight", block.MaxLogWeight);
            json.WriteNumber("lastKiller", block.LastKiller);
            json.WriteNumber("distinctOrigins", block.DistinctOrigins);
            json.WriteNumber("movesProposed", block.MovesProposed);
            json.WriteNumber("movesAccepted", block.MovesAccepted);
            json.WriteBase64String("weights", Bytes(block.Weights));
            json.WriteBase64String("outcomes", Bytes(block.Outcomes));
            json.WriteBase64String("parameters", Bytes(block.Parameters));
            json.WriteBase64String("openEvents", block.OpenEvents);
            json.WriteBase64String("weightedOccupancy", Bytes(block.WeightedOccupancy));
            json.WriteBase64String("occupancy", Bytes(block.Occupancy));
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static ReadOnlySpan<byte> Bytes<T>(T[] values) where T : struct => MemoryMarshal.AsBytes(values.AsSpan());

    /// <summary>
    /// Reads the update shard state saved at <paramref name="path"/> (within <see cref="BoundedFile.ResultLimit"/>), checks
    /// that its blocks could come from an update and that they are those its checksum was computed on. The message of an
    /// error says what is wrong without naming the file, and names the field at fault.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is not an update shard state of this <see cref="Version"/>, or is damaged or was changed.</exception>
    /// <exception cref="UnreadableFileException">The file cannot be read: missing, not a regular file, too large.</exception>
    public static UpdateShardState Read(string path)
    {
        if (!BitConverter.IsLittleEndian) throw new InvalidDataException("update shard states are read on little-endian machines only");
        return ChecksummedJson.Read(path, Format, Version, "update shard state",
            version => string.Create(CultureInfo.InvariantCulture, $"update shard state format version {version}; this engine reads version {Version} (run the shards and the merge with the same engine)"),
            State, Problem, Content, "update");
    }

    private static UpdateShardState State(JsonElement root)
    {
        if (root.GetProperty("blockSize").GetInt32() is var blockSize && blockSize != UpdateSettings.BlockSize)
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"blockSize: {blockSize}, not this engine's {UpdateSettings.BlockSize}"));
        var method = root.GetProperty("method").GetString() switch
        {
            "smc" => UpdateMethod.Smc,
            "importance" => UpdateMethod.Importance,
            var other => throw new InvalidDataException($"method: '{other}' is not smc or importance"),
        };
        return new UpdateShardState
        {
            Scenario = root.GetProperty("scenario").GetString()!,
            ScenarioFile = root.GetProperty("scenarioFile").GetString()!,
            ScenarioSha256 = root.GetProperty("scenarioSha256").GetString()!,
            EvidenceFile = root.GetProperty("evidenceFile").GetString()!,
            EvidenceSha256 = root.GetProperty("evidenceSha256").GetString()!,
            EngineVersion = root.GetProperty("engineVersion").GetString()!,
            Variant = root.GetProperty("variant").GetString(),
            Overrides = [.. root.GetProperty("overrides").EnumerateArray().Select(o => o.GetString()!)],
            Seed = root.GetProperty("seed").GetUInt64(),
            TotalTrials = root.GetProperty("totalTrials").GetInt64(),
            Method = method,
            Moves = root.GetProperty("moves").GetInt32(),
            Range = new UpdateShardRange(root.GetProperty("index").GetInt32(), root.GetProperty("count").GetInt32(),
                root.GetProperty("firstBlock").GetInt32(), root.GetProperty("blocks").GetInt32()),
            Threads = root.GetProperty("threads").GetInt32(),
            Seconds = root.GetProperty("seconds").GetDouble(),
            Posterior = [.. root.GetProperty("posterior").EnumerateArray().Select(Block)],
            Prior = [.. root.GetProperty("prior").EnumerateArray().Select(Block)],
        };
    }

    private static ParticleBlock Block(JsonElement block) => new()
    {
        Index = block.GetProperty("index").GetInt32(),
        MaxLogWeight = block.GetProperty("maxLogWeight") is { ValueKind: JsonValueKind.Null } ? double.NegativeInfinity : block.GetProperty("maxLogWeight").GetDouble(),
        LastKiller = block.GetProperty("lastKiller").GetInt32(),
        DistinctOrigins = block.GetProperty("distinctOrigins").GetInt32(),
        MovesProposed = block.GetProperty("movesProposed").GetInt64(),
        MovesAccepted = block.GetProperty("movesAccepted").GetInt64(),
        Weights = Numbers<double>(block, "weights"),
        Outcomes = Numbers<float>(block, "outcomes"),
        Parameters = Numbers<float>(block, "parameters"),
        OpenEvents = block.GetProperty("openEvents").GetBytesFromBase64(),
        WeightedOccupancy = Numbers<double>(block, "weightedOccupancy"),
        Occupancy = Numbers<long>(block, "occupancy"),
    };

    private static T[] Numbers<T>(JsonElement block, string name) where T : struct
    {
        var bytes = block.GetProperty(name).GetBytesFromBase64();
        var size = Marshal.SizeOf<T>();
        if (bytes.Length % size != 0) throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"{name}: {bytes.Length} bytes, not whole numbers of {size} bytes"));
        return MemoryMarshal.Cast<byte, T>(bytes).ToArray();
    }

    /// <summary>What no shard could have written, as <c>FIELD: problem</c>, or null; what needs the scenario is <see cref="UpdateShardState.FitProblem"/>.</summary>
    private static string? Problem(UpdateShardState state)
    {
        if (state.Range.Blocks < 1 || state.Range.FirstBlock < 0) return string.Create(CultureInfo.InvariantCulture, $"blocks: shard {state.Range.Index}/{state.Range.Count} records {state.Range.Blocks} blocks from block {state.Range.FirstBlock}");
        if (state.Posterior.Count != state.Range.Blocks) return string.Create(CultureInfo.InvariantCulture, $"posterior: {state.Posterior.Count} blocks, not the shard's {state.Range.Blocks}");
        var priorBlocks = state.Method == UpdateMethod.Smc ? state.Range.Blocks : 0;
        if (state.Prior.Count != priorBlocks) return string.Create(CultureInfo.InvariantCulture, $"prior: {state.Prior.Count} blocks, not {priorBlocks}");
        foreach (var (list, blocks) in new[] { ("posterior", state.Posterior), ("prior", state.Prior) })
            for (var b = 0; b < blocks.Count; b++)
                if (BlockProblem(blocks[b], state.Range.FirstBlock + b) is { } problem) return string.Create(CultureInfo.InvariantCulture, $"{list}[{b}].{problem}");
        return null;
    }

    private static string? BlockProblem(ParticleBlock block, int index) =>
        block.Index != index ? string.Create(CultureInfo.InvariantCulture, $"index: {block.Index}, not {index}")
        : double.IsNaN(block.MaxLogWeight) || double.IsPositiveInfinity(block.MaxLogWeight) ? string.Create(CultureInfo.InvariantCulture, $"maxLogWeight: {block.MaxLogWeight} is not a log weight")
        : block.Weights.Length != UpdateSettings.BlockSize ? string.Create(CultureInfo.InvariantCulture, $"weights: {block.Weights.Length} weights, not {UpdateSettings.BlockSize}")
        : block.Weights.Any(w => !(w >= 0 && w <= 1)) ? "weights: a weight is outside [0, 1]"
        : block.DistinctOrigins < 0 || block.DistinctOrigins > UpdateSettings.BlockSize ? string.Create(CultureInfo.InvariantCulture, $"distinctOrigins: {block.DistinctOrigins} is not a count of at most {UpdateSettings.BlockSize} particles")
        : block.LastKiller < -1 ? string.Create(CultureInfo.InvariantCulture, $"lastKiller: {block.LastKiller} is not an observation")
        : block.MovesProposed < 0 || block.MovesAccepted < 0 || block.MovesAccepted > block.MovesProposed ? string.Create(CultureInfo.InvariantCulture, $"movesAccepted: {block.MovesAccepted} of {block.MovesProposed} proposed")
        : block.Occupancy.Length != block.WeightedOccupancy.Length ? string.Create(CultureInfo.InvariantCulture, $"weightedOccupancy: {block.WeightedOccupancy.Length} cells, not the {block.Occupancy.Length} of occupancy")
        : null;
}
