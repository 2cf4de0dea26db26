using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

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

    /// <summary>The checksum the file holds, or null when it has none.</summary>
    public static string? Checksum(JsonElement root) => root.TryGetProperty(ChecksumField, out var sum) ? sum.GetString() : null;

    /// <summary>
    /// Why <paramref name="checksum"/> (read from the file) is not that of <paramref name="content"/> (computed again from
    /// what was read), as <c>FIELD: problem</c>, or null when it is.
    /// </summary>
    public static string? Problem(string? checksum, byte[] content, string what) =>
        checksum is null ? $"{ChecksumField}: missing; the file was cut short or edited"
        : checksum != Sha256(content) ? $"{ChecksumField}: the numbers in the file are not those the shard wrote (their SHA-256 differs); it was changed or damaged after the {what}: run the shard again"
        : null;
}
