using NorthKoreaShadowWar.Diagnostics;

namespace NorthKoreaShadowWar.Scenarios;

/// <summary>A parameter: an uncertain quantity about the world, drawn once per trial.</summary>
internal sealed record ParameterDefinition(string Name, SourcePosition Position, ParameterDistribution Distribution);
