using System.Runtime.CompilerServices;

namespace NorthKoreaShadowWar.Compilation;

/// <summary>
/// Evaluates compiled expression programs over flat arrays, without allocating. Conditions yield 1 or 0, or
/// not a number when a comparison in them has an operand that is not a finite number (NaN or infinite, from
/// 0 / 0, an overflow or the log of a number &lt;= 0): such a comparison has no answer, and <c>not</c>, <c>and</c>
/// and <c>or</c> pass that on, so the caller sees it in the condition's result and reports it (see
/// docs/scenario-format.md, "Limits"). This is the only expression evaluator on the per-step path.
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
                case OpCode.Not: stack[top] = 1 - stack[top]; break;
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
        OpCode.Less => Compared(left < right, left, right),
        OpCode.LessOrEqual => Compared(left <= right, left, right),
        OpCode.Greater => Compared(left > right, left, right),
        OpCode.GreaterOrEqual => Compared(left >= right, left, right),
        OpCode.Equal => Compared(left == right, left, right),
        OpCode.NotEqual => Compared(left != right, left, right),
        // The operands of and / or are conditions: 1, 0, or not a number, which both pass on.
        OpCode.And => left * right,
        OpCode.Or => Math.Max(left, right),
        OpCode.Min => Math.Min(left, right),
        OpCode.Max => Math.Max(left, right),
        _ => throw new InvalidOperationException($"not a binary operation: {code}"),
    };

    /// <summary>1 or 0 for a comparison of two finite numbers; not a number when either operand is not finite.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Compared(bool holds, double left, double right) =>
        double.IsFinite(left) && double.IsFinite(right) ? (holds ? 1 : 0) : double.NaN;

    /// <summary>Whether <paramref name="code"/> is a comparison (the operations that answer a condition from two numbers).</summary>
    internal static bool IsComparison(OpCode code) => code is >= OpCode.Less and <= OpCode.NotEqual;

    /// <summary>How many values <paramref name="code"/> leaves on the stack, less how many it takes.</summary>
    internal static int StackEffect(OpCode code) => code switch
    {
        OpCode.Number or OpCode.TrialConstant or OpCode.Variable or OpCode.StateIn => 1,
        OpCode.Negate or OpCode.Not or OpCode.Exp or OpCode.Log => 0,
        _ => -1,
    };
}
