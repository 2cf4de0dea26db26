using NorthKoreaShadowWar.Scenarios.Validation;

namespace NorthKoreaShadowWar.Description;

/// <summary>
/// A scenario (with its variant applied) as a reader sees it before anything runs: its name and title, its variants,
/// its machines with their states, transitions and diagrams, and its outcomes, each in words.
/// </summary>
/// <param name="Name">The scenario's name.</param>
/// <param name="Title">Its title, if it has one.</param>
/// <param name="Description">Its description, if it has one.</param>
/// <param name="Step">The step unit as written (<c>week</c>).</param>
/// <param name="Horizon">The number of steps in a trial.</param>
/// <param name="Variant">The variant applied, if any.</param>
/// <param name="Variants">Every variant the scenario offers.</param>
/// <param name="Machines">The machines, in file order.</param>
/// <param name="Outcomes">The outcomes, in file order.</param>
internal sealed record ScenarioOutline(
    string Name,
    string? Title,
    string? Description,
    string Step,
    int Horizon,
    string? Variant,
    IReadOnlyList<VariantOutline> Variants,
    IReadOnlyList<MachineOutline> Machines,
    IReadOnlyList<OutcomeOutline> Outcomes)
{
    /// <summary>The outline of <paramref name="scenario"/>.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="diagrams">The SVG diagram of each machine, in file order, or null where none could be drawn (<see cref="DiagramRenderer.Svg"/>).</param>
    public static ScenarioOutline Of(ResolvedScenario scenario, IReadOnlyList<string?> diagrams)
    {
        var source = scenario.Source;
        var storyteller = new Storyteller(scenario);
        return new ScenarioOutline(
            source.Name,
            source.Title,
            source.Description,
            source.Step.Value,
            scenario.Horizon,
            source.AppliedVariant,
            source.Variants.Select(v => new VariantOutline(v.Name, v.Description)).ToList(),
            scenario.Machines.Select((machine, m) => MachineOutline.Of(machine, m, storyteller, diagrams[m])).ToList(),
            scenario.Outcomes.Select(o => OutcomeOutline.Of(o, scenario)).ToList());
    }
}

/// <summary>A variant a scenario offers.</summary>
/// <param name="Name">Its name, as <c>--variant</c> takes it.</param>
/// <param name="Description">Its description, if it has one.</param>
internal sealed record VariantOutline(string Name, string? Description);
