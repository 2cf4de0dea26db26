using System.Linq.Expressions;

namespace NorthKoreaShadowWar.Compilation.Generated;

/// <summary>
/// The generated code that builds one context of a per-trial table row (as <see cref="TransitionTables.Build"/> does), in
/// the interpreter's order of operations.
/// </summary>
internal static class TableRowCode
{
    /// <summary>
    /// The build of one context of <paramref name="row"/>: its probabilities from <paramref name="programs"/>, the
    /// interpreter's checks (<paramref name="invalid"/> runs, before anything is written, when they fail), and its
    /// cumulative bounds written to <paramref name="bounds"/> from <paramref name="boundsAt"/> on.
    /// </summary>
    public static Expression Build(CompiledModel model, in RowLayout row, ProgramExpressions programs, Expression bounds, Expression boundsAt, Expression invalid)
    {
        var locals = new List<ParameterExpression>();
        var body = new List<Expression>();
        var probabilities = RowChoiceCode.ValidProbabilities(model, in row, programs, locals, body, invalid);
        var cumulative = Expression.Variable(typeof(double), "cumulative");
        locals.Add(cumulative);
        body.Add(Expression.Assign(cumulative, Expression.Constant(0.0)));
        for (var k = 0; k < row.BoundsStride; k++)
        {
            var bound = Expression.ArrayAccess(bounds, Expression.Add(boundsAt, Expression.Constant(k)));
            if (k >= row.OutcomeCount - 1)
            {
                body.Add(Expression.Assign(bound, Expression.Constant(double.PositiveInfinity)));
                continue;
            }
            var outcome = row.OutcomeOffset + k;
            for (var j = 0; j < model.OutcomeTransitionCount[outcome]; j++)
            {
                var transition = model.OutcomeTransitions[model.OutcomeTransitionStart[outcome] + j];
                body.Add(Expression.AddAssign(cumulative, probabilities[IndexInRow(model, in row, transition)]));
            }
            body.Add(Expression.Assign(bound, cumulative));
        }
        return Expression.Block(typeof(void), locals, body);
    }

    private static int IndexInRow(CompiledModel model, in RowLayout row, int transition) =>
        Array.IndexOf(model.RowTransitions, transition, row.TransitionStart, row.TransitionCount) - row.TransitionStart;
}
