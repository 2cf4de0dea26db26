using System.Linq.Expressions;
using NorthKoreaShadowWar.Randomness;

namespace NorthKoreaShadowWar.Compilation.Generated;

/// <summary>
/// The generated code of a draw: the next unread draw of the block (<see cref="StepFrame.Draws"/>) while there is one,
/// else the next draw of the trial's generator stepped in line, its state in two locals
/// (<see cref="StepFrame.RandomState0"/>, <see cref="StepFrame.RandomState1"/>): the operations of
/// <see cref="Xoroshiro128StarStar.NextDouble"/>, so the same draws in the same order as refilling the block. Stepping the
/// generator among the moves lets the processor overlap it with them, where a refill waits on it alone.
/// </summary>
internal static class DrawCode
{
    /// <summary>Assigns the next draw to <paramref name="u"/>.</summary>
    public static Expression Next(StepFrameLocals g, ParameterExpression u) =>
        Expression.IfThenElse(Expression.NotEqual(g.Draw, Expression.ArrayLength(g.Draws)),
            Expression.Assign(u, GeneratedOperations.ReadAt(g.Draws, Expression.PostIncrementAssign(g.Draw))),
            Generated(g.RandomState0, g.RandomState1, u));

    /// <summary>xoroshiro128**: the output from the first word, then the state stepped; the output's top 53 bits times 2^-53.</summary>
    private static Expression Generated(ParameterExpression s0, ParameterExpression s1, ParameterExpression u)
    {
        var output = Expression.Variable(typeof(ulong), "output");
        return Expression.Block([output],
            Expression.Assign(output, Expression.Multiply(RotateLeft(Expression.Multiply(s0, Expression.Constant(5UL)), 7), Expression.Constant(9UL))),
            Expression.ExclusiveOrAssign(s1, s0),
            Expression.Assign(s0, Expression.ExclusiveOr(Expression.ExclusiveOr(RotateLeft(s0, 24), s1), Expression.LeftShift(s1, Expression.Constant(16)))),
            Expression.Assign(s1, RotateLeft(s1, 37)),
            Expression.Assign(u, Expression.Multiply(
                Expression.Convert(Expression.Convert(Expression.RightShift(output, Expression.Constant(11)), typeof(long)), typeof(double)),
                Expression.Constant(Xoroshiro128StarStar.Scale))));
    }

    private static Expression RotateLeft(Expression value, int by) =>
        Expression.Or(Expression.LeftShift(value, Expression.Constant(by)), Expression.RightShift(value, Expression.Constant(64 - by)));
}
