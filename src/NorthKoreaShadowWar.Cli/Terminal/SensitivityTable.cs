using System.Globalization;
using NorthKoreaShadowWar.Reporting;
using NorthKoreaShadowWar.Sensitivity;
using Spectre.Console;

namespace NorthKoreaShadowWar.Cli.Terminal;

/// <summary>
/// Prints a sensitivity analysis: per outcome, the inputs ranked by the total index of the outcome's expected value (by
/// swing when only the tornado ran) with their intervals, then the one-line answer.
/// </summary>
internal static class SensitivityTable
{
    public static void Print(SensitivityResult result, string folder)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        if (Console.IsOutputRedirected) console.Profile.Width = 180;
        console.WriteLine(SensitivityReport.Describe(result));
        foreach (var outcome in result.Outcomes)
        {
            var share = SensitivityOutcomes.IsShare(outcome.Quantity);
            string Swing(double value) => share ? (100 * value).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + " pts" : OutcomeTable.Number(value);
            var medians = outcome.AtMedians is { } m ? $" (all parameters at their medians: {(share ? OutcomeTable.Percent(m.Value) : OutcomeTable.Number(m.Value))})" : "";
            var table = OutcomeTable.NewTable($"Sensitivity of {outcome.Label}{medians}",
                "input", "total index", "95% interval", "first-order", "95% interval", "per trial: total", "first-order", "swing p10→p90", "95% interval");
            foreach (var (input, bar, index) in outcome.Rows)
            {
                string Value(Comparison.Estimate? estimate) => estimate is null ? "" : SensitivityReport.Index(estimate.Value);
                string Interval(Comparison.Estimate? estimate) =>
                    estimate is null ? "" : $"{SensitivityReport.Index(estimate.Ci95.Lower)} – {SensitivityReport.Index(estimate.Ci95.Upper)}";
                table.AddRow(
                    Markup.Escape(input),
                    Value(index?.TotalShareOfExpectedVariance), Interval(index?.TotalShareOfExpectedVariance),
                    Value(index?.ShareOfExpectedVariance), Interval(index?.ShareOfExpectedVariance),
                    Value(index?.Total), Value(index?.FirstOrder),
                    bar is null ? "" : Swing(bar.Swing.Value),
                    bar is null ? "" : $"{Swing(bar.Swing.Ci95.Lower)} – {Swing(bar.Swing.Ci95.Upper)}");
            }
            console.Write(table);
            if (SensitivityReport.Answer(outcome) is { } answer) console.MarkupLine($"[bold]{Markup.Escape(answer)}[/]");
        }
        if (result.Outcomes.Any(o => o.Sobol.Count > 0))
        {
            console.WriteLine("total index, first-order: shares of the variance of the outcome's expected value (its probability, for a probability); "
                + "per trial: shares of the variance of single trials, chance included");
        }
        console.WriteLine($"results: {folder}");
    }
}
