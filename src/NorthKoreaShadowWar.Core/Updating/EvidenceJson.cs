using System.Text.Json;
using System.Text.Json.Nodes;

namespace NorthKoreaShadowWar.Updating;

/// <summary>
/// The <c>evidence</c> block an update adds to summary.json (see docs/updating.md): effective sample size, log
/// marginal likelihood with its standard error, parameters and outcomes prior against posterior, events still open.
/// Numbers that are not finite become null.
/// </summary>
internal static class EvidenceJson
{
    /// <summary>
    /// Adds <paramref name="evidence"/> to the summary.json at <paramref name="path"/>; the evidence file's SHA-256 is
    /// <paramref name="fileSha256"/> when given (a merge of shards, which read a copy), else that of the file now.
    /// </summary>
    public static void AddTo(string path, EvidenceSummary evidence, MoveSummary? moves = null, string? fileSha256 = null)
    {
        var root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        var node = Node(evidence, moves);
        node["fileSha256"] = fileSha256 ?? Sha256Of(evidence.File);
        root["evidence"] = node;
        File.WriteAllText(path, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    /// <summary>The block as a JSON object; with <paramref name="moves"/> of sequential Monte Carlo, a <c>moves</c> object in it.</summary>
    public static JsonObject Node(EvidenceSummary e, MoveSummary? moves = null)
    {
        var node = Block(e);
        if (moves is not null && e.Method == "smc")
            node["moves"] = new JsonObject
            {
                ["sweeps"] = moves.Sweeps,
                ["proposed"] = moves.Proposed,
                ["accepted"] = moves.Accepted,
                ["acceptanceRate"] = N(moves.AcceptanceRate),
            };
        return node;
    }

    private static JsonObject Block(EvidenceSummary e) => new()
    {
        ["file"] = e.File,
        ["asOf"] = e.AsOf,
        ["method"] = e.Method,
        ["particles"] = e.Particles,
        ["blocks"] = e.Blocks,
        ["blockSize"] = UpdateSettings.BlockSize,
        ["ess"] = N(e.Ess),
        ["distinctOrigins"] = e.DistinctOrigins,
        ["effectiveDraws"] = N(e.EffectiveDraws),
        ["minimumEss"] = e.MinimumEss,
        ["logMarginalLikelihood"] = N(e.LogMarginalLikelihood),
        ["logMarginalLikelihoodSe"] = N(e.LogMarginalLikelihoodSe),
        ["observations"] = e.Observations,
        ["seconds"] = N(e.Seconds),
        ["parameters"] = new JsonObject(e.Parameters.Select(p => KeyValuePair.Create(p.Name, (JsonNode?)new JsonObject
        {
            ["priorMean"] = N(p.PriorMean),
            ["prior90"] = new JsonArray(N(p.Prior90.P05), N(p.Prior90.P95)),
            ["posteriorMean"] = N(p.PosteriorMean),
            ["posteriorMeanSe"] = N(p.PosteriorMeanSe),
            ["posterior90"] = new JsonArray(N(p.Posterior90.P05), N(p.Posterior90.P95)),
        }))),
        ["changes"] = Changes(e.Changes),
        ["openAtAsOf"] = new JsonArray(e.OpenEvents.Select(o => (JsonNode?)new JsonObject
        {
            ["outcome"] = o.Outcome,
            ["priorOpen"] = N(o.PriorOpen),
            ["posteriorOpen"] = N(o.PosteriorOpen),
            ["priorLater"] = N(o.PriorLater),
            ["posteriorLater"] = N(o.PosteriorLater),
        }).ToArray()),
    };

    /// <summary>
    /// Adds the block of an exact answer conditioned on <paramref name="evidence"/> to the summary.json at
    /// <paramref name="path"/>: the file, the log marginal likelihood (exact, so with no standard error) and the changes.
    /// </summary>
    public static void AddExactTo(string path, EvidenceFile evidence, double logMarginalLikelihood, IReadOnlyList<OutcomeShift> changes)
    {
        var root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        root["evidence"] = new JsonObject
        {
            ["file"] = evidence.Path,
            ["fileSha256"] = Sha256Of(evidence.Path),
            ["asOf"] = evidence.AsOf,
            ["method"] = "exact",
            ["logMarginalLikelihood"] = N(logMarginalLikelihood),
            ["logMarginalLikelihoodSe"] = 0,
            ["observations"] = evidence.Observations.Count,
            ["changes"] = Changes(changes),
        };
        File.WriteAllText(path, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    private static JsonArray Changes(IReadOnlyList<OutcomeShift> changes) => new(changes.Select(c => (JsonNode?)new JsonObject
    {
        ["outcome"] = c.Outcome,
        ["measure"] = c.Measure,
        ["prior"] = N(c.Prior),
        ["priorCi95"] = new JsonArray(N(c.PriorCi95.Lower), N(c.PriorCi95.Upper)),
        ["posterior"] = N(c.Posterior),
        ["posteriorCi95"] = new JsonArray(N(c.PosteriorCi95.Lower), N(c.PosteriorCi95.Upper)),
        ["shiftInPriorSd"] = N(c.StandardisedShift),
    }).ToArray());

    /// <summary>
    /// The SHA-256 of the evidence file (lower-case hex), so that <c>compare</c> can tell whether two updates were
    /// conditioned on the same evidence; null when the file cannot be read any more.
    /// </summary>
    private static string? Sha256Of(string file)
    {
        try
        {
            return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(file)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    private static JsonNode? N(double value) => double.IsFinite(value) ? JsonValue.Create(value) : null;
}
