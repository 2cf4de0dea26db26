namespace NorthKoreaShadowWar.Scenarios;

/// <summary>Effects applied at the end of every step after which the machine is in <see cref="State"/>.</summary>
internal sealed record EachStepDefinition(Located<string> State, IReadOnlyList<EffectDefinition> Effects);
