using System.Text;
using NorthKoreaShadowWar.Results;

namespace NorthKoreaShadowWar.Batches;

/// <summary>
/// The combined tidy table of a batch: <c>batch.csv</c> for <c>run --all-variants</c>, <c>sweep.csv</c> for a sweep.
/// One row per run × <see cref="BatchRow"/>; a sweep has one column per swept parameter holding the point's value.
/// </summary>
internal static class BatchCsv
{
    /// <summary>The columns after the run's own: what is estimated, the estimate, its interval, and a distribution's quantiles.</summary>
    public static readonly IReadOnlyList<string> QuantityColumns =
        ["outcome", "kind", "statistic", "category", "estimate", "ci_low", "ci_high", .. ResultsBuilder.ReportedQuantiles.Select(q => q.Label)];

    /// <summary><c>sweep.csv</c> for a sweep, <c>batch.csv</c> otherwise.</summary>
    public static string FileName(Batch batch) => batch.IsSweep ? "sweep.csv" : "batch.csv";

    /// <summary>
    /// The header: <c>run,variant,...</c> for the variants of a scenario; <c>point,variant,PARAM...,...</c> for a sweep,
    /// with one column per swept parameter.
    /// </summary>
    public static IReadOnlyList<string> Columns(Batch batch) =>
        [batch.IsSweep ? "point" : "run", "variant", .. batch.SweptParameters, .. QuantityColumns];

    /// <summary>Writes the table of <paramref name="result"/> to <paramref name="path"/>.</summary>
    public static void Write(BatchResult result, string path)
    {
        var csv = new StringBuilder();
        CsvWriter.Row(csv, Columns(result.Batch));
        foreach (var ((run, _), rows) in result.Pairs.Zip(result.Rows))
        {
            IReadOnlyList<string> runFields = [run.Label, run.Variant ?? "", .. run.ParameterValues.Select(SweepParameter.Format)];
            foreach (var row in rows)
            {
                var quantiles = row.Quantiles.Count > 0
                    ? row.Quantiles.Select(q => CsvWriter.Number(q.Value))
                    : ResultsBuilder.ReportedQuantiles.Select(_ => "");
                CsvWriter.Row(csv, [.. runFields, row.Outcome, row.Kind, row.Statistic, row.Category,
                    CsvWriter.Number(row.Estimate), CsvWriter.Number(row.Ci95.Lower), CsvWriter.Number(row.Ci95.Upper), .. quantiles]);
            }
        }
        File.WriteAllText(path, csv.ToString());
    }
}
