using System.Globalization;
using NorthKoreaShadowWar.Diagnostics;

namespace NorthKoreaShadowWar.Expressions;

/// <summary>
/// Resolves the names of a parsed expression against a scenario's <see cref="SymbolTable"/> and checks
/// types: a condition where a condition is needed, a number where a number is. Reports every problem.
/// </summary>
internal sealed class ExpressionBinder(SymbolTable symbols, DiagnosticBag diagnostics)
{
    private static readonly Dictionary<string, (BuiltinFunction Function, int MinimumArguments, int MaximumArguments)> Functions = new()
    {
        ["min"] = (BuiltinFunction.Min, 2, int.MaxValue),
        ["max"] = (BuiltinFunction.Max, 2, int.MaxValue),
        ["exp"] = (BuiltinFunction.Exp, 1, 1),
        ["log"] = (BuiltinFunction.Log, 1, 1),
    };

    /// <summary>Binds a number-valued expression that may read the names in <paramref name="use"/>.</summary>
    public BoundExpression? BindNumber(ExpressionText text, string what, NameUse use) => Bind(text, what, use, expectCondition: false);

    /// <summary>Binds a condition.</summary>
    public BoundExpression? BindCondition(ExpressionText text, string what, NameUse use = NameUse.All) => Bind(text, what, use, expectCondition: true);

    private BoundExpression? Bind(ExpressionText text, string what, NameUse use, bool expectCondition)
    {
        if (text.Syntax is null) return null;
        var context = new Context(text, what, use);
        var bound = BindNode(context, text.Syntax);
        if (bound is null) return null;
        if (bound.IsCondition != expectCondition)
        {
            diagnostics.Error(text.At(StartOf(text.Syntax)), expectCondition
                ? $"{what} must be a condition such as 'deployment == Combat' or 'casualties > 5000', but '{text.Text}' is a number"
                : $"{what} must be a number, but '{text.Text}' is a condition");
            return null;
        }
        return bound;
    }

    private sealed record Context(ExpressionText Text, string What, NameUse Use);

    private BoundExpression? BindNode(Context context, ExpressionSyntax syntax) => syntax switch
    {
        NumberSyntax number => new BoundConstant(number.Value),
        NameSyntax name => BindName(context, name),
        StateReferenceSyntax reference => BindStateTest(context, reference.Machine, [reference.State], negated: false),
        UnarySyntax { Operator: "-" } unary => Number(context, unary.Operand) is { } operand ? new BoundNegate(operand) : null,
        UnarySyntax unary => Condition(context, unary.Operand) is { } operand ? new BoundNot(operand) : null,
        InSyntax @in => BindIn(context, @in),
        BinarySyntax binary => BindBinary(context, binary),
        CallSyntax call => BindCall(context, call),
        _ => throw new InvalidOperationException($"unknown syntax {syntax.GetType().Name}"),
    };

    private BoundExpression? BindName(Context context, NameSyntax name)
    {
        if ((context.Use & NameUse.Parameters) != 0 && symbols.Parameters.TryGetValue(name.Name, out var parameter))
            return new BoundParameter(parameter, name.Name);
        if ((context.Use & NameUse.Variables) != 0 && symbols.Variables.TryGetValue(name.Name, out var variable))
            return new BoundVariable(variable, name.Name);
        Error(context, name.Offset, DescribeUnknownName(context, name.Name));
        return null;
    }

    private string DescribeUnknownName(Context context, string name)
    {
        if (symbols.Machines.ContainsKey(name))
            return (context.Use & NameUse.Machines) != 0
                ? $"'{name}' is a machine; compare it with one of its states, e.g. '{name} == {FirstState(name)}'"
                : $"'{name}' is a machine, which {context.What} cannot read";
        if (symbols.Variables.ContainsKey(name))
            return $"'{name}' is a variable, which {context.What} cannot read (only parameters are known before the trial starts)";
        var machineWithState = symbols.Machines.FirstOrDefault(m => symbols.States[m.Value].ContainsKey(name)).Key;
        if (machineWithState is not null)
            return $"'{name}' is a state of '{machineWithState}'; write '{machineWithState} == {name}'";
        if (Functions.ContainsKey(name))
            return $"'{name}' is a function; call it as {name}(...)";
        return $"unknown name '{name}'{SpellingSuggestions.DidYouMean(name, symbols.NamesFor(context.Use))}";
    }

    private string FirstState(string machine) => symbols.States[symbols.Machines[machine]].Keys.FirstOrDefault() ?? "State";

    private BoundExpression? BindIn(Context context, InSyntax @in)
    {
        if (@in.Subject is not NameSyntax machine)
        {
            Error(context, @in.Subject.Offset, "'in' tests a machine's state: write 'machine in [StateA, StateB]'");
            return null;
        }
        return BindStateTest(context, machine, @in.Items, @in.Negated);
    }

