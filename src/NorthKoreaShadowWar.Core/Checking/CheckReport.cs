using System.Globalization;
using System.Text;

namespace NorthKoreaShadowWar.Checking;

/// <summary>
/// The checks in words: <see cref="Summary"/> is what the terminal prints, <see cref="Markdown"/> the report.md of the
/// results folder (the summary, then every observation, parameter and outcome in a table).
/// </summary>
internal static class CheckReport
{
    /// <summary>Below this share of its prior variance on informed parameters, an outcome has little to learn through them.</summary>
    private const double LittleVariance = 0.05;

    /// <summary>The findings: impossible statements, surprising observations, what cannot learn, what the posterior does not reproduce.</summary>
    public static IReadOnlyList<string> Summary(CheckResult r)
    {
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"{r.EvidenceFile}: {r.Observations.Count} observations up to step {r.AsOf}; {r.Trials:N0} prior trials, {r.Replicates:N0} from the posterior (seed {r.Seed}); "
                + $"log marginal likelihood {D(r.LogMarginalLikelihood)} ± {D(r.LogMarginalLikelihoodSe)}, {r.EffectiveDraws:N0} effective draws"),
        };
        var impossible = r.Observations.Where(o => o.Impossible is not null).ToList();
        lines.Add($"Possible at all? {(impossible.Count == 0 ? "the scenario can produce every observation" : string.Create(CultureInfo.InvariantCulture, $"{impossible.Count} state what the scenario cannot produce (kept only as reports that may be wrong):"))}");
        lines.AddRange(impossible.Select(o => $"  {o.Position}: {o.Description}: {o.Impossible}{(o.Note is null ? "" : $" ({o.Note})")}"));
        var surprising = r.Surprising.ToList();
        lines.Add($"Surprising? {(surprising.Count == 0 ? $"no observation has a prior probability below {P(r.Threshold)}" : string.Create(CultureInfo.InvariantCulture, $"{surprising.Count} below {P(r.Threshold)} under the prior, least likely first:"))}");
        lines.AddRange(surprising.Select(o => $"  {P(o.Alone)} (given the others {P(o.GivenOthers)}) {o.Description}"
            + (o.Pulls.Count == 0 ? "" : "; likelier with " + string.Join(", ", o.Pulls.Select(Pull)))));
        var informed = r.Parameters.Where(p => p.Informed).Select(p => p.Name).ToList();
        lines.Add($"Can it learn? parameters the evidence informs: {List(informed)}; not: {List(r.Parameters.Where(p => !p.Informed).Select(p => p.Name))}");
        foreach (var verdict in new[] { "independent", "path only" })
        {
            var outcomes = r.Outcomes.Where(o => o.Verdict == verdict).Select(o => o.Outcome).ToList();
            if (outcomes.Count > 0)
                lines.Add(verdict == "independent" ? $"  independent of the evidence (posterior = prior): {List(outcomes)}"
                    : $"  moved only through the states observed, on no informed parameter: {List(outcomes)}");
        }
        var weak = r.Outcomes.Where(o => o.Verdict == "parameters" && o.InformedVariance < LittleVariance).ToList();
        if (weak.Count > 0)
            lines.Add($"  less than {P(LittleVariance)} of the prior variance on informed parameters (the rest on parameters the evidence does not inform, or on chance): "
                + string.Join(", ", weak.Select(o => $"{o.Outcome} ({P(o.InformedVariance)} of {P(o.ParameterVariance)})")));
        var learning = r.Outcomes.Where(o => o.Verdict == "parameters" && o.InformedVariance >= LittleVariance).ToList();
        if (learning.Count > 0)
            lines.Add("  learning through informed parameters: " + string.Join(", ", learning.Select(o => $"{o.Outcome} ({P(o.InformedVariance)})")));
        var misfits = r.Observations.Where(o => o.PosteriorPredictive < r.Threshold).ToList();
        var edges = r.Parameters.Where(p => p.AtEdge).ToList();
        lines.Add($"Posterior predictive: {(misfits.Count == 0 ? $"every observation is reproduced with probability {P(r.Threshold)} or more" : string.Create(CultureInfo.InvariantCulture, $"{misfits.Count} not reproduced by the posterior:"))}");
        lines.AddRange(misfits.Select(o => $"  {P(o.PosteriorPredictive)} {o.Description}"));
        lines.Add(edges.Count == 0 ? "  no parameter is pushed to the edge of its prior"
            : "  pushed to the edge of the prior (half the posterior or more beyond its 5th or 95th percentile): "
              + string.Join(", ", edges.Select(p => $"{p.Name} ({P(Math.Max(p.BelowPrior05, p.AbovePrior95))} beyond the {(p.AbovePrior95 >= p.BelowPrior05 ? "95th" : "5th")})")));
        return lines;
    }

    /// <summary>report.md: the summary, then the tables.</summary>
    public static string Markdown(CheckResult r, string scenario)
    {
        var s = new StringBuilder();
        s.AppendLine(CultureInfo.InvariantCulture, $"# Checks of {scenario} against {r.EvidenceFile}").AppendLine().AppendLine("```");
        foreach (var line in Summary(r)) s.AppendLine(line);
        s.AppendLine("```").AppendLine().AppendLine("## Observations").AppendLine()
            .AppendLine("| where | observation | measure | prior | given the others (ESS) | posterior predictive | structure |")
            .AppendLine("|---|---|---|---:|---:|---:|---|");
        foreach (var o in r.Observations)
            s.AppendLine(CultureInfo.InvariantCulture, $"| {o.Position} | {Cell(o.Description)} | {o.Measure} | {P(o.Alone)} ± {P(o.AloneSe)} | {P(o.GivenOthers)} ({o.GivenOthersEss:N0}) | {P(o.PosteriorPredictive)} | {Cell(o.Impossible ?? "")}{(o.Note is null ? "" : " — " + Cell(o.Note))} |");
        s.AppendLine().AppendLine("## Parameters, prior against posterior").AppendLine()
            .AppendLine("| parameter | prior mean (sd) | posterior mean (sd) | move in prior sd | spread ratio | posterior below prior p05 / above p95 | |")
            .AppendLine("|---|---:|---:|---:|---:|---:|---|");
        foreach (var p in r.Parameters)
            s.AppendLine(CultureInfo.InvariantCulture, $"| {p.Name} | {G(p.PriorMean)} ({G(p.PriorSd)}) | {G(p.PosteriorMean)} ({G(p.PosteriorSd)}) | {F(p.MoveInPriorSd)} | {F(p.SpreadRatio)} | {P(p.BelowPrior05)} / {P(p.AbovePrior95)} | {(p.AtEdge ? "at the edge" : p.Informed ? "informed" : "")} |");
        s.AppendLine().AppendLine("## Outcomes: can the evidence move them?").AppendLine()
            .AppendLine("| outcome | verdict | machines and variables shared with the evidence | informed parameters it depends on | prior variance on its drawn parameters | on the informed ones | measure | prior | posterior | move in prior sd |")
            .AppendLine("|---|---|---|---|---:|---:|---|---:|---:|---:|");
        foreach (var o in r.Outcomes)
            s.AppendLine(CultureInfo.InvariantCulture, $"| {o.Outcome} | {o.Verdict} | {List(o.SharedWithEvidence)} | {List(o.InformedParameters)} | {P(o.ParameterVariance)} | {P(o.InformedVariance)} | {o.Measure} | {G(o.Prior)} | {G(o.Posterior)} | {F(o.MoveInPriorSd)} |");
        return s.ToString();
    }

    private static string Pull(ParameterPull p) => $"{(p.MoveInPriorSd > 0 ? "higher" : "lower")} {p.Parameter} ({F(p.MoveInPriorSd)} sd)";

    private static string List(IEnumerable<string> names) => names.Any() ? string.Join(", ", names) : "none";

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    private static string P(double value) => double.IsFinite(value)
        ? value is > 0 and < 0.0001 ? "<0.01%" : (100 * value).ToString(value < 0.01 ? "0.00" : "0.0", CultureInfo.InvariantCulture) + "%"
        : "–";

    private static string F(double value) => double.IsFinite(value) ? value.ToString("+0.00;−0.00;0.00", CultureInfo.InvariantCulture) : "–";

    private static string D(double value) => double.IsFinite(value) ? value.ToString("0.00;−0.00", CultureInfo.InvariantCulture) : "–";

    private static string G(double value) => double.IsFinite(value) ? value.ToString("G4", CultureInfo.InvariantCulture) : "–";
}
