using System.Linq.Expressions;
using NorthKoreaShadowWar.Scenarios;

namespace NorthKoreaShadowWar.Compilation.Generated;

/// <summary>The generated code of an effect list: each effect's value, its assignment and its check, in list order.</summary>
internal static class EffectListCode
{
    private static readonly System.Reflection.MethodInfo IsFinite = typeof(double).GetMethod(nameof(double.IsFinite), [typeof(double)])!;

    /// <summary>
    /// The effects of list <paramref name="list"/> in order: each value (read through <paramref name="programs"/>), its
    /// assignment to <paramref name="variables"/>, and its check, which runs <paramref name="failed"/> of the effect's
    /// position in the list when the variable is no longer a finite number.
    /// </summary>
    public static IEnumerable<Expression> Statements(CompiledModel model, int list, ProgramExpressions programs, Expression variables,
        Func<int, Expression> failed)
    {
        var range = model.EffectLists[list];
        for (var i = 0; i < range.Count; i++)
        {
            var effect = model.Effects[range.Start + i];
            var variable = Expression.ArrayAccess(variables, Expression.Constant(effect.Variable));
            var value = Expression.Variable(typeof(double), "value");
            yield return Expression.Block([value],
                Expression.Assign(value, programs.Value(effect.Source)),
                Expression.Assign(variable, effect.Operator switch
                {
                    EffectOperator.Add => Expression.Add(variable, value),
                    EffectOperator.Subtract => Expression.Subtract(variable, value),
                    EffectOperator.Multiply => Expression.Multiply(variable, value),
                    _ => value,
                }),
                Expression.IfThen(Expression.Not(Expression.Call(IsFinite, variable)), failed(i)));
        }
    }
}
