using System.Text.Json;
using System.Text.Json.Nodes;

namespace NorthKoreaShadowWar.Checking;

/// <summary>check.json (see docs/checking.md): every number of a <see cref="CheckResult"/>; numbers that are not finite become null.</summary>
internal static class CheckJson
{
    public static string Write(CheckResult r) => new JsonObject
    {
        ["evidence"] = r.EvidenceFile,
        ["asOf"] = r.AsOf,
        ["seed"] = r.Seed,
        ["trials"] = r.Trials,
        ["replicates"] = r.Replicates,
        ["threshold"] = r.Threshold,
        ["logMarginalLikelihood"] = N(r.LogMarginalLikelihood),
        ["logMarginalLikelihoodSe"] = N(r.LogMarginalLikelihoodSe),
        ["effectiveDraws"] = N(r.EffectiveDraws),
        ["observations"] = new JsonArray(r.Observations.Select(o => (JsonNode?)new JsonObject
        {
            ["at"] = o.Position,
            ["observation"] = o.Description,
            ["source"] = o.Source,
            ["measure"] = o.Measure,
            ["prior"] = N(o.Alone),
            ["priorSe"] = N(o.AloneSe),
            ["givenOthers"] = N(o.GivenOthers),
            ["givenOthersEss"] = N(o.GivenOthersEss),
            ["posteriorPredictive"] = N(o.PosteriorPredictive),
            ["surprising"] = o.Alone < r.Threshold,
            ["notReproduced"] = o.PosteriorPredictive < r.Threshold,
            ["impossible"] = o.Impossible,
            ["note"] = o.Note,
            ["likelierWith"] = new JsonArray(o.Pulls.Select(p => (JsonNode?)new JsonObject
            {
                ["parameter"] = p.Parameter, ["priorMean"] = N(p.PriorMean), ["conditionedMean"] = N(p.ConditionedMean), ["moveInPriorSd"] = N(p.MoveInPriorSd),
            }).ToArray()),
        }).ToArray()),
        ["parameters"] = new JsonArray(r.Parameters.Select(p => (JsonNode?)new JsonObject
        {
            ["name"] = p.Name,
            ["priorMean"] = N(p.PriorMean), ["priorSd"] = N(p.PriorSd),
            ["posteriorMean"] = N(p.PosteriorMean), ["posteriorSd"] = N(p.PosteriorSd),
            ["moveInPriorSd"] = N(p.MoveInPriorSd), ["spreadRatio"] = N(p.SpreadRatio),
            ["posteriorBelowPrior05"] = N(p.BelowPrior05), ["posteriorAbovePrior95"] = N(p.AbovePrior95),
            ["informed"] = p.Informed, ["atEdge"] = p.AtEdge,
        }).ToArray()),
        ["outcomes"] = new JsonArray(r.Outcomes.Select(o => (JsonNode?)new JsonObject
        {
            ["outcome"] = o.Outcome,
            ["verdict"] = o.Verdict,
            ["sharedWithEvidence"] = new JsonArray(o.SharedWithEvidence.Select(s => (JsonNode?)s).ToArray()),
            ["parameters"] = new JsonArray(o.Parameters.Select(s => (JsonNode?)s).ToArray()),
            ["informedParameters"] = new JsonArray(o.InformedParameters.Select(s => (JsonNode?)s).ToArray()),
            ["priorVarianceOnParameters"] = N(o.ParameterVariance),
            ["priorVarianceOnInformedParameters"] = N(o.InformedVariance),
            ["measure"] = o.Measure, ["prior"] = N(o.Prior), ["posterior"] = N(o.Posterior), ["moveInPriorSd"] = N(o.MoveInPriorSd),
        }).ToArray()),
    }.ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    private static JsonNode? N(double value) => double.IsFinite(value) ? JsonValue.Create(value) : null;
}
