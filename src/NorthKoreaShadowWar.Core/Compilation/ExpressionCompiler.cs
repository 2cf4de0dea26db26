using NorthKoreaShadowWar.Expressions;

namespace NorthKoreaShadowWar.Compilation;

/// <summary>
/// Turns bound expressions into programs and decides what is computed when: an expression that reads
/// only parameters becomes a trial constant slot, evaluated once per trial (or once per run when every
/// parameter it reads is fixed); anything reading variables or states becomes a per-step program.
/// A value source is encoded as an int: <c>slot &gt;= 0</c>, or <c>~program</c> for a program.
/// </summary>
internal sealed class ExpressionCompiler
{
    private readonly List<Instruction> code = [];
    private readonly List<(int Start, int Length, int StackDepth)> programs = [];
    private readonly List<bool> slotIsRandom;
    private readonly List<(int Slot, int Program)> slotPrograms = [];
    private readonly Dictionary<BoundExpression, int> slotsByExpression = [];

    /// <summary>Starts with one slot per parameter; <paramref name="parameterIsRandom"/> tells which vary between trials.</summary>
    public ExpressionCompiler(IReadOnlyList<bool> parameterIsRandom) => slotIsRandom = [.. parameterIsRandom];

    public IReadOnlyList<Instruction> Code => code;
    public IReadOnlyList<(int Start, int Length, int StackDepth)> Programs => programs;
    public int SlotCount => slotIsRandom.Count;
    public IReadOnlyList<bool> SlotIsRandom => slotIsRandom;

    /// <summary>Programs that fill slots, in the order they must run (each after the slots it reads).</summary>
    public IReadOnlyList<(int Slot, int Program)> SlotPrograms => slotPrograms;

    /// <summary>Compiles a derived parameter: its slot is the parameter's own index.</summary>
    public void DefineParameterSlot(int parameter, BoundExpression expression)
    {
        slotIsRandom[parameter] = ReadsRandomSlots(expression);
        slotPrograms.Add((parameter, Program(expression)));
    }

    /// <summary>The value source of a number-valued expression.</summary>
    public int Source(BoundExpression expression)
    {
        if (expression is BoundParameter parameter) return parameter.Index;
        if (IsTrialConstant(expression)) return Slot(expression);
        return ~Program(expression);
    }

    /// <summary>Whether the source reads anything that differs between trials.</summary>
    public bool SourceIsRandom(int source) => source >= 0 ? slotIsRandom[source] : ProgramReadsRandom(~source);

    /// <summary>A program (index) for an expression of any kind.</summary>
    public int Program(BoundExpression expression)
    {
        var start = code.Count;
        var depth = Emit(expression);
        programs.Add((start, code.Count - start, depth));
        return programs.Count - 1;
    }

    public bool ProgramReadsRandom(int program)
    {
        var (start, length, _) = programs[program];
        for (var i = start; i < start + length; i++)
            if (code[i].Code == OpCode.TrialConstant && slotIsRandom[code[i].Index]) return true;
        return false;
    }

    private static bool IsTrialConstant(BoundExpression expression) =>
        !BoundExpressionFacts.ReadsVariables(expression) && !BoundExpressionFacts.ReadsMachines(expression);

    private bool ReadsRandomSlots(BoundExpression expression) =>
        BoundExpressionFacts.ParametersRead(expression).Any(p => slotIsRandom[p]);

    private int Slot(BoundExpression expression)
    {
        if (slotsByExpression.TryGetValue(expression, out var existing)) return existing;
        var slot = slotIsRandom.Count;
        slotIsRandom.Add(ReadsRandomSlots(expression));
        slotPrograms.Add((slot, Program(expression)));
        slotsByExpression[expression] = slot;
        return slot;
    }

    /// <summary>Emits postfix code; returns the stack depth it needs.</summary>
    private int Emit(BoundExpression expression)
    {
        switch (expression)
        {
            case BoundConstant c:
                code.Add(new Instruction(OpCode.Number, 0, c.Value, 0));
                return 1;
            case BoundParameter p:
                code.Add(new Instruction(OpCode.TrialConstant, p.Index, 0, 0));
                return 1;
            case BoundVariable v:
                code.Add(new Instruction(OpCode.Variable, v.Index, 0, 0));
                return 1;
            case BoundStateTest t:
                code.Add(new Instruction(OpCode.StateIn, t.Machine, 0, t.StateMask));
                return 1;
            case BoundNegate n:
                return Unary(n.Operand, OpCode.Negate);
            case BoundNot n:
                return Unary(n.Operand, OpCode.Not);
            case BoundBinary b:
                var left = Emit(b.Left);
                var right = Emit(b.Right);
                code.Add(new Instruction(Map(b.Operator), 0, 0, 0));
                return Math.Max(left, right + 1);
            case BoundCall { Function: BuiltinFunction.Exp } call:
                return Unary(call.Arguments[0], OpCode.Exp);
            case BoundCall { Function: BuiltinFunction.Log } call:
                return Unary(call.Arguments[0], OpCode.Log);
            case BoundCall call:
                var depth = Emit(call.Arguments[0]);
                for (var i = 1; i < call.Arguments.Count; i++)
                {
                    depth = Math.Max(depth, Emit(call.Arguments[i]) + 1);
                    code.Add(new Instruction(call.Function == BuiltinFunction.Min ? OpCode.Min : OpCode.Max, 0, 0, 0));
                }
                return depth;
            default:
                throw new InvalidOperationException($"cannot compile a {expression.GetType().Name}");
        }
    }

    private int Unary(BoundExpression operand, OpCode op)
    {
        var depth = Emit(operand);
        code.Add(new Instruction(op, 0, 0, 0));
        return depth;
    }

    private static OpCode Map(BinaryOperator op) => op switch
    {
        BinaryOperator.Add => OpCode.Add,
        BinaryOperator.Subtract => OpCode.Subtract,
        BinaryOperator.Multiply => OpCode.Multiply,
        BinaryOperator.Divide => OpCode.Divide,
        BinaryOperator.Less => OpCode.Less,
        BinaryOperator.LessOrEqual => OpCode.LessOrEqual,
        BinaryOperator.Greater => OpCode.Greater,
        BinaryOperator.GreaterOrEqual => OpCode.GreaterOrEqual,
        BinaryOperator.Equal => OpCode.Equal,
        BinaryOperator.NotEqual => OpCode.NotEqual,
        BinaryOperator.And => OpCode.And,
        _ => OpCode.Or,
    };
}
