using System.Linq.Expressions;
using NorthKoreaShadowWar.Scenarios;

namespace NorthKoreaShadowWar.Compilation.Generated;

/// <summary>The generated code of an effect list: each effect's value, its assignment and its check, in list order.</summary>
internal static class EffectListCode
{
    private static readonly System.Reflection.MethodInfo IsFinite = typeof(double).GetMethod(nameof(double.IsFinite), [typeof(double)])!;

    /// <summary>
    /// The effects of list <paramref name="list"/> in order: each value (read through <paramref name="programs"/>), its
    /// assignment to its variable (variable v is <paramref name="variable"/>(v)), and its check, which runs <paramref name="failed"/> of the effect's
    /// position in the list when the variable is no longer a finite number.
    /// </summary>
    public static IEnumerable<Expression> Statements(CompiledModel model, int list, ProgramExpressions programs, Func<int, Expression> variable,
        Func<int, Expression> failed)
    {
        var range = model.EffectLists[list];
        for (var i = 0; i < range.Count; i++)
        {
            var effect = model.Effects[range.Start + i];
            var assigned = variable(effect.Variable);
            var value = Expression.Variable(typeof(double), "value");
            yield return Expression.Block([value],
                Expression.Assign(value, programs.Value(effect.Source)),
                Expression.Assign(assigned, effect.Operator switch
                {
                    EffectOperator.Add => Expression.Add(assigned, value),
                    EffectOperator.Subtract => Expression.Subtract(assigned, value),
                    EffectOperator.Multiply => Expression.Multiply(assigned, value),
                    _ => value,
                }),
                Expression.IfThen(Expression.Not(Expression.Call(IsFinite, assigned)), failed(i)));
        }
    }
}
