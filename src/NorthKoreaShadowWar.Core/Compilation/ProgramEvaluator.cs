using System.Runtime.CompilerServices;

namespace NorthKoreaShadowWar.Compilation;

/// <summary>
/// Evaluates compiled expression programs over flat arrays, without allocating. Conditions yield 1 or 0.
/// This is the only expression evaluator on the per-step path.
/// </summary>
internal static class ProgramEvaluator
{
    public static double Evaluate(ReadOnlySpan<Instruction> code, ReadOnlySpan<double> constants,
        ReadOnlySpan<double> variables, ReadOnlySpan<int> states, Span<double> stack)
    {
        var top = -1;
        foreach (ref readonly var instruction in code)
        {
            switch (instruction.Code)
            {
                case OpCode.Number: stack[++top] = instruction.Number; break;
                case OpCode.TrialConstant: stack[++top] = constants[instruction.Index]; break;
                case OpCode.Variable: stack[++top] = variables[instruction.Index]; break;
                case OpCode.StateIn: stack[++top] = ((instruction.Mask >> states[instruction.Index]) & 1UL) != 0 ? 1 : 0; break;
                case OpCode.Negate: stack[top] = -stack[top]; break;
                case OpCode.Not: stack[top] = stack[top] != 0 ? 0 : 1; break;
                case OpCode.Exp: stack[top] = Math.Exp(stack[top]); break;
                case OpCode.Log: stack[top] = Math.Log(stack[top]); break;
                default:
                    var right = stack[top--];
                    stack[top] = Binary(instruction.Code, stack[top], right);
                    break;
            }
        }
        return stack[0];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Binary(OpCode code, double left, double right) => code switch
    {
        OpCode.Add => left + right,
        OpCode.Subtract => left - right,
        OpCode.Multiply => left * right,
        OpCode.Divide => left / right,
        OpCode.Less => left < right ? 1 : 0,
        OpCode.LessOrEqual => left <= right ? 1 : 0,
        OpCode.Greater => left > right ? 1 : 0,
        OpCode.GreaterOrEqual => left >= right ? 1 : 0,
        OpCode.Equal => left == right ? 1 : 0,
        OpCode.NotEqual => left != right ? 1 : 0,
        OpCode.And => left != 0 && right != 0 ? 1 : 0,
        OpCode.Or => left != 0 || right != 0 ? 1 : 0,
        OpCode.Min => Math.Min(left, right),
        OpCode.Max => Math.Max(left, right),
        _ => throw new InvalidOperationException($"not a binary operation: {code}"),
    };
}
