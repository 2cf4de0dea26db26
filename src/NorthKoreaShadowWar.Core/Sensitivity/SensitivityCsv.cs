using System.Text;
using NorthKoreaShadowWar.Comparison;
using NorthKoreaShadowWar.Results;

namespace NorthKoreaShadowWar.Sensitivity;

/// <summary>
/// Writes <c>sensitivity.csv</c>: one tidy row per outcome and input (each uncertain parameter in the scenario's
/// order, then <c>chance</c>), with the tornado's columns and the Sobol indices. Cells that do not apply (the tornado
/// of chance, a part that was not run) are empty.
/// </summary>
internal static class SensitivityCsv
{
    /// <summary>The columns, in order.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "outcome", "category", "input", "p10_value", "p90_value",
        "low", "low_ci_low", "low_ci_high", "high", "high_ci_low", "high_ci_high", "swing", "swing_ci_low", "swing_ci_high",
        "first_order", "first_order_ci_low", "first_order_ci_high", "total", "total_ci_low", "total_ci_high",
        "share_of_expected_variance", "share_of_expected_variance_ci_low", "share_of_expected_variance_ci_high",
        "total_share_of_expected_variance", "total_share_of_expected_variance_ci_low", "total_share_of_expected_variance_ci_high",
    ];

    /// <summary>Writes the rows of <paramref name="result"/> to <paramref name="path"/>.</summary>
    public static void Write(SensitivityResult result, string path)
    {
        var csv = new StringBuilder();
        CsvWriter.Row(csv, Columns);
        foreach (var outcome in result.Outcomes)
        {
            foreach (var input in result.Parameters.Append(SensitivityRunner.Chance))
            {
                var bar = outcome.Tornado.FirstOrDefault(b => b.Parameter == input);
                var index = outcome.Sobol.FirstOrDefault(s => s.Input == input);
                CsvWriter.Row(csv,
                [
                    outcome.Quantity.Outcome, outcome.Quantity.Category ?? "", input,
                    Number(bar?.LowSetting), Number(bar?.HighSetting),
                    .. Cells(bar?.Low), .. Cells(bar?.High), .. Cells(bar?.Swing),
                    .. Cells(index?.FirstOrder), .. Cells(index?.Total), .. Cells(index?.ShareOfExpectedVariance),
                    .. Cells(index?.TotalShareOfExpectedVariance),
                ]);
            }
        }
        File.WriteAllText(path, csv.ToString(), new UTF8Encoding(false));
    }

    private static string[] Cells(Estimate? estimate) =>
        [Number(estimate?.Value), Number(estimate?.Ci95.Lower), Number(estimate?.Ci95.Upper)];

    private static string Number(double? value) => value is { } number ? CsvWriter.Number(number) : "";
}
