using System.Globalization;
using System.Text;
using NorthKoreaShadowWar.Updating;
using static NorthKoreaShadowWar.Reporting.HtmlReport;

namespace NorthKoreaShadowWar.Reporting;

/// <summary>
/// The section that opens an update's report: what the evidence changed (outcomes sorted by how far they moved), the
/// events still open at as_of, the effective sample size and marginal likelihood, and each parameter prior against
/// posterior. The rest of the report is the posterior's, as for a run.
/// </summary>
internal static class EvidenceReport
{
    /// <summary>The report's lead section for <paramref name="evidence"/>.</summary>
    public static ReportLead Lead(EvidenceSummary evidence) =>
        new(EvidencePlots.Build(evidence), plots => Render(evidence, plots)) { Findings = RunHeadlines.Of(evidence) };

    private static string Render(EvidenceSummary evidence, IReadOnlyList<(ReportPlot Plot, byte[] Png)> plots)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<h2>What the evidence changed</h2>\n<p>Conditioned on <code>{E(evidence.File)}</code> ({evidence.Observations} observations, "
            + $"up to step {evidence.AsOf}). Method {E(evidence.Method)}: effective sample size <b>{evidence.Ess:N0}</b> of {evidence.Particles:N0} particles, "
            + $"descending from {evidence.DistinctOrigins:N0} distinct trials (parameter draws); "
            + $"log marginal likelihood {Fixed(evidence.LogMarginalLikelihood)} ± {Fixed(evidence.LogMarginalLikelihoodSe)}.</p>\n");
        if (evidence.EffectiveDraws < evidence.MinimumEss)
            html.Append(CultureInfo.InvariantCulture, $"<p style=\"color:#b00\"><b>The effective sample size (or the number of distinct trials behind the particles) is below {evidence.MinimumEss:N0}: these posterior numbers are not to be trusted.</b></p>\n");
        html.Append("<p class=\"muted\">Every outcome, prior → posterior with 95% intervals, the largest moves first (move in prior standard deviations).</p>\n");
        html.Append("<table>\n<tr><th>outcome</th><th>measure</th><th>prior</th><th>posterior</th><th>move</th></tr>\n");
        foreach (var change in evidence.Changes)
        {
            var percent = change.Measure != "mean";
            string Show(double value, (double Lower, double Upper) ci) => percent
                ? $"{Percent(value)} [{Percent(ci.Lower)}, {Percent(ci.Upper)}]"
                : $"{Short(value)} [{Short(ci.Lower)}, {Short(ci.Upper)}]";
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(change.Outcome)}</td><td>{E(change.Measure)}</td><td class=\"n\">{Show(change.Prior, change.PriorCi95)}</td>"
                + $"<td class=\"n\">{Show(change.Posterior, change.PosteriorCi95)}</td><td class=\"n\">{Fixed(change.StandardisedShift)}</td></tr>\n");
        }
        html.Append("</table>\n");
        html.Append(string.Create(CultureInfo.InvariantCulture, $"<h2>Still open at step {evidence.AsOf}</h2>\n<p class=\"muted\">For each event: the chance it had not happened by step {evidence.AsOf}, ")
            + "and the chance it happens afterwards (within the outcome's window), before and after the evidence.</p>\n");
        html.Append("<table>\n<tr><th>event</th><th>open (prior)</th><th>open (posterior)</th><th>later (prior)</th><th>later (posterior)</th></tr>\n");
        foreach (var open in evidence.OpenEvents)
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(open.Outcome)}</td><td class=\"n\">{Percent(open.PriorOpen)}</td><td class=\"n\">{Percent(open.PosteriorOpen)}</td>"
                + $"<td class=\"n\">{Percent(open.PriorLater)}</td><td class=\"n\">{Percent(open.PosteriorLater)}</td></tr>\n");
        html.Append("</table>\n");
        html.Append("<h2>Parameters: prior and posterior</h2>\n<table>\n<tr><th>parameter</th><th>prior mean</th><th>prior 90%</th><th>posterior mean</th><th>posterior 90%</th></tr>\n");
        foreach (var p in evidence.Parameters)
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(p.Name)}</td><td class=\"n\">{Short(p.PriorMean)}</td><td class=\"n\">[{Short(p.Prior90.P05)}, {Short(p.Prior90.P95)}]</td>"
                + $"<td class=\"n\">{Short(p.PosteriorMean)}</td><td class=\"n\">[{Short(p.Posterior90.P05)}, {Short(p.Posterior90.P95)}]</td></tr>\n");
        html.Append("</table>\n");
        foreach (var (plot, png) in plots) Figure(html, plot, png);
        html.Append("<h2>The posterior forecast</h2>\n");
        return html.ToString();
    }

    /// <summary>A number in three significant figures (thousands separated from 100 up).</summary>
    internal static string Short(double value) =>
        !double.IsFinite(value) ? "–" : Math.Abs(value) >= 100 ? value.ToString("N0", CultureInfo.InvariantCulture) : value.ToString("G3", CultureInfo.InvariantCulture);

    private static string Fixed(double value) => double.IsFinite(value) ? value.ToString("0.00", CultureInfo.InvariantCulture) : "–";
}
