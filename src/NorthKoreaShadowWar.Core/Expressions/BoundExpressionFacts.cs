namespace NorthKoreaShadowWar.Expressions;

/// <summary>What a bound expression reads.</summary>
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
}
