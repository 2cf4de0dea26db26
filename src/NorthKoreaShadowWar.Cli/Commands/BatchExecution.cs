using NorthKoreaShadowWar.Batches;
using NorthKoreaShadowWar.Cli.Terminal;
using NorthKoreaShadowWar.Diagnostics;
using NorthKoreaShadowWar.Reporting;
using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Simulation;

namespace NorthKoreaShadowWar.Cli.Commands;

/// <summary>
/// Runs a batch for <c>run --all-variants</c> and <c>sweep</c>: checks every run's scenario first, then runs them all
/// under one progress bar, writes the results folder, and prints the table.
/// </summary>
internal static class BatchExecution
{
    /// <summary>
    /// Runs <paramref name="batch"/> into <paramref name="target"/> (checked by <see cref="OutputTarget"/>); <paramref name="shownWarnings"/> were printed already.
    /// Messages about the command line start with <c>shadowwar COMMAND:</c>.
    /// </summary>
    public static int Execute(Batch batch, RunSettings settings, string target, ResultsFolder.ExistingFolder existing,
        IReadOnlyList<Diagnostic> shownWarnings, string command)
    {
        var diagnostics = BatchRunner.Check(batch, out var failed);
        DiagnosticPrinter.Print(diagnostics.Where(d => !shownWarnings.Contains(d)));
        if (failed is not null)
        {
            var overrides = failed.Overrides.Count == 0 ? "" : $" ({string.Join(", ", failed.Overrides)})";
            Console.Error.WriteLine($"shadowwar {command}: {(batch.IsSweep ? "point" : "run")} {failed.Label}{overrides} makes the scenario invalid; nothing was run");
            return Program.BadInput;
        }
        // Ctrl-C stops at once, leaving no half-written folder (a batch has no partial result worth writing).
        using var interruption = Interruption.Listen(graceful: false);
        BatchResult result;
        try
        {
            var runs = batch.Runs.Count;
            result = ProgressDisplay.Track(progress => BatchRunner.Run(batch, settings, progress), runs * settings.Trials,
                $"{runs:N0} run{(runs == 1 ? "" : "s")} × {settings.Trials:N0} trials", "trials");
        }
        catch (SimulationException e)
        {
            Console.Error.WriteLine($"{batch.ScenarioFile}: error: {e.Message}");
            return Program.RunFailure;
        }
        if (!ResultsFolderWriting.TryWrite(target, existing, directory =>
        {
            BatchWriter.WriteAll(result, directory);
            BatchReport.Write(result, directory);
        })) return Program.RunFailure;
        BatchTable.Print(result, target);
        return Program.Ok;
    }
}
