using System.Globalization;

namespace NorthKoreaShadowWar.Batches;

/// <summary>A full grid: every combination of each parameter's evenly spaced values.</summary>
internal static class GridDesign
{
    /// <summary>The most points a grid may have.</summary>
    public const int MaximumPoints = 10_000;

    /// <summary>
    /// <paramref name="parameter"/>'s <see cref="SweepParameter.Count"/> values from Low to High inclusive, evenly spaced
    /// (the first is exactly Low, the last exactly High); Low alone when the count is 1. Values in between are rounded
    /// to 15 significant digits, so 0.002 to 0.02 in 5 gives 0.0065, not 0.006500000000000001.
    /// </summary>
    public static IReadOnlyList<double> Values(SweepParameter parameter)
    {
        var count = parameter.Count ?? throw new ArgumentException($"{parameter.Name} has no number of values", nameof(parameter));
        if (count == 1) return [parameter.Low];
        return Enumerable.Range(0, count)
            .Select(i => i == 0 ? parameter.Low : i == count - 1 ? parameter.High
                : Round(parameter.Low + (parameter.High - parameter.Low) * i / (count - 1)))
            .ToList();
    }

    private static double Round(double value) =>
        double.Parse(value.ToString("G15", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>How many points the grid over <paramref name="parameters"/> has (the product of their counts).</summary>
    public static double PointCount(IReadOnlyList<SweepParameter> parameters) =>
        parameters.Aggregate(1.0, (product, p) => product * (p.Count ?? 1));

    /// <summary>
    /// Every point of the grid, each holding one value per parameter in the order given; the last parameter varies
    /// fastest, as in nested loops with the first parameter outermost.
    /// </summary>
    public static IReadOnlyList<double[]> Points(IReadOnlyList<SweepParameter> parameters)
    {
        IEnumerable<double[]> points = [[]];
        foreach (var parameter in parameters)
        {
            var values = Values(parameter);
            points = points.SelectMany(point => values.Select(value => (double[])[.. point, value])).ToList();
        }
        return points.ToList();
    }
}
