using System.Globalization;
using NorthKoreaShadowWar.Results;
using Spectre.Console;

namespace NorthKoreaShadowWar.Cli.Terminal;

/// <summary>
/// Prints the outcomes of a run on standard output, one table per kind: probabilities with their 95%
/// intervals, distributions with mean, interval and quantiles, final states with each state's share, and for a
/// scenario with correlations each correlated pair's target and achieved rank correlation.
/// </summary>
internal static class OutcomeTable
{
    /// <summary>The width used when the output is not a terminal (a file, a pipe, CI logs).</summary>
    private const int RedirectedWidth = 120;

    public static void Print(RunResult result, string folder)
    {
        var console = NewConsole(RedirectedWidth);
        var manifest = result.Manifest;
        var unit = manifest.Step;
        console.MarkupLine($"[bold]{Markup.Escape(manifest.Title ?? manifest.Scenario)}[/]{(manifest.Variant is null ? "" : $" — variant [bold]{Markup.Escape(manifest.Variant)}[/]")}");
        var overrides = manifest.Overrides.Count > 0 ? ", with " + string.Join(", ", manifest.Overrides) : "";
        console.WriteLine(manifest.Method switch
        {
            "exact" => $"exact answer: the joint distribution propagated over {manifest.Horizon} {unit}s{overrides}",
            "exact-evidence" => $"exact answer conditioned on the evidence: the joint distribution propagated over {manifest.Horizon} {unit}s{overrides}",
            "conditional-exact" => $"{manifest.Trials:N0} parameter draws, each solved exactly over {manifest.Horizon} {unit}s, seed {manifest.Seed}{overrides}",
            _ => $"{manifest.Trials:N0} trials of {manifest.Horizon} {unit}s, seed {manifest.Seed}{overrides}",
        });

        var probabilities = result.Outcomes.OfType<ProbabilityResult>().ToList();
        if (probabilities.Count > 0)
        {
            var table = NewTable("Probabilities", "outcome", "estimate", "95% interval", "definition");
            foreach (var p in probabilities)
                table.AddRow(Markup.Escape(p.Name), Percent(p.Estimate), $"{Percent(p.Ci95.Lower)} – {Percent(p.Ci95.Upper)}", Markup.Escape(p.Definition));
            console.Write(table);
        }

        var distributions = result.Outcomes.OfType<DistributionResult>().ToList();
        if (distributions.Count > 0)
        {
            var table = NewTable("Distributions", "outcome", "mean", "95% interval", "p05", "p50", "p95", "never");
            foreach (var d in distributions)
            {
                string Quantile(string label) => Number(d.Quantiles.Single(q => q.Label == label).Value);
                table.AddRow(Markup.Escape(d.Name), Number(d.Mean), $"{Number(d.Ci95.Lower)} – {Number(d.Ci95.Upper)}",
                    Quantile("p05"), Quantile("p50"), Quantile("p95"), d.Never is { } never ? Percent(never) : "");
            }
            console.Write(table);
        }

        var categoricals = result.Outcomes.OfType<CategoricalResult>().ToList();
        if (categoricals.Count > 0)
        {
            var table = NewTable($"Final states (after {manifest.Horizon} {unit}s)", "outcome", "state", "share", "95% interval");
            foreach (var c in categoricals)
            {
                var first = true;
                foreach (var (category, probability, ci) in c.Categories.Where(x => x.Probability > 0))
                {
                    table.AddRow(first ? Markup.Escape(c.Name) : "", Markup.Escape(category), Percent(probability), $"{Percent(ci.Lower)} – {Percent(ci.Upper)}");
                    first = false;
                }
            }
            console.Write(table);
        }

        if (result.Correlations.Count > 0)
        {
            var table = NewTable("Correlated parameters (rank correlations)", "parameters", "target", "achieved", "95% interval", "trials measured");
            foreach (var c in result.Correlations)
                table.AddRow(Markup.Escape($"{c.First} ~ {c.Second}"), Rank(c.Target), Rank(c.Achieved), $"{Rank(c.Ci95.Lower)} – {Rank(c.Ci95.Upper)}", $"{c.Trials:N0}");
            console.Write(table);
        }

        if (result.Precision is { } precision)
        {
            var target = precision.Target.ToString("G3", CultureInfo.InvariantCulture);
            console.WriteLine(precision.Met
                ? $"precision ±{target}: met after {precision.Trials:N0} trials ({precision.Batches.Count} batch{(precision.Batches.Count == 1 ? "" : "es")})"
                : $"precision ±{target}: NOT met; stopped at the limit of {precision.MaximumTrials:N0} trials (--max-trials)"
                    + (precision.Batches[^1].Widest is { } widest ? $"; widest: {PrecisionProgress.Describe(widest)}" : ""));
        }

        var performance = result.Performance;
        console.WriteLine($"{performance.MachineSteps:N0} machine-steps in {performance.SimulateSeconds:F2} s on {performance.Threads} thread{(performance.Threads == 1 ? "" : "s")} ({performance.NanosecondsPerMachineStep:F1} ns per machine-step)");
        console.WriteLine($"results: {folder}");
    }

    /// <summary>A console on standard output, <paramref name="redirectedWidth"/> characters wide when the output goes to a file or pipe.</summary>
    internal static IAnsiConsole NewConsole(int redirectedWidth)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        if (Console.IsOutputRedirected) console.Profile.Width = redirectedWidth;
        return console;
    }

    internal static Table NewTable(string title, params string[] columns)
    {
        var table = new Table().Border(TableBorder.Simple).Title($"[bold]{Markup.Escape(title)}[/]");
        table.AddColumn(columns[0]);
        foreach (var column in columns.Skip(1))
            table.AddColumn(column is "definition" or "state" ? new TableColumn(column) : new TableColumn(column).RightAligned());
        return table;
    }

    private static string Rank(double value) => double.IsFinite(value) ? value.ToString("0.000", CultureInfo.InvariantCulture) : "–";

    internal static string Percent(double value) =>
        double.IsFinite(value) ? (value * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "–";

    internal static string Number(double value) =>
        !double.IsFinite(value) ? "–"
        : Math.Abs(value) >= 100 ? value.ToString("N0", CultureInfo.InvariantCulture)
        : value.ToString("0.##", CultureInfo.InvariantCulture);
}
