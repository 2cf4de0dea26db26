namespace NorthKoreaShadowWar.Results;

/// <summary>Writes every file of a results folder (the README's "Results" section) into a directory.</summary>
internal static class ResultsWriter
{
    /// <summary>The files a results folder holds.</summary>
    public static readonly IReadOnlyList<string> Files = ["summary.json", "outcomes.csv", "categories.csv", "occupancy.csv", DistributionsCsv.FileName];

    /// <summary>The file written beside <see cref="Files"/> when the scenario has correlations.</summary>
    public const string CorrelationsFile = "correlations.csv";

    /// <summary>Writes <paramref name="result"/> into <paramref name="directory"/>.</summary>
    public static void WriteAll(RunResult result, string directory)
    {
        SummaryJsonWriter.Write(result, Path.Combine(directory, "summary.json"));
        CsvWriter.WriteOutcomes(result, Path.Combine(directory, "outcomes.csv"));
        CsvWriter.WriteCategories(result, Path.Combine(directory, "categories.csv"));
        CsvWriter.WriteOccupancy(result, Path.Combine(directory, "occupancy.csv"));
        DistributionsCsv.Write(result, Path.Combine(directory, DistributionsCsv.FileName));
        if (result.Correlations.Count > 0) CsvWriter.WriteCorrelations(result, Path.Combine(directory, CorrelationsFile));
    }
}
