using NorthKoreaShadowWar.Reporting;
using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Scenarios.Validation;

namespace NorthKoreaShadowWar.Cli.Terminal;

/// <summary>
/// Writes the results folder of a scenario conditioned on evidence (<c>update</c>, <c>exact --evidence</c>; see
/// docs/updating.md): the posterior's files, the <c>evidence</c> block of summary.json, <c>prior/</c>, and the report.
/// </summary>
internal static class PosteriorFolderWriting
{
    /// <summary>False after saying why the folder could not be written.</summary>
    public static bool TryWrite(string target, ResultsFolder.ExistingFolder existing, RunResult posterior, RunResult prior, ResolvedScenario scenario,
        Action<string> addEvidenceBlock, ReportLead? lead) =>
        ResultsFolderWriting.TryWrite(target, existing, directory =>
        {
            ResultsWriter.WriteAll(posterior, directory);
            addEvidenceBlock(Path.Combine(directory, "summary.json"));
            var priorFolder = Path.Combine(directory, "prior");
            Directory.CreateDirectory(priorFolder);
            ResultsWriter.WriteAll(prior, priorFolder);
            ReportWriter.Write(posterior, scenario, directory, lead);
        });
}
