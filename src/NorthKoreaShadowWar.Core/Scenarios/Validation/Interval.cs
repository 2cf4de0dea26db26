using NorthKoreaShadowWar.Expressions;

namespace NorthKoreaShadowWar.Scenarios.Validation;

/// <summary>
/// A closed range of values, used to decide statically what an expression can evaluate to over every
/// parameter draw. Conditions evaluate to [1,1] (always true), [0,0] (always false) or [0,1] (depends).
/// </summary>
internal readonly record struct Interval(double Lower, double Upper)
{
    public static readonly Interval Anything = new(double.NegativeInfinity, double.PositiveInfinity);
    public static readonly Interval True = new(1, 1);
    public static readonly Interval False = new(0, 0);
    public static readonly Interval Unknown = new(0, 1);

    public static Interval Point(double value) => new(value, value);

    public bool IsPoint => Lower == Upper;

    public bool CanBeTrue => Upper > 0;

    public bool IsAlwaysTrue => Lower > 0;

    public static Interval Hull(Interval a, Interval b) => new(Math.Min(a.Lower, b.Lower), Math.Max(a.Upper, b.Upper));

    /// <summary>The range of <paramref name="expression"/> given ranges for parameters and exact machine states (variables unbounded).</summary>
    public static Interval Of(BoundExpression expression, IReadOnlyList<Interval> parameters, ReadOnlySpan<int> states)
    {
        var exact = states.ToArray();
        return Of(expression, parameters, _ => Anything, t => ((t.StateMask >> exact[t.Machine]) & 1UL) != 0 ? True : False);
    }

    /// <summary>
    /// The range of <paramref name="expression"/> given ranges for parameters and variables, and the range of each state
    /// test (<see cref="True"/>, <see cref="False"/>, or <see cref="Unknown"/> when the machine may be in or out of the tested states).
    /// </summary>
    public static Interval Of(BoundExpression expression, IReadOnlyList<Interval> parameters, Func<int, Interval> variables, Func<BoundStateTest, Interval> stateTests)
    {
        Interval Range(BoundExpression e) => e switch
        {
            BoundConstant c => Point(c.Value),
            BoundParameter p => parameters[p.Index],
            BoundVariable v => variables(v.Index),
            BoundStateTest t => stateTests(t),
            BoundNegate n => Negate(Range(n.Operand)),
            BoundNot n => Range(n.Operand) is var x ? new Interval(1 - x.Upper, 1 - x.Lower) : default,
            BoundBinary b => Binary(b.Operator, Range(b.Left), Range(b.Right)),
            BoundCall c => Call(c.Function, c.Arguments.Select(Range).ToList()),
            _ => Anything,
        };
        return Range(expression);
    }

    private static Interval Negate(Interval x) => new(-x.Upper, -x.Lower);

    internal static Interval Binary(BinaryOperator op, Interval a, Interval b) => op switch
    {
        BinaryOperator.Add => new(a.Lower + b.Lower, a.Upper + b.Upper),
        BinaryOperator.Subtract => new(a.Lower - b.Upper, a.Upper - b.Lower),
        BinaryOperator.Multiply => Multiply(a, b),
        BinaryOperator.Divide => b.Lower > 0 || b.Upper < 0 ? Multiply(a, new(1 / b.Upper, 1 / b.Lower)) : Anything,
        BinaryOperator.Less => Decide(a.Upper < b.Lower, a.Lower >= b.Upper),
        BinaryOperator.LessOrEqual => Decide(a.Upper <= b.Lower, a.Lower > b.Upper),
        BinaryOperator.Greater => Decide(a.Lower > b.Upper, a.Upper <= b.Lower),
        BinaryOperator.GreaterOrEqual => Decide(a.Lower >= b.Upper, a.Upper < b.Lower),
        BinaryOperator.Equal => Decide(a.IsPoint && b.IsPoint && a.Lower == b.Lower, a.Upper < b.Lower || b.Upper < a.Lower),
        BinaryOperator.NotEqual => Decide(a.Upper < b.Lower || b.Upper < a.Lower, a.IsPoint && b.IsPoint && a.Lower == b.Lower),
        BinaryOperator.And => new(Math.Min(a.Lower, b.Lower), Math.Min(a.Upper, b.Upper)),
        _ => new(Math.Max(a.Lower, b.Lower), Math.Max(a.Upper, b.Upper)),
    };

    private static Interval Decide(bool alwaysTrue, bool alwaysFalse) => alwaysTrue ? True : alwaysFalse ? False : Unknown;

    private static Interval Multiply(Interval a, Interval b)
    {
        Span<double> products = [Product(a.Lower, b.Lower), Product(a.Lower, b.Upper), Product(a.Upper, b.Lower), Product(a.Upper, b.Upper)];
        double lower = double.PositiveInfinity, upper = double.NegativeInfinity;
        foreach (var p in products)
        {
            lower = Math.Min(lower, p);
            upper = Math.Max(upper, p);
        }
        return new(lower, upper);
    }

    private static double Product(double x, double y) => x == 0 || y == 0 ? 0 : x * y;

    private static Interval Call(BuiltinFunction function, IReadOnlyList<Interval> arguments)
    {
        var first = arguments[0];
        switch (function)
        {
            case BuiltinFunction.Exp: return new(Math.Exp(first.Lower), Math.Exp(first.Upper));
            case BuiltinFunction.Log: return new(first.Lower <= 0 ? double.NegativeInfinity : Math.Log(first.Lower), first.Upper <= 0 ? double.NegativeInfinity : Math.Log(first.Upper));
        }
        var result = first;
        for (var i = 1; i < arguments.Count; i++)
        {
            var next = arguments[i];
            result = function == BuiltinFunction.Min
                ? new(Math.Min(result.Lower, next.Lower), Math.Min(result.Upper, next.Upper))
                : new(Math.Max(result.Lower, next.Lower), Math.Max(result.Upper, next.Upper));
        }
        return result;
    }
}
