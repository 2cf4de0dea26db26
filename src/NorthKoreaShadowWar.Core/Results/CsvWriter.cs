using System.Globalization;
using System.Text;

namespace NorthKoreaShadowWar.Results;

/// <summary>
/// Writes the tidy CSV files of a results folder (RFC 4180, invariant culture, header row): one row per
/// outcome in <c>outcomes.csv</c>, one per category in <c>categories.csv</c>, one per machine, state and
/// step in <c>occupancy.csv</c>. They open directly in Excel and pandas.
/// </summary>
internal static class CsvWriter
{
    /// <summary>Writes <c>outcomes.csv</c>.</summary>
    public static void WriteOutcomes(RunResult result, string path)
    {
        var csv = new StringBuilder();
        var quantileLabels = ResultsBuilder.ReportedQuantiles.Select(q => q.Label).ToList();
        // Quantile intervals come last so that the columns before them keep their places.
        var quantileCiLabels = quantileLabels.SelectMany(label => new[] { $"{label}_low", $"{label}_high" }).ToList();
        var noQuantileCis = quantileCiLabels.Select(_ => "").ToList();
        Row(csv, ["outcome", "kind", "definition", "estimate", "ci95_low", "ci95_high", "sd", .. quantileLabels, "never", "count", "categories", .. quantileCiLabels]);
        foreach (var outcome in result.Outcomes)
        {
            switch (outcome)
            {
                case ProbabilityResult p:
                    Row(csv, [p.Name, p.Kind, p.Definition, Number(p.Estimate), Number(p.Ci95.Lower), Number(p.Ci95.Upper), "", .. quantileLabels.Select(_ => ""), "", Number(p.Trials), "", .. noQuantileCis]);
                    break;
                case DistributionResult d:
                    Row(csv, [d.Name, d.Kind, d.Definition, Number(d.Mean), Number(d.Ci95.Lower), Number(d.Ci95.Upper), Number(d.StandardDeviation),
                        .. d.Quantiles.Select(q => Number(q.Value)), d.Never is { } never ? Number(never) : "", Number(d.Count), "",
                        .. QuantileCis(d, quantileLabels)]);
                    break;
                case CategoricalResult c:
                    var categories = string.Join("; ", c.Categories.Select(x => $"{x.Category}={Number(x.Probability)}"));
                    Row(csv, [c.Name, c.Kind, c.Definition, "", "", "", "", .. quantileLabels.Select(_ => ""), "", "", categories, .. noQuantileCis]);
                    break;
            }
        }
        File.WriteAllText(path, csv.ToString());
    }

    /// <summary>Each reported quantile's interval as two fields (empty where it is unbounded or was not computed).</summary>
    private static IEnumerable<string> QuantileCis(DistributionResult distribution, IReadOnlyList<string> labels) =>
        labels.SelectMany(label =>
        {
            var found = distribution.QuantilesCi95.Where(q => q.Label == label).Select(q => q.Ci95).ToList();
            return found.Count == 0 ? ["", ""] : new[] { Number(found[0].Lower), Number(found[0].Upper) };
        });

    /// <summary>Writes <c>categories.csv</c>: every categorical outcome's categories with intervals.</summary>
    public static void WriteCategories(RunResult result, string path)
    {
        var csv = new StringBuilder();
        Row(csv, ["outcome", "category", "probability", "ci95_low", "ci95_high"]);
        foreach (var outcome in result.Outcomes.OfType<CategoricalResult>())
            foreach (var (category, probability, ci) in outcome.Categories)
                Row(csv, [outcome.Name, category, Number(probability), Number(ci.Lower), Number(ci.Upper)]);
        File.WriteAllText(path, csv.ToString());
    }

    /// <summary>Writes <c>occupancy.csv</c>: machine, state, step, share.</summary>
    public static void WriteOccupancy(RunResult result, string path)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        writer.Write("machine,state,step,share\n");
        foreach (var machine in result.Occupancy)
            foreach (var (state, shares) in machine.States)
                for (var t = 0; t < shares.Length; t++)
                    writer.Write(string.Create(CultureInfo.InvariantCulture, $"{Field(machine.Machine)},{Field(state)},{t},{Number(shares[t])}\n"));
    }

    /// <summary>
    /// Writes <c>correlations.csv</c>: for each correlation of the scenario, the two parameters, the target rank
    /// correlation, the achieved one with its 95% interval, the trials measured, and the description.
    /// </summary>
    public static void WriteCorrelations(RunResult result, string path)
    {
        var csv = new StringBuilder();
        Row(csv, ["parameter_a", "parameter_b", "target", "achieved", "ci95_low", "ci95_high", "trials", "description"]);
        foreach (var c in result.Correlations)
            Row(csv, [c.First, c.Second, Number(c.Target), Number(c.Achieved), Number(c.Ci95.Lower), Number(c.Ci95.Upper), Number(c.Trials), c.Description ?? ""]);
        File.WriteAllText(path, csv.ToString());
    }

    internal static void Row(StringBuilder csv, IEnumerable<string> fields)
    {
        csv.Append(string.Join(',', fields.Select(Field)));
        csv.Append('\n');
    }

    internal static string Field(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;

    internal static string Number(double value) => double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : "";

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
