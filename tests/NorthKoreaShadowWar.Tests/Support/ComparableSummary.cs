using System.Text;
using System.Text.RegularExpressions;
using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Simulation;

namespace NorthKoreaShadowWar.Tests.Support;

/// <summary>
/// summary.json without what measures time and cost (the performance block): the JSON writer prints doubles in their
/// round-trip form, so equal text means equal bits.
/// </summary>
internal static partial class ComparableSummary
{
    /// <summary>The summary.json that <paramref name="simulation"/>'s results would have, with the performance block zeroed.</summary>
    public static string Of(SimulationResult simulation)
    {
        var result = ResultsBuilder.Build(simulation);
        using var stream = new MemoryStream();
        SummaryJsonWriter.Write(result with { Performance = new RunPerformance(0, 0, 0, 0) }, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The summary.json of the results folder <paramref name="folder"/>, without its performance block.</summary>
    public static string OfFolder(string folder)
    {
        var text = File.ReadAllText(Path.Combine(folder, "summary.json"));
        var withoutPerformance = PerformanceBlock().Replace(text, "");
        Assert.That(withoutPerformance, Is.Not.EqualTo(text), $"{folder}/summary.json has no performance block");
        return withoutPerformance;
    }

    [GeneratedRegex("""\n *"performance": \{[^}]*\},?""")]
    private static partial Regex PerformanceBlock();
}
