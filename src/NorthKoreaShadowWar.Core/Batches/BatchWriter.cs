using NorthKoreaShadowWar.Results;

namespace NorthKoreaShadowWar.Batches;

/// <summary>
/// Writes the tables of a batch into a directory: each run's results folder (<see cref="ResultsWriter.Files"/>) in
/// its own subfolder, and the combined table (<see cref="BatchCsv"/>). Plots and report: see <c>Reporting.BatchReport</c>.
/// </summary>
internal static class BatchWriter
{
    /// <summary>Writes every run's results and the combined table of <paramref name="result"/> into <paramref name="directory"/>.</summary>
    public static void WriteAll(BatchResult result, string directory)
    {
        foreach (var (run, runResult) in result.Pairs)
            ResultsWriter.WriteAll(runResult, Directory.CreateDirectory(Path.Combine(directory, run.Folder)).FullName);
        BatchCsv.Write(result, Path.Combine(directory, BatchCsv.FileName(result.Batch)));
    }
}
