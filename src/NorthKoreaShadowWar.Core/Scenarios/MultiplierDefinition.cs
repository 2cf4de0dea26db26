using NorthKoreaShadowWar.Expressions;

namespace NorthKoreaShadowWar.Scenarios;

/// <summary>While <see cref="When"/> holds, the transition's probability is multiplied by <see cref="By"/>.</summary>
internal sealed record MultiplierDefinition(ExpressionText When, ExpressionText By);
