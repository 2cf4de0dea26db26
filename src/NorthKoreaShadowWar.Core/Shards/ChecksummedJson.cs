using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NorthKoreaShadowWar.Files;

namespace NorthKoreaShadowWar.Shards;

/// <summary>
/// The shard state files' integrity check (see docs/cluster.md): one JSON object whose last field,
/// <see cref="ChecksumField"/>, is the SHA-256 of the bytes before it (closed as an object). A reader computes the
/// content again from what it read and compares, so an edit is caught even where the numbers would still look possible.
/// </summary>
internal static class ChecksummedJson
{
    /// <summary>The field that holds the SHA-256 of everything before it, the file's last.</summary>
    public const string ChecksumField = "contentSha256";

    /// <summary>The object <paramref name="write"/> writes, without indentation: the same bytes for the same state.</summary>
    public static byte[] Content(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false }))
            write(json);
        return stream.ToArray();
    }

    /// <summary>Writes <paramref name="content"/> (one JSON object) to <paramref name="path"/>, with its SHA-256 as the last field.</summary>
    public static void Write(byte[] content, string path)
    {
        using var stream = File.Create(path);
        stream.Write(content.AsSpan(0, content.Length - 1));
        stream.Write(Encoding.UTF8.GetBytes($",\"{ChecksumField}\":\"{Sha256(content)}\"}}"));
    }

    /// <summary>The lowercase hex SHA-256 of <paramref name="content"/>.</summary>
    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>
    /// Reads the state file at <paramref name="path"/> (within <see cref="BoundedFile.ResultLimit"/>): a JSON object with
    /// <c>"format": <paramref name="format"/></c> and <c>"version": <paramref name="version"/></c> (else
    /// <paramref name="otherVersion"/> of the version found says why not), read by <paramref name="read"/>; then
    /// <paramref name="problem"/> (what no shard could have written, <c>FIELD: problem</c>) and the checksum, computed again
    /// from <paramref name="content"/> of what was read. <paramref name="name"/> names the kind of file in messages.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is not of this format and version, or is damaged or was changed.</exception>
    /// <exception cref="UnreadableFileException">The file cannot be read: missing, not a regular file, too large.</exception>
    public static T Read<T>(string path, string format, int version, string name, Func<int, string> otherVersion, Func<JsonElement, T> read,
        Func<T, string?> problem, Func<T, byte[]> content, string run)
    {
        var bytes = BoundedFile.Read(path, BoundedFile.ResultLimit);
        T state;
        string? checksum;
        try
        {
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var formatField) || formatField.ValueKind != JsonValueKind.String || formatField.GetString() != format)
                throw new InvalidDataException($"not {("aeiou".Contains(name[0], StringComparison.Ordinal) ? "an" : "a")} {name} file (no \"format\": \"{format}\")");
            var found = root.GetProperty("version").GetInt32();
            if (found != version) throw new InvalidDataException(otherVersion(found));
            state = read(root);
            checksum = root.TryGetProperty(ChecksumField, out var sum) ? sum.GetString() : null;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or IndexOutOfRangeException)
        {
            throw new InvalidDataException($"damaged {name} file: {e.Message}", e);
        }
        if (problem(state) is { } wrong) throw new InvalidDataException(wrong);
        if (Problem(checksum, content(state), run) is { } changed) throw new InvalidDataException(changed);
        return state;
    }

    /// <summary>
    /// Why <paramref name="checksum"/> (read from the file) is not that of <paramref name="content"/> (computed again from
    /// what was read), as <c>FIELD: problem</c>, or null when it is.
    /// </summary>
    private static string? Problem(string? checksum, byte[] content, string what) =>
        checksum is null ? $"{ChecksumField}: missing; the file was cut short or edited"
        : checksum != Sha256(content) ? $"{ChecksumField}: the numbers in the file are not those the shard wrote (their SHA-256 differs); it was changed or damaged after the {what}: run the shard again"
        : null;
}
