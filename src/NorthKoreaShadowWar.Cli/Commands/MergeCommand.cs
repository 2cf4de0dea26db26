using System.CommandLine;
using NorthKoreaShadowWar.Cli.Terminal;
using NorthKoreaShadowWar.Diagnostics;
using NorthKoreaShadowWar.Files;
using NorthKoreaShadowWar.Reporting;
using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Shards;

namespace NorthKoreaShadowWar.Cli.Commands;

/// <summary>
/// <c>shadowwar merge DIR...</c>: joins the folders of <c>run --shard K/N</c> into the results folder of the unsharded
/// run, equal to it in every number (only the performance block differs). The scenario is compiled again from the copy
/// kept in a shard folder (or, failing that, from the path the shards recorded), checked against their SHA-256.
/// </summary>
internal static class MergeCommand
{
    internal sealed record Request(IReadOnlyList<string> Folders, string? Out, bool Force, bool AcceptLowEss = false);

    public static Command Create()
    {
        var folders = new Argument<string[]>("DIR")
        {
            Description = "The folders written by 'run --shard K/N' (or 'update --shard K/N'), all N shards of one run, in any order",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string?>("--out") { Description = "Results folder (default out/<name>[-<variant>], as run)" };
        var force = new Option<bool>("--force") { Description = "Replace the results folder if it exists" };
        var acceptLow = new Option<bool>("--accept-low-ess") { Description = "Update shards: keep a posterior whose effective sample size is below the minimum (exit 0)" };
        var command = new Command("merge", "Join the shards of a run (run --shard K/N) or an update (update --shard K/N) into the results of the unsharded one")
        {
            folders, output, force, acceptLow,
        };
        command.SetAction(parsed => Execute(new Request(parsed.GetValue(folders) ?? [], parsed.GetValue(output), parsed.GetValue(force), parsed.GetValue(acceptLow))));
        return command;
    }

    public static int Execute(Request request)
    {
        if (UpdateMergeCommand.HasUpdateShard(request.Folders)) return UpdateMergeCommand.Execute(request);
        if (request.AcceptLowEss) return Usage("--accept-low-ess applies to the shards of an update ('update --shard K/N') only");
        var shards = new List<(string Folder, ShardState State)>();
        foreach (var folder in request.Folders)
        {
            var path = Path.Combine(folder, ShardState.FileName);
            if (!File.Exists(path)) return Usage($"{folder}: no {ShardState.FileName} here; give the folders written by 'shadowwar run FILE --shard K/N'");
            try
            {
                shards.Add((folder, ShardStateFile.Read(path)));
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                return FileError(path, e.Message);
            }
        }
        if (ShardMerge.Problem(shards) is { } problem) return Usage(problem);
        var first = shards.MinBy(s => s.State.Range.Index).State;
        if (ScenarioBytes(shards) is not { } bytes) return Program.BadInput;
        if (Prepare(bytes, first.ScenarioFile, first.Variant, first.Overrides) is not { } prepared) return Program.BadInput;
        foreach (var (folder, state) in shards)
            if (state.FitProblem(prepared.Model) is { } misfit) return FileError(Path.Combine(folder, ShardState.FileName), misfit);
        if (OutputTarget.Choose(request.Out, CommonOptions.DefaultFolder(first.Scenario, first.Variant), request.Force, [.. request.Folders, first.ScenarioFile]) is not var (target, existing))
            return Program.BadInput;
        RunResult result;
        try
        {
            result = ResultsBuilder.Build(ShardMerge.Merge(shards, prepared.Model));
        }
        catch (InvalidDataException e)
        {
            Console.Error.WriteLine(e.Message);
            return Program.BadInput;
        }
        if (!ResultsFolderWriting.TryWrite(target, existing, directory =>
        {
            ResultsWriter.WriteAll(result, directory);
            ReportWriter.Write(result, prepared.Model.Scenario, directory);
        })) return Program.RunFailure;
        OutcomeTable.Print(result, target);
        Console.WriteLine($"merged {shards.Count} shard{(shards.Count == 1 ? "" : "s")}: {first.TotalTrials:N0} trials, seed {first.Seed}");
        return Program.Ok;
    }

    /// <summary>The scenario file's bytes, from a shard folder's copy or the recorded path (see <see cref="ShardCopies"/>); null after saying why there are none.</summary>
    private static byte[]? ScenarioBytes(IReadOnlyList<(string Folder, ShardState State)> shards) =>
        ShardCopies.Read(shards.OrderBy(s => s.State.Range.Index).Select(s => Path.Combine(s.Folder, ShardState.ScenarioCopyFileName)),
            shards[0].State.ScenarioFile, shards[0].State.ScenarioSha256, "scenario", ShardState.ScenarioCopyFileName);

    /// <summary>The scenario compiled again from the shards' copy, as it was run; null after printing its errors.</summary>
    internal static PreparedScenario? Prepare(byte[] bytes, string file, string? variant, IReadOnlyList<string> overrides)
    {
        try
        {
            var prepared = ScenarioPipeline.PrepareBytes(bytes, file, variant, overrides);
            DiagnosticPrinter.Print(prepared.Warnings);
            return prepared;
        }
        catch (ScenarioException e)
        {
            DiagnosticPrinter.Print(e.Diagnostics);
            return null;
        }
    }

    /// <summary>A problem with a file the merge reads: <c>FILE: error: message</c>.</summary>
    internal static int FileError(string path, string message)
    {
        Console.Error.WriteLine($"{path}: error: {message}");
        return Program.BadInput;
    }

    internal static int Usage(string message)
    {
        Console.Error.WriteLine($"shadowwar merge: {message}");
        return Program.BadInput;
    }
}
