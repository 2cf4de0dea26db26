using NorthKoreaShadowWar.Diagnostics;

namespace NorthKoreaShadowWar.Scenarios;

/// <summary>A named what-if: the base scenario with some of its settings replaced.</summary>
public sealed record VariantDefinition(
    string Name,
    SourcePosition Position,
    string? Description,
    Located<int>? Horizon,
    Located<string>? Step,
    IReadOnlyList<ParameterDefinition> Parameters,
    IReadOnlyList<VariableDefinition> Variables);
