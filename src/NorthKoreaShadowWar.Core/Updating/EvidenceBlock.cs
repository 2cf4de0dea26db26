using System.Text.Json;
using NorthKoreaShadowWar.Results;

namespace NorthKoreaShadowWar.Updating;

/// <summary>
/// What <c>compare</c> needs of the <c>evidence</c> block that <c>update</c> (or <c>exact --evidence</c>) writes into a
/// results folder's summary.json (see docs/updating.md): the evidence file, its SHA-256 when recorded, and the log
/// marginal likelihood with its standard error.
/// </summary>
internal sealed record EvidenceBlock(string File, string? FileSha256, int AsOf, int Observations, string Method, double LogMarginalLikelihood, double LogMarginalLikelihoodSe, double EffectiveDraws)
{
    /// <summary>
    /// The block of the results folder <paramref name="folder"/>, or null when its summary.json has none (a run, not an
    /// update).
    /// </summary>
    /// <exception cref="SummaryJsonException">The summary.json cannot be read, or its evidence block lacks what is needed.</exception>
    public static EvidenceBlock? ReadFolder(string folder)
    {
        var path = Path.Combine(folder, SummaryJsonReader.FileName);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(System.IO.File.ReadAllBytes(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new SummaryJsonException(path, e.Message, inner: e);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("evidence", out var block)) return null;
            try
            {
                return new EvidenceBlock(
                    block.GetProperty("file").GetString() ?? "",
                    block.TryGetProperty("fileSha256", out var sha) ? sha.GetString() : null,
                    block.GetProperty("asOf").GetInt32(),
                    block.GetProperty("observations").GetInt32(),
                    block.GetProperty("method").GetString() ?? "",
                    Number(block, "logMarginalLikelihood", double.NegativeInfinity),
                    Number(block, "logMarginalLikelihoodSe", double.NaN),
                    Number(block, "effectiveDraws", double.NaN));
            }
            catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new SummaryJsonException(path, $"its evidence block is not one 'shadowwar update' writes: {e.Message}", inner: e);
            }
        }
    }

    /// <summary>True when both were conditioned on the same evidence: the same SHA-256 if both have one, else the same file, as_of and observations.</summary>
    public bool SameEvidenceAs(EvidenceBlock other) =>
        FileSha256 is not null && other.FileSha256 is not null
            ? FileSha256 == other.FileSha256
            : File == other.File && AsOf == other.AsOf && Observations == other.Observations;

    /// <summary>The file and, when recorded, the start of its SHA-256.</summary>
    public string Describe() => FileSha256 is { Length: >= 12 } sha ? $"{File} (SHA-256 {sha[..12]}…)" : File;

    /// <summary>A number of the block; <paramref name="missing"/> where it is null (not finite when written) or absent (exact answers have no effective draws).</summary>
    private static double Number(JsonElement block, string name, double missing) =>
        block.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : missing;
}
