namespace NorthKoreaShadowWar.Batches;

/// <summary>
/// An ordered list of labelled runs of one scenario file, all run with the same seed (common random numbers: trial i
/// draws the same random streams in every run) into one results folder with a combined table and overlaid plots.
/// </summary>
/// <param name="ScenarioFile">The scenario file every run loads.</param>
/// <param name="ScenarioName">The scenario's name, for titles.</param>
/// <param name="Kind">How the runs were chosen.</param>
/// <param name="SweptParameters">For a sweep, the parameters it varies, in the order given; empty otherwise.</param>
/// <param name="Runs">The runs, in order.</param>
internal sealed record Batch(string ScenarioFile, string ScenarioName, BatchKind Kind, IReadOnlyList<string> SweptParameters, IReadOnlyList<BatchRun> Runs)
{
    /// <summary>True for a sweep (a grid or a Latin hypercube), false for the variants of a scenario.</summary>
    public bool IsSweep => Kind != BatchKind.AllVariants;

    /// <summary>
    /// The base scenario (with <paramref name="overrides"/>) followed by each of <paramref name="variants"/> (with the same
    /// overrides after the variant), in folders <c>NAME/</c> and <c>NAME-VARIANT/</c>.
    /// </summary>
    public static Batch AllVariants(string scenarioFile, string scenarioName, IReadOnlyList<string> variants, IReadOnlyList<string> overrides)
    {
        var runs = new List<BatchRun> { new(scenarioName, scenarioName, null, overrides, []) };
        runs.AddRange(variants.Select(variant => new BatchRun($"{scenarioName}-{variant}", $"{scenarioName}-{variant}", variant, overrides, [])));
        return new Batch(scenarioFile, scenarioName, BatchKind.AllVariants, [], runs);
    }

    /// <summary>
    /// One run per point of <paramref name="design"/>, in folders <c>points/1</c>, <c>points/2</c>, ...: the scenario with
    /// <paramref name="variant"/>, then <paramref name="overrides"/>, then each swept parameter fixed at the point's value.
    /// </summary>
    public static Batch Sweep(string scenarioFile, string scenarioName, string? variant, IReadOnlyList<string> overrides, SweepDesign design)
    {
        var runs = design.Points.Select((point, k) =>
        {
            var number = (k + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            IReadOnlyList<string> assignments = [.. overrides, .. design.Parameters.Select((p, j) => $"{p.Name}={SweepParameter.Format(point[j])}")];
            return new BatchRun(number, $"points/{number}", variant, assignments, point);
        }).ToList();
        return new Batch(scenarioFile, scenarioName, design.Kind, design.Parameters.Select(p => p.Name).ToList(), runs);
    }
}
