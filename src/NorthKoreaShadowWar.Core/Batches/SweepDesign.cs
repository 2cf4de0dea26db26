using System.Globalization;
using NorthKoreaShadowWar.Diagnostics;
using NorthKoreaShadowWar.Scenarios;

namespace NorthKoreaShadowWar.Batches;

/// <summary>The points of a sweep: a full grid or a Latin hypercube over the swept parameters.</summary>
/// <param name="Kind"><see cref="BatchKind.Grid"/> or <see cref="BatchKind.LatinHypercube"/>.</param>
/// <param name="Parameters">The swept parameters, in the order given.</param>
/// <param name="Points">Each point's value of every parameter, in the order of <paramref name="Parameters"/>.</param>
internal sealed record SweepDesign(BatchKind Kind, IReadOnlyList<SweepParameter> Parameters, IReadOnlyList<double[]> Points)
{
    /// <summary>
    /// Checks the <c>--param</c> texts against <paramref name="scenario"/> (with its variant and overrides applied) and
    /// builds the points: a grid when <paramref name="samples"/> is null, else a Latin hypercube of that many points
    /// from <paramref name="seed"/>. Returns null and a message for the first mistake: a malformed range, a name given
    /// twice, a parameter the scenario does not have or computes from others, N given with <c>--samples</c> or missing
    /// without it, or too many points.
    /// </summary>
    public static SweepDesign? Create(IReadOnlyList<string> specs, int? samples, ulong seed, Scenario scenario, out string? error)
    {
        error = null;
        if (specs.Count == 0)
        {
            error = "give at least one --param NAME=LO:HI:N (a grid) or, with --samples N, --param NAME=LO:HI";
            return null;
        }
        if (samples is < 1 or > GridDesign.MaximumPoints)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"--samples must be between 1 and {GridDesign.MaximumPoints:N0}, got {samples}");
            return null;
        }
        var parameters = new List<SweepParameter>();
        foreach (var spec in specs)
        {
            if (SweepParameter.Parse(spec, out error) is not { } parameter) return null;
            error = Check(parameter, samples, parameters, scenario);
            if (error is not null) return null;
            parameters.Add(parameter);
        }
        if (samples is { } count)
            return new SweepDesign(BatchKind.LatinHypercube, parameters, LatinHypercubeDesign.Points(parameters, count, seed));
        var points = GridDesign.PointCount(parameters);
        if (points > GridDesign.MaximumPoints)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"the grid has {points:N0} points ({string.Join(" × ", parameters.Select(p => p.Count?.ToString(CultureInfo.InvariantCulture)))}), more than the limit of {GridDesign.MaximumPoints:N0}; ")
                + "use fewer values, or a Latin hypercube (--samples N)";
            return null;
        }
        return new SweepDesign(BatchKind.Grid, parameters, GridDesign.Points(parameters));
    }

    private static string? Check(SweepParameter parameter, int? samples, IReadOnlyList<SweepParameter> earlier, Scenario scenario)
    {
        var name = parameter.Name;
        if (samples is not null && parameter.Count is not null)
            return $"--param {name}: with --samples the points come from a Latin hypercube; give the range alone, NAME=LO:HI, without N";
        if (samples is null && parameter.Count is null)
            return $"--param {name}: a grid needs the number of values, NAME=LO:HI:N (e.g. {name}={SweepParameter.Format(parameter.Low)}:{SweepParameter.Format(parameter.High)}:5), "
                + "or give --samples N for a Latin hypercube";
        if (earlier.Any(p => p.Name == name))
            return $"--param {name} is given twice; give each parameter once";
        var definition = scenario.Parameters.FirstOrDefault(p => p.Name == name);
        if (definition is null)
            return $"--param names parameter '{name}', which the scenario does not define{SpellingSuggestions.DidYouMean(name, scenario.Parameters.Select(p => p.Name))}";
        if (definition.Distribution is DerivedValue derived)
            return $"--param {name}: '{name}' is computed from other parameters ({derived.Expression.Text}); sweep the parameters it reads instead";
        return null;
    }
}
