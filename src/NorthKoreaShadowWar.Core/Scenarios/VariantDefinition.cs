using NorthKoreaShadowWar.Diagnostics;

namespace NorthKoreaShadowWar.Scenarios;

/// <summary>A named what-if: the base scenario with some of its settings replaced.</summary>
internal sealed record VariantDefinition(
    string Name,
    SourcePosition Position,
    string? Description,
    Located<int>? Horizon,
    Located<string>? Step,
    IReadOnlyList<ParameterDefinition> Parameters,
    IReadOnlyList<VariableDefinition> Variables)
{
    /// <summary>A block that replaces the scenario's whole <c>correlations:</c> block (an empty one removes them all); null keeps it.</summary>
    public IReadOnlyList<CorrelationDefinition>? Correlations { get; init; }
}
