namespace NorthKoreaShadowWar.Compilation;

/// <summary>The operations of the small stack machine that evaluates expressions per step.</summary>
internal enum OpCode : byte
{
    /// <summary>Push <see cref="Instruction.Number"/>.</summary>
    Number,
    /// <summary>Push trial constant slot <see cref="Instruction.Index"/> (a parameter or a parameter-only expression).</summary>
    TrialConstant,
    /// <summary>Push variable <see cref="Instruction.Index"/>.</summary>
    Variable,
    /// <summary>Push 1 when machine <see cref="Instruction.Index"/> is in a state of <see cref="Instruction.Mask"/>, else 0.</summary>
    StateIn,
    Negate, Not,
    Add, Subtract, Multiply, Divide,
    Less, LessOrEqual, Greater, GreaterOrEqual, Equal, NotEqual,
    And, Or, Min, Max, Exp, Log,
}

/// <summary>One instruction: an operation and its operand.</summary>
internal readonly record struct Instruction(OpCode Code, int Index, double Number, ulong Mask);
