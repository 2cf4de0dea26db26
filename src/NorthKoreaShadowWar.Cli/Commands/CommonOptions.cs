using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Simulation;

namespace NorthKoreaShadowWar.Cli.Commands;

/// <summary>Checks and meanings shared by the commands that run trials into a results folder.</summary>
internal static class CommonOptions
{
    /// <summary>What is wrong with <c>--trials</c> or <c>--threads</c>, or null when both are in range.</summary>
    public static string? TrialsAndThreadsProblem(long trials, int threads) =>
        trials < 1 || trials > RunSettings.MaximumTrials ? $"--trials must be between 1 and {RunSettings.MaximumTrials:N0}, got {trials}"
        : threads < 1 || threads > 1024 ? $"--threads must be between 1 and 1024, got {threads}"
        : null;

    /// <summary>The results folder of a run when no <c>--out</c> is given: <c>out/&lt;name&gt;[-&lt;variant&gt;]</c>.</summary>
    public static string DefaultFolder(string scenarioName, string? variant) =>
        Path.Combine("out", scenarioName + (variant is null ? "" : "-" + variant));

    /// <summary>
    /// What to do with an existing results folder: replace it with <c>--force</c>; keep it as previous results when it is
    /// the default folder; refuse when the user named it with <c>--out</c>.
    /// </summary>
    public static ResultsFolder.ExistingFolder Existing(bool force, string? outOption) =>
        force ? ResultsFolder.ExistingFolder.Replace
        : outOption is null ? ResultsFolder.ExistingFolder.KeepAsPrevious : ResultsFolder.ExistingFolder.Refuse;
}
