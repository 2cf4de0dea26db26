using NorthKoreaShadowWar.Cli.Terminal;
using NorthKoreaShadowWar.Diagnostics;
using NorthKoreaShadowWar.Files;
using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Shards;
using NorthKoreaShadowWar.Updating;

namespace NorthKoreaShadowWar.Cli.Commands;

/// <summary>
/// <c>shadowwar update FILE --evidence E --shard K/N</c> (see docs/updating.md, "Sharded updates"): runs shard K's blocks
/// and writes their exact state, with copies of the scenario and evidence files, for <c>merge</c>.
/// </summary>
internal static class UpdateShardCommand
{
    /// <summary>Why <c>--shard</c> cannot be used as given, or null; <paramref name="shard"/> is the range asked for, or null without <c>--shard</c>.</summary>
    public static string? Problem(UpdateCommand.Request request, out UpdateShardRange? shard)
    {
        shard = null;
        if (request.Shard is not { } text) return null;
        if (request.Ess is not null || request.AllVariants)
            return "--shard splits an update of --trials particles; it cannot be combined with --ess or --all-variants";
        if (!ShardRange.TryParse(text, out var index, out var count))
            return $"--shard takes K/N, shard K (1 to N) of N, e.g. --shard 2/8; got '{text}'";
        if (UpdateShardRange.Problem(request.Trials, index, count) is { } problem) return $"--shard {text}: {problem}";
        shard = UpdateShardRange.Of(request.Trials, index, count);
        return null;
    }

    public static int Execute(UpdateCommand.Request request, PreparedScenario prepared, UpdateSettings settings, UpdateShardRange range)
    {
        var scenario = prepared.Model.Scenario;
        if (RunCommand.ScenarioCopy(request.File, scenario.Source.Sha256) is not { } scenarioCopy) return Program.RunFailure;
        // The evidence is read once more from the bytes kept beside the shard, so that the copy is what the shard ran on.
        byte[] evidenceCopy;
        try
        {
            evidenceCopy = BoundedFile.Read(request.Evidence, BoundedFile.HandWrittenLimit);
        }
        catch (UnreadableFileException e)
        {
            Console.Error.WriteLine($"{request.Evidence}: error: cannot read the file again to keep a copy beside the shard: {e.Message}");
            return Program.RunFailure;
        }
        var diagnostics = new DiagnosticBag();
        var evidence = EvidenceFileReader.Parse(evidenceCopy, request.Evidence, scenario, diagnostics);
        DiagnosticPrinter.Print(diagnostics.Sorted());
        if (evidence is null) return Program.BadInput;
        var defaultFolder = CommonOptions.DefaultFolder(scenario.Source.Name, request.Variant) + "-updated-" + range.Label;
        if (OutputTarget.Choose(request.Out, defaultFolder, request.Force, [request.File, request.Evidence]) is not var (target, existing)) return Program.BadInput;
        var sha256 = Scenarios.Loading.ScenarioLoader.Sha256(evidenceCopy);
        if (!EvidenceRun.TryRun(request.File, () => UpdateRunner.RunShard(prepared.Model, evidence, sha256, settings, range), out var state, out var failure))
            return failure;
        if (!ResultsFolderWriting.TryWrite(target, existing, directory =>
        {
            UpdateShardStateFile.Write(state, Path.Combine(directory, UpdateShardState.FileName));
            File.WriteAllBytes(Path.Combine(directory, ShardState.ScenarioCopyFileName), scenarioCopy);
            File.WriteAllBytes(Path.Combine(directory, UpdateShardState.EvidenceCopyFileName), evidenceCopy);
        })) return Program.RunFailure;
        var blocks = UpdateShardRange.BlockCount(request.Trials);
        Console.WriteLine($"update shard {range.Index}/{range.Count}: blocks {range.FirstBlock + 1:N0}–{range.EndBlock:N0} of {blocks:N0} "
            + $"(particles {(long)range.FirstBlock * UpdateSettings.BlockSize + 1:N0}–{(long)range.EndBlock * UpdateSettings.BlockSize:N0}) in {target}; "
            + $"when all {range.Count} are done, join them with: shadowwar merge DIR...");
        return Program.Ok;
    }
}
