using NorthKoreaShadowWar.Diagnostics;
using NorthKoreaShadowWar.Expressions;

namespace NorthKoreaShadowWar.Scenarios;

/// <summary>
/// A possible move of a machine: from any of <see cref="From"/> (or every non-absorbing state when
/// <see cref="FromAnyState"/>) to <see cref="To"/> with probability <see cref="Probability"/> per step,
/// while <see cref="When"/> holds, scaled by the <see cref="Multipliers"/> whose conditions hold.
/// </summary>
internal sealed record TransitionDefinition(
    SourcePosition Position,
    IReadOnlyList<Located<string>> From,
    bool FromAnyState,
    Located<string> To,
    ExpressionText Probability,
    ExpressionText? When,
    IReadOnlyList<MultiplierDefinition> Multipliers,
    IReadOnlyList<EffectDefinition> Effects)
{
    /// <summary>A short label and the sentence a trace tells when this transition is taken.</summary>
    public StoryText Text { get; init; } = new(null, null);
}
