using NorthKoreaShadowWar.Expressions;

namespace NorthKoreaShadowWar.Scenarios;

/// <summary>How an effect changes its variable.</summary>
internal enum EffectOperator
{
    /// <summary><c>"= expr"</c> or a plain number.</summary>
    Set,
    /// <summary><c>"+= expr"</c>.</summary>
    Add,
    /// <summary><c>"-= expr"</c>.</summary>
    Subtract,
    /// <summary><c>"*= expr"</c>.</summary>
    Multiply,
}

/// <summary>One change to one variable, applied when a transition is taken or at the end of a step spent in a state.</summary>
internal sealed record EffectDefinition(Located<string> Variable, EffectOperator Operator, ExpressionText Value);
