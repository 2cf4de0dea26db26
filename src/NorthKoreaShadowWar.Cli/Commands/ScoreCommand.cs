using System.CommandLine;
using NorthKoreaShadowWar.Backtesting;
using NorthKoreaShadowWar.Cli.Terminal;
using NorthKoreaShadowWar.Diagnostics;
using NorthKoreaShadowWar.Reporting;
using NorthKoreaShadowWar.Results;

namespace NorthKoreaShadowWar.Cli.Commands;

/// <summary>
/// <c>shadowwar score RESULTS... --observed FILE</c>: the forecasts of one or more results folders scored against one
/// file of what happened (Brier and log scores, percentile ranks, calibration), written to <c>--out</c>.
/// </summary>
internal static class ScoreCommand
{
    internal sealed record Request(IReadOnlyList<string> Folders, string Observed, string? Out, bool Force);

    public static Command Create()
    {
        var folders = new Argument<string[]>("RESULTS") { Description = "Results folders written by 'shadowwar run' (each holds summary.json)", Arity = ArgumentArity.OneOrMore };
        var observed = new Option<string>("--observed") { Description = "The YAML file of what happened, scored against every folder", Required = true };
        var output = new Option<string?>("--out") { Description = "Folder for the scores (default out/score-<observed file name>)" };
        var force = new Option<bool>("--force") { Description = "Replace the folder if it exists" };
        var command = new Command("score", "Score forecasts against what happened: Brier and log scores, percentile ranks, a calibration table and plot")
        {
            folders, observed, output, force,
        };
        command.SetAction(parsed => Execute(new Request(parsed.GetValue(folders)!, parsed.GetValue(observed)!, parsed.GetValue(output), parsed.GetValue(force))));
        return command;
    }

    public static int Execute(Request request)
    {
        var forecasts = new List<(string Folder, RunResult Result)>();
        foreach (var folder in request.Folders)
        {
            try
            {
                forecasts.Add((folder.TrimEnd('/', '\\'), DistributionsCsv.ReadInto(SummaryJsonReader.ReadFolder(folder), folder)));
            }
            catch (SummaryJsonException e)
            {
                Console.Error.WriteLine(e.Message);
                return Program.BadInput;
            }
        }
        var diagnostics = new DiagnosticBag();
        var observed = ObservedFileReader.Read(request.Observed, forecasts.Select(f => f.Result).ToList(), diagnostics);
        DiagnosticPrinter.Print(diagnostics.Sorted());
        if (observed is null || diagnostics.HasErrors) return Program.BadInput;

        if (OutputTarget.Choose(request.Out, Path.Combine("out", $"score-{Path.GetFileNameWithoutExtension(request.Observed)}"), request.Force, [.. request.Folders, request.Observed])
            is not var (target, existing)) return Program.BadInput;
        var backtest = BacktestScorer.Score(forecasts, observed);
        var written = ResultsFolderWriting.TryWrite(target, existing, directory =>
        {
            ScoresCsv.WriteScores(backtest, Path.Combine(directory, "scores.csv"));
            ScoresCsv.WriteCalibration(backtest, Path.Combine(directory, "calibration.csv"));
            BacktestReport.Write(backtest, directory);
        });
        if (!written) return Program.RunFailure;
        ScoreTable.Print(backtest, target);
        return Program.Ok;
    }
}