    private BoundStateTest? BindStateTest(Context context, NameSyntax machine, IReadOnlyList<NameSyntax> states, bool negated)
    {
        if ((context.Use & NameUse.Machines) == 0)
        {
            Error(context, machine.Offset, $"{context.What} cannot read machine states");
            return null;
        }
        if (!symbols.Machines.TryGetValue(machine.Name, out var machineIndex))
        {
            Error(context, machine.Offset, $"unknown machine '{machine.Name}'{SpellingSuggestions.DidYouMean(machine.Name, symbols.Machines.Keys)}");
            return null;
        }
        var stateIndices = symbols.States[machineIndex];
        ulong mask = 0;
        var known = true;
        foreach (var state in states)
        {
            if (stateIndices.TryGetValue(state.Name, out var stateIndex))
            {
                mask |= 1UL << stateIndex;
                continue;
            }
            Error(context, state.Offset, $"machine '{machine.Name}' has no state '{state.Name}'{SpellingSuggestions.DidYouMean(state.Name, stateIndices.Keys)}; its states are {string.Join(", ", stateIndices.Keys)}");
            known = false;
        }
        if (!known) return null;
        if (negated) mask = ~mask & AllStates(stateIndices.Count);
        return new BoundStateTest(machineIndex, mask);
    }

    private static ulong AllStates(int count) => count >= 64 ? ulong.MaxValue : (1UL << count) - 1;

    private BoundExpression? BindBinary(Context context, BinarySyntax binary)
    {
        switch (binary.Operator)
        {
            case "and" or "or":
                var leftCondition = Condition(context, binary.Left);
                var rightCondition = Condition(context, binary.Right);
                return leftCondition is null || rightCondition is null ? null
                    : new BoundBinary(binary.Operator == "and" ? BinaryOperator.And : BinaryOperator.Or, leftCondition, rightCondition);
            case "==" or "!=" when binary.Left is NameSyntax left && symbols.Machines.ContainsKey(left.Name) && (context.Use & NameUse.Machines) != 0:
                if (binary.Right is not NameSyntax state)
                {
                    Error(context, binary.Right.Offset, $"compare machine '{left.Name}' with one of its states, e.g. '{left.Name} {binary.Operator} {FirstState(left.Name)}'");
                    return null;
                }
                return BindStateTest(context, left, [state], negated: binary.Operator == "!=");
        }
        var op = binary.Operator switch
        {
            "+" => BinaryOperator.Add,
            "-" => BinaryOperator.Subtract,
            "*" => BinaryOperator.Multiply,
            "/" => BinaryOperator.Divide,
            "<" => BinaryOperator.Less,
            "<=" => BinaryOperator.LessOrEqual,
            ">" => BinaryOperator.Greater,
            ">=" => BinaryOperator.GreaterOrEqual,
            "==" => BinaryOperator.Equal,
            _ => BinaryOperator.NotEqual,
        };
        var leftNumber = Number(context, binary.Left);
        var rightNumber = Number(context, binary.Right);
        if (leftNumber is null || rightNumber is null) return null;
        if (op == BinaryOperator.Divide && rightNumber is BoundConstant { Value: 0 })
        {
            Error(context, binary.Right.Offset, "division by zero");
            return null;
        }
        return new BoundBinary(op, leftNumber, rightNumber);
    }

    private BoundExpression? BindCall(Context context, CallSyntax call)
    {
        if (!Functions.TryGetValue(call.Function.Name, out var function))
        {
            Error(context, call.Offset, $"unknown function '{call.Function.Name}'{SpellingSuggestions.DidYouMean(call.Function.Name, Functions.Keys)}; the functions are min, max, exp and log");
            return null;
        }
        if (call.Arguments.Count < function.MinimumArguments || call.Arguments.Count > function.MaximumArguments)
        {
            var expected = function.MaximumArguments == 1 ? "one argument" : "two or more arguments";
            Error(context, call.Offset, string.Create(CultureInfo.InvariantCulture, $"{call.Function.Name}() takes {expected}, got {call.Arguments.Count}"));
            return null;
        }
        var arguments = call.Arguments.Select(a => Number(context, a)).ToList();
        return arguments.Any(a => a is null) ? null : new BoundCall(function.Function, arguments!);
    }

    private BoundExpression? Number(Context context, ExpressionSyntax syntax)
    {
        var bound = BindNode(context, syntax);
        if (bound is null || !bound.IsCondition) return bound;
        Error(context, StartOf(syntax), "a condition is used where a number is needed");
        return null;
    }

    private BoundExpression? Condition(Context context, ExpressionSyntax syntax)
    {
        var bound = BindNode(context, syntax);
        if (bound is null || bound.IsCondition) return bound;
        Error(context, StartOf(syntax), "a number is used where a condition is needed (compare it, e.g. 'x > 0')");
        return null;
    }

    /// <summary>Where a piece of syntax begins (an operator node's offset is its operator's).</summary>
    private static int StartOf(ExpressionSyntax syntax) => syntax switch
    {
        BinarySyntax binary => StartOf(binary.Left),
        InSyntax @in => StartOf(@in.Subject),
        _ => syntax.Offset,
    };

    private void Error(Context context, int offset, string message) =>
        diagnostics.Error(context.Text.At(offset), $"in {context.What}: {message}");
}
