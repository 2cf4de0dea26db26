using System.Linq.Expressions;
using System.Reflection;

namespace NorthKoreaShadowWar.Compilation.Generated;

/// <summary>
/// Turns a compiled program (postfix code, see <see cref="ProgramEvaluator"/>) into an expression tree that computes
/// exactly what the evaluator computes: the same operations on the same operands in the same order, so the same bits.
/// Trial constant c is read from <paramref name="constant"/>(c), variable v from <paramref name="variable"/>(v) and the
/// state of machine m from <paramref name="state"/>(m) (locals of the generated code).
/// </summary>
internal sealed class ProgramExpressions(CompiledModel model, Func<int, Expression> constant, Func<int, Expression> variable, Func<int, Expression> state)
{
    private static readonly MethodInfo MathExp = typeof(Math).GetMethod(nameof(Math.Exp), [typeof(double)])!;
    private static readonly MethodInfo MathLog = typeof(Math).GetMethod(nameof(Math.Log), [typeof(double)])!;
    private static readonly MethodInfo MathMin = typeof(Math).GetMethod(nameof(Math.Min), [typeof(double), typeof(double)])!;
    private static readonly MethodInfo MathMax = typeof(Math).GetMethod(nameof(Math.Max), [typeof(double), typeof(double)])!;

    /// <summary>The value of program <paramref name="program"/>.</summary>
    public Expression Program(int program)
    {
        var range = model.Programs[program];
        var stack = new Stack<Expression>();
        foreach (var instruction in model.Code.AsSpan(range.Start, range.Length))
        {
            switch (instruction.Code)
            {
                case OpCode.Number: stack.Push(Expression.Constant(instruction.Number)); break;
                case OpCode.TrialConstant: stack.Push(constant(instruction.Index)); break;
                case OpCode.Variable: stack.Push(variable(instruction.Index)); break;
                case OpCode.StateIn:
                    stack.Push(Expression.Call(GeneratedOperations.StateInMethod,
                        Expression.Constant(instruction.Mask), state(instruction.Index)));
                    break;
                case OpCode.Negate: stack.Push(Expression.Negate(stack.Pop())); break;
                case OpCode.Not: stack.Push(Expression.Subtract(Expression.Constant(1.0), stack.Pop())); break;
                case OpCode.Exp: stack.Push(Expression.Call(MathExp, stack.Pop())); break;
                case OpCode.Log: stack.Push(Expression.Call(MathLog, stack.Pop())); break;
                default:
                    var right = stack.Pop();
                    stack.Push(Binary(instruction.Code, stack.Pop(), right));
                    break;
            }
        }
        return stack.Pop();
    }

    /// <summary>
    /// Program <paramref name="program"/> as a <c>bool</c> when it is made only of state tests joined by and, or and not:
    /// its value is then exactly 1 or 0 (never not a number), and the expression says which; null for any other program.
    /// </summary>
    public Expression? Condition(int program)
    {
        var range = model.Programs[program];
        var stack = new Stack<Expression>();
        foreach (var instruction in model.Code.AsSpan(range.Start, range.Length))
        {
            switch (instruction.Code)
            {
                case OpCode.StateIn:
                    stack.Push(Expression.NotEqual(
                        Expression.And(Expression.RightShift(Expression.Constant(instruction.Mask), state(instruction.Index)),
                            Expression.Constant(1UL)),
                        Expression.Constant(0UL)));
                    break;
                case OpCode.Not: stack.Push(Expression.Not(stack.Pop())); break;
                case OpCode.And or OpCode.Or:
                    var right = stack.Pop();
                    var left = stack.Pop();
                    stack.Push(instruction.Code == OpCode.And ? Expression.AndAlso(left, right) : Expression.OrElse(left, right));
                    break;
                default: return null;
            }
        }
        return stack.Pop();
    }

    /// <summary>The value of a source: a trial constant slot (&gt;= 0) or <c>~program</c>.</summary>
    public Expression Value(int source) =>
        source >= 0 ? constant(source) : Program(~source);

    private static Expression Binary(OpCode code, Expression left, Expression right) => code switch
    {
        OpCode.Add => Expression.Add(left, right),
        OpCode.Subtract => Expression.Subtract(left, right),
        OpCode.Multiply => Expression.Multiply(left, right),
        OpCode.Divide => Expression.Divide(left, right),
        OpCode.And => Expression.Multiply(left, right),
        OpCode.Or or OpCode.Max => Expression.Call(MathMax, left, right),
        OpCode.Min => Expression.Call(MathMin, left, right),
        _ when ProgramEvaluator.IsComparison(code) => Expression.Call(GeneratedOperations.Comparison(code), left, right),
        _ => throw new InvalidOperationException($"not a binary operation: {code}"),
    };
}
