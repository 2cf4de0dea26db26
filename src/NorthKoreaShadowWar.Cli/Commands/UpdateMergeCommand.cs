using NorthKoreaShadowWar.Cli.Terminal;
using NorthKoreaShadowWar.Diagnostics;
using NorthKoreaShadowWar.Reporting;
using NorthKoreaShadowWar.Shards;
using NorthKoreaShadowWar.Updating;

namespace NorthKoreaShadowWar.Cli.Commands;

/// <summary>
/// <c>shadowwar merge DIR...</c> on the folders of <c>update --shard K/N</c> (see docs/updating.md, "Sharded updates"):
/// the results folder of the unsharded update, equal to it in every number (only the timings differ). The scenario and
/// the evidence are read again from the copies kept in a shard folder (or the paths the shards recorded), checked
/// against their SHA-256.
/// </summary>
internal static class UpdateMergeCommand
{
    /// <summary>True when some folder of <paramref name="folders"/> holds the state of an update shard.</summary>
    public static bool HasUpdateShard(IEnumerable<string> folders) => folders.Any(f => File.Exists(Path.Combine(f, UpdateShardState.FileName)));

    public static int Execute(MergeCommand.Request request)
    {
        if (ReadShards(request.Folders) is not { } shards) return Program.BadInput;
        if (UpdateShardMerge.Problem(shards) is { } problem) return MergeCommand.Usage(problem);
        var ordered = shards.OrderBy(s => s.State.Range.Index).ToList();
        var first = ordered[0].State;
        var scenarioBytes = ShardCopies.Read(ordered.Select(s => Path.Combine(s.Folder, ShardState.ScenarioCopyFileName)),
            first.ScenarioFile, first.ScenarioSha256, "scenario", ShardState.ScenarioCopyFileName);
        if (scenarioBytes is null) return Program.BadInput;
        var evidenceBytes = ShardCopies.Read(ordered.Select(s => Path.Combine(s.Folder, UpdateShardState.EvidenceCopyFileName)),
            first.EvidenceFile, first.EvidenceSha256, "evidence", UpdateShardState.EvidenceCopyFileName);
        if (evidenceBytes is null) return Program.BadInput;
        if (MergeCommand.Prepare(scenarioBytes, first.ScenarioFile, first.Variant, first.Overrides) is not { } prepared) return Program.BadInput;
        var diagnostics = new DiagnosticBag();
        var evidence = EvidenceFileReader.Parse(evidenceBytes, first.EvidenceFile, prepared.Model.Scenario, diagnostics);
        DiagnosticPrinter.Print(diagnostics.Sorted());
        if (evidence is null) return Program.BadInput;
        foreach (var (folder, state) in shards)
            if (state.FitProblem(prepared.Model, evidence) is { } misfit) return MergeCommand.FileError(Path.Combine(folder, UpdateShardState.FileName), misfit);
        var defaultFolder = CommonOptions.DefaultFolder(first.Scenario, first.Variant) + "-updated";
        if (OutputTarget.Choose(request.Out, defaultFolder, request.Force, [.. request.Folders, first.ScenarioFile, first.EvidenceFile]) is not var (target, existing))
            return Program.BadInput;
        if (!EvidenceRun.TryRun(first.ScenarioFile, () => UpdateRunner.Merge(shards, prepared.Model, evidence), out var result, out var failure)) return failure;
        if (!PosteriorFolderWriting.TryWrite(target, existing, result.Posterior, result.Prior, prepared.Model.Scenario,
                summary => EvidenceJson.AddTo(summary, result.Evidence, result.Moves, first.EvidenceSha256), EvidenceReport.Lead(result.Evidence)))
            return Program.RunFailure;
        UpdateCommand.Print(result.Evidence, result.Moves, target);
        Console.WriteLine($"merged {shards.Count} update shard{(shards.Count == 1 ? "" : "s")}: {result.Evidence.Particles:N0} particles, seed {first.Seed}");
        return UpdateCommand.EssVerdict(result.Evidence, request.AcceptLowEss, "merge --accept-low-ess");
    }

    /// <summary>Every folder's update shard state; null after saying which folder has none, holds a run's shard instead, or cannot be read.</summary>
    private static List<(string Folder, UpdateShardState State)>? ReadShards(IReadOnlyList<string> folders)
    {
        var update = folders.First(f => File.Exists(Path.Combine(f, UpdateShardState.FileName)));
        var shards = new List<(string Folder, UpdateShardState State)>();
        foreach (var folder in folders)
        {
            var path = Path.Combine(folder, UpdateShardState.FileName);
            if (!File.Exists(path))
            {
                MergeCommand.Usage(File.Exists(Path.Combine(folder, ShardState.FileName))
                    ? $"{folder} is a shard of a run ('run --shard K/N') and {update} a shard of an update ('update --shard K/N'); merge the shards of one of them at a time"
                    : $"{folder}: no {UpdateShardState.FileName} here; give the folders written by 'shadowwar update FILE --evidence E --shard K/N'");
                return null;
            }
            try
            {
                shards.Add((folder, UpdateShardStateFile.Read(path)));
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                MergeCommand.FileError(path, e.Message);
                return null;
            }
        }
        return shards;
    }
}
