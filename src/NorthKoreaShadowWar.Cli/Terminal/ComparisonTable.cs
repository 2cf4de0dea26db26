using System.Globalization;
using NorthKoreaShadowWar.Comparison;
using NorthKoreaShadowWar.Reporting;
using Spectre.Console;

namespace NorthKoreaShadowWar.Cli.Terminal;

/// <summary>Prints a comparison: each quantity in A and B, the difference with its interval, and whether it is significant.</summary>
internal static class ComparisonTable
{
    public static void Print(ComparisonResult comparison, string folder)
    {
        var console = OutcomeTable.NewConsole(140);
        console.MarkupLine($"[bold]{Markup.Escape(comparison.LabelB)}[/] against [bold]{Markup.Escape(comparison.LabelA)}[/]");
        console.WriteLine(comparison.CommonRandomNumbers
            ? $"{comparison.A.Manifest.Trials:N0} paired trials, seed {comparison.A.Manifest.Seed}: common random numbers (trial i of B used the same random streams as trial i of A)"
            : "independent results: each difference's interval combines the two runs' own uncertainties");
        var columns = new List<string> { "quantity", "A", "B", "B − A", "95% interval" };
        if (comparison.CommonRandomNumbers) columns.Add("variance reduction");
        columns.Add("significant");
        var table = OutcomeTable.NewTable("Differences", [.. columns]);
        foreach (var row in comparison.Rows)
        {
            var share = row.Quantity.Statistic is "probability" or "happens";
            string Show(double value) => share ? OutcomeTable.Percent(value) : OutcomeTable.Number(value);
            string Change(double value) => share ? (100 * value).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + " pts" : OutcomeTable.Number(value);
            var cells = new List<string>
            {
                Markup.Escape(row.Quantity.Label), Show(row.A.Value), Show(row.B.Value), Change(row.Difference),
                $"{Change(row.DifferenceCi95.Lower)} – {Change(row.DifferenceCi95.Upper)}",
            };
            if (comparison.CommonRandomNumbers) cells.Add(Markup.Escape(ComparisonReport.Reduction(row.VarianceReduction)));
            cells.Add(row.SignificantAfterHolm ? "[bold]yes[/]" : row.Significant ? "not after Holm" : "no");
            table.AddRow([.. cells]);
        }
        console.Write(table);
        if (comparison.CommonRandomNumbers && MedianReduction(comparison) is { } median)
            console.WriteLine($"common random numbers: for the median quantity, two independent runs would need {median.ToString("0.#", CultureInfo.InvariantCulture)} times as many trials for the same interval");
        foreach (var note in comparison.Unmatched) console.WriteLine($"not compared: {note}");
        console.WriteLine($"results: {folder}");
    }

    private static double? MedianReduction(ComparisonResult comparison)
    {
        var reductions = comparison.Rows.Where(r => r.VarianceReduction is not null && r.Difference != 0).Select(r => r.VarianceReduction!.Value).Order().ToList();
        return reductions.Count == 0 ? null : reductions[reductions.Count / 2];
    }
}
