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
}
