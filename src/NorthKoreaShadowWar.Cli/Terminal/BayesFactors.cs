using System.Globalization;
using NorthKoreaShadowWar.Statistics;
using NorthKoreaShadowWar.Updating;

namespace NorthKoreaShadowWar.Cli.Terminal;

/// <summary>
/// Bayes factors of variants against the base scenario from their log marginal likelihoods: log BF = log Z_v − log Z_base,
/// with standard error √(se_v² + se_base²) (independent estimates) and a 95% interval exp(log BF ± 1.96 se).
/// </summary>
internal static class BayesFactors
{
    internal sealed record Row(string Variant, double LogZ, double LogZSe, double Ess, double LogBayesFactor, double LogBayesFactorSe, string? Impossible)
    {
        public double Factor => Math.Exp(LogBayesFactor);
        public (double Lower, double Upper) Ci95 => (Math.Exp(LogBayesFactor - ConfidenceIntervals.Z95 * LogBayesFactorSe), Math.Exp(LogBayesFactor + ConfidenceIntervals.Z95 * LogBayesFactorSe));
    }

    public static IReadOnlyList<Row> Table(IReadOnlyList<(string Variant, EvidenceSummary? Evidence, string? Problem)> rows) =>
        Table(rows.Select(r => (r.Variant, r.Evidence is { } e ? (e.LogMarginalLikelihood, e.LogMarginalLikelihoodSe, e.EffectiveDraws) : ((double, double, double)?)null, r.Problem)).ToList());

    /// <summary>The rows against the first: each with its log Z, its standard error and its effective draws, or null and why the evidence is impossible under it.</summary>
    public static IReadOnlyList<Row> Table(IReadOnlyList<(string Variant, (double LogZ, double Se, double EffectiveDraws)? Evidence, string? Problem)> rows)
    {
        var baseline = rows[0].Evidence;
        return rows.Select(r =>
        {
            if (r.Evidence is not { } e) return new Row(r.Variant, double.NegativeInfinity, double.NaN, 0, double.NegativeInfinity, double.NaN, r.Problem);
            var logBf = baseline is null ? double.NaN : e.LogZ - baseline.Value.LogZ;
            var se = baseline is null ? double.NaN : r.Variant == rows[0].Variant ? 0 : Math.Sqrt(Sq(e.Se) + Sq(baseline.Value.Se));
            return new Row(r.Variant, e.LogZ, e.Se, e.EffectiveDraws, logBf, se, null);
        }).ToList();
    }

    public static IEnumerable<string> Csv(IReadOnlyList<Row> table) =>
        ["variant,log_marginal_likelihood,log_marginal_likelihood_se,effective_draws,bayes_factor_vs_base,bayes_factor_ci95_lower,bayes_factor_ci95_upper,impossible_under",
         .. table.Select(r => string.Join(",", r.Variant, N(r.LogZ), N(r.LogZSe), N(r.Ess), N(r.Factor), N(r.Ci95.Lower), N(r.Ci95.Upper),
             r.Impossible is null ? "" : "\"" + r.Impossible.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""))];

    public static string Show(Row row) =>
        row.Impossible is not null ? $"0 (evidence impossible: {row.Impossible})"
        : $"{G(row.Factor)} [{G(row.Ci95.Lower)}, {G(row.Ci95.Upper)}]";

    private static double Sq(double x) => x * x;

    private static string N(double value) => double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : "";

    private static string G(double value) => double.IsFinite(value) ? value.ToString("G3", CultureInfo.InvariantCulture) : "–";
}
