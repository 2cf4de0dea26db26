using NorthKoreaShadowWar.Diagnostics;

namespace NorthKoreaShadowWar.Scenarios;

/// <summary>One probabilistic state machine of a scenario.</summary>
public sealed record MachineDefinition(
    string Name,
    SourcePosition Position,
    Located<string>? Initial,
    IReadOnlyList<Located<string>> States,
    IReadOnlyList<Located<string>> Absorbing,
    IReadOnlyList<EachStepDefinition> EachStep,
    IReadOnlyList<TransitionDefinition> Transitions);
