using System.Globalization;
using System.Text;
using NorthKoreaShadowWar.Results;

namespace NorthKoreaShadowWar.Comparison;

/// <summary>Writes <c>comparison.csv</c>: one tidy row per compared quantity.</summary>
internal static class ComparisonCsv
{
    /// <summary>The columns, in order.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "outcome", "statistic", "category", "a_estimate", "a_ci_low", "a_ci_high", "b_estimate", "b_ci_low", "b_ci_high",
        "difference", "difference_ci_low", "difference_ci_high", "paired", "independent_ci_low", "independent_ci_high",
        "variance_reduction", "p_value", "significant", "significant_holm",
    ];

    /// <summary>Writes the rows of <paramref name="comparison"/> to <paramref name="path"/>.</summary>
    public static void Write(ComparisonResult comparison, string path)
    {
        var csv = new StringBuilder();
        CsvWriter.Row(csv, Columns);
        foreach (var row in comparison.Rows)
        {
            CsvWriter.Row(csv,
            [
                row.Quantity.Outcome, row.Quantity.Statistic, row.Quantity.Category ?? "",
                N(row.A.Value), N(row.A.Ci95.Lower), N(row.A.Ci95.Upper), N(row.B.Value), N(row.B.Ci95.Lower), N(row.B.Ci95.Upper),
                N(row.Difference), N(row.DifferenceCi95.Lower), N(row.DifferenceCi95.Upper), Flag(row.Paired),
                N(row.IndependentCi95.Lower), N(row.IndependentCi95.Upper),
                row.VarianceReduction is { } reduction ? N(reduction) : "", N(row.PValue), Flag(row.Significant), Flag(row.SignificantAfterHolm),
            ]);
        }
        File.WriteAllText(path, csv.ToString(), new UTF8Encoding(false));
    }

    private static string N(double value) => double.IsPositiveInfinity(value) ? "inf" : CsvWriter.Number(value);

    private static string Flag(bool value) => value ? "true" : "false";
}
