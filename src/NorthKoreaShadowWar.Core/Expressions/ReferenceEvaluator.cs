
namespace NorthKoreaShadowWar.Expressions;

/// <summary>
/// A plain tree-walking evaluator of bound expressions, written separately from the compiled programs of the
/// fast kernel so that the reference simulator (src/NorthKoreaShadowWar.Reference) shares no evaluation code with it. Conditions yield 1 or 0.
/// </summary>
internal static class ReferenceEvaluator
{
    /// <summary>The value of <paramref name="expression"/> read from <paramref name="inputs"/>.</summary>
    public static double Evaluate(BoundExpression expression, ExpressionInputs inputs) => expression switch
    {
        BoundConstant constant => constant.Value,
        BoundParameter parameter => inputs.Parameters[parameter.Index],
        BoundVariable variable => inputs.Variables[variable.Index],
        BoundStateTest test => Truth(((test.StateMask >> inputs.States[test.Machine]) & 1UL) != 0),
        BoundNegate negate => -Evaluate(negate.Operand, inputs),
        BoundNot not => Truth(!IsTrue(not.Operand, inputs)),
        BoundBinary binary => Binary(binary.Operator, Evaluate(binary.Left, inputs), Evaluate(binary.Right, inputs)),
        BoundCall call => Call(call.Function, call.Arguments, inputs),
        _ => throw new InvalidOperationException($"unknown expression {expression.GetType().Name}"),
    };

    /// <summary>Whether condition <paramref name="condition"/> holds: any non-zero value is true.</summary>
    public static bool IsTrue(BoundExpression condition, ExpressionInputs inputs) => Evaluate(condition, inputs) != 0;

    private static double Truth(bool value) => value ? 1 : 0;

    private static double Binary(BinaryOperator op, double left, double right) => op switch
    {
        BinaryOperator.Add => left + right,
        BinaryOperator.Subtract => left - right,
        BinaryOperator.Multiply => left * right,
        BinaryOperator.Divide => left / right,
        BinaryOperator.Less => Truth(left < right),
        BinaryOperator.LessOrEqual => Truth(left <= right),
        BinaryOperator.Greater => Truth(left > right),
        BinaryOperator.GreaterOrEqual => Truth(left >= right),
        BinaryOperator.Equal => Truth(left == right),
        BinaryOperator.NotEqual => Truth(left != right),
        BinaryOperator.And => Truth(left != 0 && right != 0),
        BinaryOperator.Or => Truth(left != 0 || right != 0),
        _ => throw new InvalidOperationException($"unknown operator {op}"),
    };

    private static double Call(BuiltinFunction function, IReadOnlyList<BoundExpression> arguments, ExpressionInputs inputs) => function switch
    {
        BuiltinFunction.Min => Fold(Math.Min, arguments, inputs),
        BuiltinFunction.Max => Fold(Math.Max, arguments, inputs),
        BuiltinFunction.Exp => Math.Exp(Evaluate(arguments[0], inputs)),
        BuiltinFunction.Log => Math.Log(Evaluate(arguments[0], inputs)),
        _ => throw new InvalidOperationException($"unknown function {function}"),
    };

    /// <summary>Combines the arguments left to right, so a NaN anywhere gives NaN (Math.Min and Math.Max propagate it).</summary>
    private static double Fold(Func<double, double, double> combine, IReadOnlyList<BoundExpression> arguments, ExpressionInputs inputs)
    {
        var result = Evaluate(arguments[0], inputs);
        for (var i = 1; i < arguments.Count; i++) result = combine(result, Evaluate(arguments[i], inputs));
        return result;
    }
}
