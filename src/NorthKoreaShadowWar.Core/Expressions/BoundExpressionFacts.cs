namespace NorthKoreaShadowWar.Expressions;

/// <summary>What a bound expression reads, and its value when it reads nothing that changes.</summary>
internal static class BoundExpressionFacts
{
    public static IEnumerable<BoundExpression> Descendants(BoundExpression expression)
    {
        yield return expression;
        IEnumerable<BoundExpression> children = expression switch
        {
            BoundNegate n => [n.Operand],
            BoundNot n => [n.Operand],
            BoundBinary b => [b.Left, b.Right],
            BoundCall c => c.Arguments,
            _ => [],
        };
        foreach (var child in children)
            foreach (var descendant in Descendants(child))
                yield return descendant;
    }

    public static bool ReadsVariables(BoundExpression expression) => Descendants(expression).Any(e => e is BoundVariable);

    public static bool ReadsMachines(BoundExpression expression) => Descendants(expression).Any(e => e is BoundStateTest);

    public static IEnumerable<int> MachinesRead(BoundExpression expression) =>
        Descendants(expression).OfType<BoundStateTest>().Select(t => t.Machine).Distinct();

    public static IEnumerable<int> ParametersRead(BoundExpression expression) =>
        Descendants(expression).OfType<BoundParameter>().Select(p => p.Index).Distinct();

    public static IEnumerable<int> VariablesRead(BoundExpression expression) =>
        Descendants(expression).OfType<BoundVariable>().Select(v => v.Index).Distinct();

    /// <summary>
    /// Evaluates a bound expression by walking it. For validation, table building and once-per-trial work only:
    /// the per-step path uses compiled programs instead. Conditions evaluate to 1 or 0.
    /// </summary>
    public static double Evaluate(BoundExpression expression, ReadOnlySpan<double> parameters, ReadOnlySpan<double> variables, ReadOnlySpan<int> states) =>
        expression switch
        {
            BoundConstant c => c.Value,
            BoundParameter p => parameters[p.Index],
            BoundVariable v => variables[v.Index],
            BoundStateTest t => ((t.StateMask >> states[t.Machine]) & 1UL) != 0 ? 1 : 0,
            BoundNegate n => -Evaluate(n.Operand, parameters, variables, states),
            BoundNot n => Evaluate(n.Operand, parameters, variables, states) != 0 ? 0 : 1,
            BoundBinary b => Apply(b.Operator, Evaluate(b.Left, parameters, variables, states), Evaluate(b.Right, parameters, variables, states)),
            BoundCall c => Call(c.Function, c.Arguments, parameters, variables, states),
            _ => throw new InvalidOperationException($"unknown expression {expression}"),
        };

    public static double Apply(BinaryOperator op, double left, double right) => op switch
    {
        BinaryOperator.Add => left + right,
        BinaryOperator.Subtract => left - right,
        BinaryOperator.Multiply => left * right,
        BinaryOperator.Divide => left / right,
        BinaryOperator.Less => left < right ? 1 : 0,
        BinaryOperator.LessOrEqual => left <= right ? 1 : 0,
        BinaryOperator.Greater => left > right ? 1 : 0,
        BinaryOperator.GreaterOrEqual => left >= right ? 1 : 0,
        BinaryOperator.Equal => left == right ? 1 : 0,
        BinaryOperator.NotEqual => left != right ? 1 : 0,
        BinaryOperator.And => left != 0 && right != 0 ? 1 : 0,
        BinaryOperator.Or => left != 0 || right != 0 ? 1 : 0,
        _ => throw new InvalidOperationException($"unknown operator {op}"),
    };

    private static double Call(BuiltinFunction function, IReadOnlyList<BoundExpression> arguments,
        ReadOnlySpan<double> parameters, ReadOnlySpan<double> variables, ReadOnlySpan<int> states)
    {
        var first = Evaluate(arguments[0], parameters, variables, states);
        switch (function)
        {
            case BuiltinFunction.Exp: return Math.Exp(first);
            case BuiltinFunction.Log: return Math.Log(first);
            default:
                var result = first;
                for (var i = 1; i < arguments.Count; i++)
                {
                    var next = Evaluate(arguments[i], parameters, variables, states);
                    result = function == BuiltinFunction.Min ? Math.Min(result, next) : Math.Max(result, next);
                }
                return result;
        }
    }
}
