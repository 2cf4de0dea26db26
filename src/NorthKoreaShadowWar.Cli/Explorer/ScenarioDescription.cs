using NorthKoreaShadowWar.Reporting;
using NorthKoreaShadowWar.Scenarios;
using NorthKoreaShadowWar.Scenarios.Validation;
using NorthKoreaShadowWar.Tracing;
using NorthKoreaShadowWar.Diagrams;

namespace NorthKoreaShadowWar.Cli.Explorer;

/// <summary>
/// What the page needs to show a scenario before anything runs: its parameters as controls, its variants, its
/// machines (states, transitions and, when Graphviz is installed, an SVG diagram) and its outcomes.
/// </summary>
internal static class ScenarioDescription
{
    /// <summary>The description of <paramref name="scenario"/> (with its variant applied) for the page, as JSON-ready objects.</summary>
    /// <param name="file">The file's name in the scenario folder.</param>
    /// <param name="scenario">The scenario.</param>
    /// <param name="diagrams">The SVG diagram of each machine, in file order, or null where none could be drawn.</param>
    public static object Describe(string file, ResolvedScenario scenario, IReadOnlyList<string?> diagrams)
    {
        var source = scenario.Source;
        var storyteller = new Storyteller(scenario);
        return new
        {
            file,
            name = source.Name,
            title = source.Title,
            description = source.Description,
            step = source.Step.Value,
            horizon = scenario.Horizon,
            variant = source.AppliedVariant,
            variants = source.Variants.Select(v => new { name = v.Name, description = v.Description }),
            parameters = source.Parameters.Select(ParameterControl.For),
            machines = scenario.Machines.Select((machine, m) => new
            {
                name = machine.Name,
                label = storyteller.MachineLabel(m),
                initial = machine.InitialState,
                initialDistribution = machine.InitialShares.Count == 0 ? null
                    : machine.InitialShares.Select(s => new { state = s.State, probability = s.Definition.Probability.Text }),
                states = machine.States.Select((state, s) => new { name = state, label = storyteller.StateLabel(m, s), absorbing = machine.Absorbing[s] }),
                transitions = machine.Transitions.Select(t => new
                {
                    from = t.From,
                    to = t.To,
                    label = StatelessMachineBuilder.TransitionLabel(t.Definition),
                    guard = t.Definition.When?.Text,
                }),
                svg = diagrams[m],
            }),
            outcomes = scenario.Outcomes.Select(o => new
            {
                name = o.Name,
                kind = o.Kind == OutcomeKind.Reached ? "probability" : o.Kind == OutcomeKind.Final ? "categorical" : "distribution",
                definition = Results.ResultsBuilder.Describe(o.Definition),
                description = o.Definition.Description,
                machine = o.Kind == OutcomeKind.Final ? scenario.Machines[o.Machine].Name : null,
            }),
        };
    }

    /// <summary>Each machine's diagram drawn by Graphviz as SVG, or null for each when Graphviz is not installed.</summary>
    public static IReadOnlyList<string?> DrawDiagrams(ResolvedScenario scenario) =>
        DiagramRenderer.Render(scenario).Select(d => d.Html.StartsWith("<div class=\"diagram\">", StringComparison.Ordinal) ? d.Html : null).ToList();
}
