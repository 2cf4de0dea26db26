using NorthKoreaShadowWar.Description;
using NorthKoreaShadowWar.Scenarios.Validation;

namespace NorthKoreaShadowWar.Cli.Explorer;

/// <summary>
/// What the page needs to show a scenario before anything runs: the scenario's <see cref="ScenarioOutline"/> (its
/// variants, machines with their states, transitions and, when Graphviz is installed, an SVG diagram, and its
/// outcomes), with the file it came from and its parameters as controls.
/// </summary>
internal static class ScenarioDescription
{
    /// <summary>The description of <paramref name="scenario"/> (with its variant applied) for the page, as JSON-ready objects.</summary>
    /// <param name="file">The file's name in the scenario folder.</param>
    /// <param name="scenario">The scenario.</param>
    /// <param name="diagrams">The SVG diagram of each machine, in file order, or null where none could be drawn.</param>
    public static object Describe(string file, ResolvedScenario scenario, IReadOnlyList<string?> diagrams)
    {
        var outline = ScenarioOutline.Of(scenario, diagrams);
        return new
        {
            file,
            name = outline.Name,
            title = outline.Title,
            description = outline.Description,
            step = outline.Step,
            horizon = outline.Horizon,
            variant = outline.Variant,
            variants = outline.Variants,
            parameters = scenario.Source.Parameters.Select(ParameterControl.For),
            machines = outline.Machines,
            outcomes = outline.Outcomes,
        };
    }
}
