using System.Globalization;
using System.Linq.Expressions;

namespace NorthKoreaShadowWar.Compilation.Generated;

/// <summary>
/// The generated code of a row's probabilities: each transition's effective probability (guard, probability,
/// multipliers, as <see cref="CompiledModel.EffectiveProbability"/>) and the checks the interpreter makes, in the
/// interpreter's order of operations; <see cref="MachineMovesCode"/> picks the transition from them by cumulative sums.
/// </summary>
internal static class RowChoiceCode
{
    /// <summary>
    /// Appends to <paramref name="body"/> the effective probability of each transition of <paramref name="row"/>, each
    /// in a local of its own (returned, in row order), and the interpreter's checks: <paramref name="invalid"/> runs when
    /// one is negative or not a number, or when they add up to more than 1 (beyond rounding).
    /// </summary>
    public static ParameterExpression[] ValidProbabilities(CompiledModel model, in RowLayout row, ProgramExpressions programs,
        List<ParameterExpression> locals, List<Expression> body, Expression invalid)
    {
        var probabilities = new ParameterExpression[row.TransitionCount];
        var total = Expression.Variable(typeof(double), "total");
        locals.Add(total);
        body.Add(Expression.Assign(total, Expression.Constant(0.0)));
        for (var i = 0; i < row.TransitionCount; i++)
        {
            probabilities[i] = Expression.Variable(typeof(double), string.Create(CultureInfo.InvariantCulture, $"p{i}"));
            locals.Add(probabilities[i]);
            body.Add(EffectiveProbability(model, model.RowTransitions[row.TransitionStart + i], programs, probabilities[i], locals));
            body.Add(Expression.IfThen(Expression.Not(Expression.GreaterThanOrEqual(probabilities[i], Expression.Constant(0.0))), invalid));
            body.Add(Expression.AddAssign(total, probabilities[i]));
        }
        body.Add(Expression.IfThen(Expression.GreaterThan(total, Expression.Constant(1 + TransitionTables.Tolerance)), invalid));
        return probabilities;
    }

    /// <summary>
    /// Assigns transition <paramref name="transition"/>'s effective probability to <paramref name="probability"/>:
    /// 0 while its guard is 0, else guard x p, then times (condition x factor) for each multiplier whose condition is
    /// not 0 — the interpreter's operations in its order. A guard or condition made only of state tests
    /// (<see cref="ProgramExpressions.Condition"/>) is 1 or 0 exactly, and 1 x p is p bit for bit, so it is tested as a
    /// <c>bool</c> and its product left out.
    /// </summary>
    public static Expression EffectiveProbability(CompiledModel model, int transition, ProgramExpressions programs,
        ParameterExpression probability, List<ParameterExpression> locals)
    {
        ref readonly var code = ref model.Transitions[transition];
        var steps = new List<Expression>();
        var guard = Expression.Variable(typeof(double), string.Create(CultureInfo.InvariantCulture, $"guard{transition}"));
        var guardCondition = code.GuardProgram >= 0 ? programs.Condition(code.GuardProgram) : null;
        if (code.GuardProgram >= 0 && guardCondition is null)
        {
            locals.Add(guard);
            steps.Add(Expression.Assign(probability, Expression.Multiply(guard, programs.Value(code.ProbabilitySource))));
        }
        else
        {
            steps.Add(Expression.Assign(probability, programs.Value(code.ProbabilitySource)));
        }
        for (var i = code.MultiplierStart; i < code.MultiplierStart + code.MultiplierCount; i++)
        {
            var multiplier = model.Multipliers[i];
            if (programs.Condition(multiplier.ConditionProgram) is { } condition)
            {
                steps.Add(Expression.IfThen(condition, Expression.MultiplyAssign(probability, programs.Value(multiplier.FactorSource))));
                continue;
            }
            var holds = Expression.Variable(typeof(double), string.Create(CultureInfo.InvariantCulture, $"holds{transition}_{i}"));
            locals.Add(holds);
            steps.Add(Expression.Assign(holds, programs.Program(multiplier.ConditionProgram)));
            steps.Add(Expression.IfThen(Expression.NotEqual(holds, Expression.Constant(0.0)),
                Expression.MultiplyAssign(probability, Expression.Multiply(holds, programs.Value(multiplier.FactorSource)))));
        }
        if (code.GuardProgram < 0) return Expression.Block(steps);
        if (guardCondition is not null)
            return Expression.IfThenElse(guardCondition, Expression.Block(steps), Expression.Assign(probability, Expression.Constant(0.0)));
        return Expression.Block(
            Expression.Assign(guard, programs.Program(code.GuardProgram)),
            Expression.IfThenElse(Expression.Equal(guard, Expression.Constant(0.0)),
                Expression.Assign(probability, Expression.Constant(0.0)),
                Expression.Block(steps)));
    }
}
