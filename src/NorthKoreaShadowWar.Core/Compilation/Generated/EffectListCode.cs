using System.Linq.Expressions;
using NorthKoreaShadowWar.Scenarios;

namespace NorthKoreaShadowWar.Compilation.Generated;

/// <summary>The generated code of an effect list: each effect's value, its assignment and its check, in list order.</summary>
internal static class EffectListCode
{
    private static readonly System.Reflection.MethodInfo IsFinite = typeof(double).GetMethod(nameof(double.IsFinite), [typeof(double)])!;

    public static EffectListApplication Compile(CompiledModel model, int list)
    {
        var constants = Expression.Parameter(typeof(double[]), "constants");
        var readVariables = Expression.Parameter(typeof(double[]), "readVariables");
        var variables = Expression.Parameter(typeof(double[]), "variables");
        var states = Expression.Parameter(typeof(int[]), "states");
        var programs = new ProgramExpressions(model, constants, readVariables, states);
        var done = Expression.Label(typeof(int), "done");
        var value = Expression.Variable(typeof(double), "value");
        var body = new List<Expression>();
        var range = model.EffectLists[list];
        for (var i = 0; i < range.Count; i++)
        {
            var effect = model.Effects[range.Start + i];
            var variable = Expression.ArrayAccess(variables, Expression.Constant(effect.Variable));
            body.Add(Expression.Assign(value, programs.Value(effect.Source)));
            body.Add(Expression.Assign(variable, effect.Operator switch
            {
                EffectOperator.Add => Expression.Add(variable, value),
                EffectOperator.Subtract => Expression.Subtract(variable, value),
                EffectOperator.Multiply => Expression.Multiply(variable, value),
                _ => value,
            }));
            body.Add(Expression.IfThen(Expression.Not(Expression.Call(IsFinite, variable)), Expression.Return(done, Expression.Constant(i))));
        }
        body.Add(Expression.Label(done, Expression.Constant(-1)));
        return Expression.Lambda<EffectListApplication>(Expression.Block(typeof(int), [value], body), constants, readVariables, variables, states).Compile();
    }
}
