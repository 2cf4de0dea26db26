using NorthKoreaShadowWar.Batches;
using Spectre.Console;

namespace NorthKoreaShadowWar.Cli.Terminal;

/// <summary>Prints a batch's headline: for each run (or point of a sweep), the first few probabilities with their intervals.</summary>
internal static class BatchTable
{
    private const int ShownQuantities = 3;
    private const int ShownRuns = 40;

    public static void Print(BatchResult result, string folder)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        if (Console.IsOutputRedirected) console.Profile.Width = 140;
        var batch = result.Batch;
        var rows = result.Rows[0];
        var probabilities = Enumerable.Range(0, rows.Count).Where(i => rows[i].Kind == "probability").ToList();
        // The first few probabilities, those that differ between runs first: they are what the batch is about.
        var shown = (probabilities.Count > 0 ? probabilities : Reporting.BatchReport.Headline(rows))
            .OrderBy(q => result.Rows.All(r => r[q].Estimate == rows[q].Estimate)).Take(ShownQuantities).Order().ToList();
        console.MarkupLine(batch.IsSweep
            ? $"[bold]{Markup.Escape(batch.ScenarioName)}[/]: sweep over {Markup.Escape(string.Join(", ", batch.SweptParameters))}"
            : $"[bold]{Markup.Escape(batch.ScenarioName)}[/]: the base scenario and every variant");
        console.WriteLine($"{batch.Runs.Count:N0} {(batch.IsSweep ? "point" : "run")}{(batch.Runs.Count == 1 ? "" : "s")} × {result.Trials:N0} trials, seed {result.Seed} "
            + "(common random numbers: trial i drew the same random streams in every run)");
        var table = OutcomeTable.NewTable(batch.IsSweep ? "Points" : "Runs",
            [batch.IsSweep ? "point" : "run", .. batch.SweptParameters, .. shown.Select(q => rows[q].Label + " (95% interval)")]);
        foreach (var ((run, _), runRows) in result.Pairs.Zip(result.Rows).Take(ShownRuns))
        {
            string Show(double value, bool share) => share ? OutcomeTable.Percent(value) : OutcomeTable.Number(value);
            table.AddRow([Markup.Escape(run.Label), .. run.ParameterValues.Select(v => Markup.Escape(SweepParameter.Format(v))),
                .. shown.Select(q => runRows[q]).Select(r => $"{Show(r.Estimate, r.IsShare)} ({Show(r.Ci95.Lower, r.IsShare)} – {Show(r.Ci95.Upper, r.IsShare)})")]);
        }
        console.Write(table);
        if (batch.Runs.Count > ShownRuns)
            console.WriteLine($"… and {batch.Runs.Count - ShownRuns:N0} more in {BatchCsv.FileName(batch)}");
        console.WriteLine($"results: {folder} ({BatchCsv.FileName(batch)}, report.html, plots/, and each {(batch.IsSweep ? "point's" : "run's")} results in its own folder)");
    }
}
