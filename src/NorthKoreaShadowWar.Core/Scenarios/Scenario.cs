using NorthKoreaShadowWar.Diagnostics;

namespace NorthKoreaShadowWar.Scenarios;

/// <summary>
/// A scenario as written in its YAML file: immutable, every element carrying its source position.
/// A variant or a command-line override produces a new <see cref="Scenario"/> (see <see cref="Loading.ScenarioOverrides"/>).
/// </summary>
internal sealed record Scenario
{
    /// <summary>The scenario's name, <c>[a-z0-9_-]+</c>; names the default results folder.</summary>
    public required string Name { get; init; }
    /// <summary>A one-line title for reports.</summary>
    public string? Title { get; init; }
    /// <summary>Free text for the report.</summary>
    public string? Description { get; init; }
    /// <summary>Where the assumptions come from.</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];
    /// <summary>The length of one step: day, week or month (labels only).</summary>
    public Located<string> Step { get; init; }
    /// <summary>Steps per trial, at least 1.</summary>
    public Located<int> Horizon { get; init; }
    /// <summary>The uncertain quantities, in file order.</summary>
    public IReadOnlyList<ParameterDefinition> Parameters { get; init; } = [];
    /// <summary>Rank correlations wanted between drawn parameters, in file order.</summary>
    public IReadOnlyList<CorrelationDefinition> Correlations { get; init; } = [];
    /// <summary>The numbers carried through a trial, in file order.</summary>
    public IReadOnlyList<VariableDefinition> Variables { get; init; } = [];
    /// <summary>The coupled machines, in file order (which is also the order effects apply in).</summary>
    public IReadOnlyList<MachineDefinition> Machines { get; init; } = [];
    /// <summary>What is reported.</summary>
    public IReadOnlyList<OutcomeDefinition> Outcomes { get; init; } = [];
    /// <summary>The named what-ifs.</summary>
    public IReadOnlyList<VariantDefinition> Variants { get; init; } = [];
    /// <summary>The path of the file, as given by the user.</summary>
    public required string SourceFile { get; init; }
    /// <summary>The SHA-256 of the file's bytes, lowercase hex.</summary>
    public required string Sha256 { get; init; }
    /// <summary>Where the scenario's root mapping starts.</summary>
    public SourcePosition Position { get; init; }
    /// <summary>The variant applied, or null for the base scenario.</summary>
    public string? AppliedVariant { get; init; }
    /// <summary>The <c>--set name=value</c> overrides applied, in order.</summary>
    public IReadOnlyList<string> AppliedOverrides { get; init; } = [];
}
