using NorthKoreaShadowWar.Diagnostics;

namespace NorthKoreaShadowWar.Scenarios;

/// <summary>A parameter: an uncertain quantity about the world, drawn once per trial.</summary>
public sealed record ParameterDefinition(string Name, SourcePosition Position, ParameterDistribution Distribution);
