using System.Linq.Expressions;

namespace NorthKoreaShadowWar.Compilation.Generated;

/// <summary>
/// The generated code that builds one context of a per-trial table row (as <see cref="TransitionTables.Build"/> does):
/// the effective probabilities of the row's transitions with the machines in <c>states</c>, the interpreter's checks,
/// and the cumulative bounds of the row's outcomes written from <c>boundsAt</c> on, padded with +infinity.
/// Returns false, writing nothing, when the probabilities are invalid (the interpreter then reports why).
/// </summary>
internal delegate bool TableBoundsBuild(double[] constants, int[] states, double[] bounds, int boundsAt);

/// <summary>Generates <see cref="TableBoundsBuild"/> for a table row, in the interpreter's order of operations.</summary>
internal static class TableRowCode
{
    public static TableBoundsBuild Compile(CompiledModel model, in RowLayout row)
    {
        var constants = Expression.Parameter(typeof(double[]), "constants");
        var states = Expression.Parameter(typeof(int[]), "states");
        var bounds = Expression.Parameter(typeof(double[]), "bounds");
        var boundsAt = Expression.Parameter(typeof(int), "boundsAt");
        // Table rows read no variable.
        var programs = new ProgramExpressions(model, constants, Expression.Constant(Array.Empty<double>()), states);
        var done = Expression.Label(typeof(bool), "done");
        var body = new List<Expression> { Build(model, in row, programs, bounds, boundsAt, Expression.Return(done, Expression.Constant(false))) };
        body.Add(Expression.Label(done, Expression.Constant(true)));
        return Expression.Lambda<TableBoundsBuild>(Expression.Block(typeof(bool), body), constants, states, bounds, boundsAt).Compile();
    }

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
