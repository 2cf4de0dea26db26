using System.CommandLine;
using NorthKoreaShadowWar.Cli.Terminal;
using NorthKoreaShadowWar.Comparison;
using NorthKoreaShadowWar.Diagnostics;
using NorthKoreaShadowWar.Reporting;
using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Simulation;
using NorthKoreaShadowWar.Updating;

namespace NorthKoreaShadowWar.Cli.Commands;

/// <summary>
/// <c>shadowwar compare A B</c>: B against A, where each is a scenario (<c>FILE</c> or <c>FILE:VARIANT</c>) that is run
/// here with common random numbers, or a results folder written by an earlier run.
/// </summary>
internal static class CompareCommand
{
    internal sealed record Request(
        string A, string B, long Trials, ulong Seed, int Threads, IReadOnlyList<string> SetA, IReadOnlyList<string> SetB, string? Out, bool Force);

    public static Command Create()
    {
        var a = new Argument<string>("A") { Description = "The reference: a scenario FILE, FILE:VARIANT, or a results folder" };
        var b = new Argument<string>("B") { Description = "The what-if compared with it: a scenario FILE, FILE:VARIANT, or a results folder" };
        var trials = new Option<long>("--trials") { Description = "Trials of each scenario run here", DefaultValueFactory = _ => 10_000 };
        var seed = new Option<ulong>("--seed") { Description = "Seed shared by both runs (common random numbers)", DefaultValueFactory = _ => 1 };
        var threads = new Option<int>("--threads") { Description = "Worker threads (the numbers do not depend on it)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var setA = new Option<string[]>("--set-a") { Description = "Override a parameter of A: name=value (repeatable)" };
        var setB = new Option<string[]>("--set-b") { Description = "Override a parameter of B: name=value (repeatable), e.g. --set-b sk_shift=0.1" };
        var output = new Option<string?>("--out") { Description = "Results folder (default out/compare-<A>-vs-<B>)" };
        var force = new Option<bool>("--force") { Description = "Replace the results folder if it exists" };
        var command = new Command("compare", "Compare two scenarios, variants or results folders: differences with intervals, using common random numbers when it runs both")
        {
            a, b, trials, seed, threads, setA, setB, output, force,
        };
        command.SetAction(parsed => Execute(new Request(
            parsed.GetValue(a)!, parsed.GetValue(b)!, parsed.GetValue(trials), parsed.GetValue(seed), parsed.GetValue(threads),
            parsed.GetValue(setA) ?? [], parsed.GetValue(setB) ?? [], parsed.GetValue(output), parsed.GetValue(force))));
        return command;
    }

    public static int Execute(Request request)
    {
        if (CommonOptions.TrialsAndThreadsProblem(request.Trials, request.Threads) is { } problem) return Usage(problem);
        if (ComparedRun.Parse(request.A, request.SetA, "A") is not { } a) return Usage(ComparedRun.WhatIsExpected(request.A, "A"));
        if (ComparedRun.Parse(request.B, request.SetB, "B") is not { } b) return Usage(ComparedRun.WhatIsExpected(request.B, "B"));
        if (a.Folder is not null && b.Folder is not null) return CompareFolders(request, a, b);
        if (a.Folder is not null || b.Folder is not null)
            return Usage("comparing results folders needs both A and B to be results folders; to compare a folder with a scenario, run the scenario first");

        if (ScenarioPreparation.TryPrepare(a.File!, a.Variant, a.Overrides) is not { } preparedA) return Program.BadInput;
        if (ScenarioPreparation.TryPrepare(b.File!, b.Variant, b.Overrides) is not { } preparedB) return Program.BadInput;
        if (Target(request, a, b) is not var (target, existing)) return Program.BadInput;

        var settings = new RunSettings { Trials = request.Trials, Seed = request.Seed, Threads = request.Threads };
        var quantities = ComparedQuantities.Match(OutcomeShape.Of(preparedA.Model), OutcomeShape.Of(preparedB.Model), out _);
        using var interruption = Interruption.Listen(graceful: false);
        PairedRun run;
        try
        {
            run = ProgressDisplay.Track(progress => PairedRunner.Run(preparedA.Model, preparedB.Model, quantities, settings, progress),
                settings.Trials, $"{settings.Trials:N0} paired trials", "paired trials");
        }
        catch (SimulationException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return Program.RunFailure;
        }
        var resultA = ResultsBuilder.Build(run.A);
        var resultB = ResultsBuilder.Build(run.B);
        var comparison = ComparisonBuilder.Paired(run, resultA, resultB, a.Label, b.Label);
        return Write(comparison, target, existing, directory =>
        {
            ResultsWriter.WriteAll(resultA, Directory.CreateDirectory(Path.Combine(directory, "a")).FullName);
            ResultsWriter.WriteAll(resultB, Directory.CreateDirectory(Path.Combine(directory, "b")).FullName);
        });
    }

    /// <summary>
    /// Two results folders written earlier: both read from their summary.json and compared as independent runs (each
    /// difference's interval combines the two runs' own uncertainties). The folders stay where they are. Two posterior
    /// folders of <c>update</c>, conditioned on the same evidence, also get the Bayes factor of B against A.
    /// </summary>
    private static int CompareFolders(Request request, ComparedRun a, ComparedRun b)
    {
        RunResult resultA, resultB;
        EvidenceBlock? evidenceA, evidenceB;
        try
        {
            resultA = SummaryJsonReader.ReadFolder(a.Folder!);
            resultB = SummaryJsonReader.ReadFolder(b.Folder!);
            evidenceA = EvidenceBlock.ReadFolder(a.Folder!);
            evidenceB = EvidenceBlock.ReadFolder(b.Folder!);
        }
        catch (SummaryJsonException e)
        {
            Console.Error.WriteLine(e.Message);
            return Program.BadInput;
        }
        if (UpdatedFolders.Problem(a, evidenceA, b, evidenceB) is { } problem)
        {
            Console.Error.WriteLine($"error: {problem}");
            return Program.BadInput;
        }
        if (Target(request, a, b) is not var (target, existing)) return Program.BadInput;
        var factor = evidenceA is not null && evidenceB is not null ? UpdatedFolders.Factor(a, evidenceA, b, evidenceB) : null;
        var code = Write(ComparisonBuilder.Independent(resultA, resultB, a.Label, b.Label), target, existing,
            directory => { if (factor is not null) File.WriteAllLines(Path.Combine(directory, UpdatedFolders.FileName), BayesFactors.Csv(factor)); });
        if (code == Program.Ok && factor is not null) UpdatedFolders.Print(factor, evidenceA!, target);
        return code;
    }

    private static (string Target, ResultsFolder.ExistingFolder Existing)? Target(Request request, ComparedRun a, ComparedRun b) =>
        OutputTarget.Choose(request.Out, Path.Combine("out", $"compare-{a.FolderName}-vs-{b.FolderName}"), request.Force, [a.File, a.Folder, b.File, b.Folder]);

    /// <summary>Writes comparison.csv, the plots and the report (and whatever <paramref name="writeRuns"/> adds) into the folder, then prints the table.</summary>
    private static int Write(ComparisonResult comparison, string target, ResultsFolder.ExistingFolder existing, Action<string> writeRuns)
    {
        var written = ResultsFolderWriting.TryWrite(target, existing, directory =>
        {
            writeRuns(directory);
            ComparisonCsv.Write(comparison, Path.Combine(directory, "comparison.csv"));
            ComparisonReport.Write(comparison, directory);
        });
        if (!written) return Program.RunFailure;
        ComparisonTable.Print(comparison, target);
        return Program.Ok;
    }

    private static int Usage(string message)
    {
        Console.Error.WriteLine($"shadowwar compare: {message}");
        return Program.BadInput;
    }
}
