using NorthKoreaShadowWar.Expressions;
using NorthKoreaShadowWar.Scenarios.Validation;

namespace NorthKoreaShadowWar.Compilation;

/// <summary>
/// Compilation pass: the effect lists of transitions and of <c>each_step</c> states, flattened into one array of
/// <see cref="EffectCode"/>s with an <see cref="EffectList"/> per list.
/// </summary>
internal sealed class EffectListCompiler(ExpressionCompiler expressions)
{
    private readonly List<EffectCode> effects = [];
    private readonly List<EffectList> lists = [];

    /// <summary>True when some effect compiled so far reads a variable.</summary>
    public bool ReadVariables { get; private set; }

    public EffectCode[] Effects => [.. effects];

    public EffectList[] Lists => [.. lists];

    /// <summary>Compiles <paramref name="list"/>; returns its index, or -1 when it is empty.</summary>
    public int Compile(IReadOnlyList<ResolvedEffect> list)
    {
        if (list.Count == 0) return -1;
        lists.Add(new EffectList(effects.Count, list.Count));
        foreach (var effect in list)
        {
            ReadVariables |= BoundExpressionFacts.ReadsVariables(effect.Value);
            effects.Add(new EffectCode(effect.Variable, effect.Operator, expressions.Source(effect.Value)));
        }
        return lists.Count - 1;
    }
}
