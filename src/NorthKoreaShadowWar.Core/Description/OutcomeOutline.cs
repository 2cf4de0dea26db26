using NorthKoreaShadowWar.Scenarios;
using NorthKoreaShadowWar.Scenarios.Validation;

namespace NorthKoreaShadowWar.Description;

/// <summary>An outcome in words.</summary>
/// <param name="Name">The outcome's name.</param>
/// <param name="Kind">The kind of result it gives (<see cref="OutcomeText.ResultKind"/>).</param>
/// <param name="Definition">Its definition as written (<see cref="OutcomeText.AsWritten"/>).</param>
/// <param name="Description">Its description, if it has one.</param>
/// <param name="Machine">For a <c>final</c> outcome, the machine whose final state it counts; null otherwise.</param>
internal sealed record OutcomeOutline(string Name, string Kind, string Definition, string? Description, string? Machine)
{
    /// <summary>The outline of <paramref name="outcome"/> of <paramref name="scenario"/>.</summary>
    public static OutcomeOutline Of(ResolvedOutcome outcome, ResolvedScenario scenario) => new(
        outcome.Name,
        OutcomeText.ResultKind(outcome.Kind),
        OutcomeText.AsWritten(outcome.Definition),
        outcome.Definition.Description,
        outcome.Kind == OutcomeKind.Final ? scenario.Machines[outcome.Machine].Name : null);
}
