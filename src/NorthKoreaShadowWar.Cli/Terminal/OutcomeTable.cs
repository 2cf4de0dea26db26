using System.Globalization;
using NorthKoreaShadowWar.Results;
using Spectre.Console;

namespace NorthKoreaShadowWar.Cli.Terminal;

/// <summary>Prints the outcomes of a run as a table: estimate, 95% interval and the shape of each distribution.</summary>
internal static class OutcomeTable
{
    public static void Print(RunResult result, string folder)
    {
        var manifest = result.Manifest;
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        console.WriteLine($"{manifest.Title ?? manifest.Scenario}{(manifest.Variant is null ? "" : $" [variant {manifest.Variant}]")}");
        console.WriteLine($"{manifest.Trials:N0} trials, {manifest.Horizon} {manifest.Step}s, seed {manifest.Seed}{(manifest.Overrides.Count > 0 ? ", " + string.Join(", ", manifest.Overrides) : "")}");
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("outcome");
        table.AddColumn(new TableColumn("estimate").RightAligned());
        table.AddColumn(new TableColumn("95% interval").RightAligned());
        table.AddColumn("distribution");
        foreach (var outcome in result.Outcomes)
        {
            switch (outcome)
            {
                case ProbabilityResult p:
                    table.AddRow(Markup.Escape(p.Name), Percent(p.Estimate), $"{Percent(p.Ci95.Lower)} – {Percent(p.Ci95.Upper)}", Markup.Escape(p.Definition));
                    break;
                case DistributionResult d:
                    var quantiles = string.Join("  ", d.Quantiles.Where(q => q.Label is "p05" or "p50" or "p95").Select(q => $"{q.Label} {Number(q.Value)}"));
                    var never = d.Never is { } n ? $"  never {Percent(n)}" : "";
                    table.AddRow(Markup.Escape(d.Name), $"mean {Number(d.Mean)}", $"{Number(d.Ci95.Lower)} – {Number(d.Ci95.Upper)}", Markup.Escape(quantiles + never));
                    break;
                case CategoricalResult c:
                    var top = c.Categories.MaxBy(x => x.Probability);
                    var shares = string.Join("  ", c.Categories.Where(x => x.Probability > 0).Select(x => $"{x.Category} {Percent(x.Probability)}"));
                    table.AddRow(Markup.Escape(c.Name), Markup.Escape($"{top.Category} {Percent(top.Probability)}"), $"{Percent(top.Ci95.Lower)} – {Percent(top.Ci95.Upper)}", Markup.Escape(shares));
                    break;
            }
        }
        console.Write(table);
        var performance = result.Performance;
        console.WriteLine($"{performance.MachineSteps:N0} machine-steps in {performance.SimulateSeconds:F2} s on {performance.Threads} thread{(performance.Threads == 1 ? "" : "s")} ({performance.NanosecondsPerMachineStep:F1} ns per machine-step)");
        console.WriteLine($"results: {folder}");
    }

    private static string Percent(double value) => double.IsFinite(value) ? (value * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "–";

    private static string Number(double value) =>
        !double.IsFinite(value) ? "–"
        : Math.Abs(value) >= 1000 ? value.ToString("N0", CultureInfo.InvariantCulture)
        : value.ToString("0.##", CultureInfo.InvariantCulture);
}
