namespace NorthKoreaShadowWar.Expressions;

/// <summary>Operators with two operands, after binding.</summary>
internal enum BinaryOperator
{
    Add, Subtract, Multiply, Divide,
    Less, LessOrEqual, Greater, GreaterOrEqual, Equal, NotEqual,
    And, Or,
}

/// <summary>Functions an expression may call.</summary>
internal enum BuiltinFunction { Min, Max, Exp, Log }

/// <summary>
/// An expression whose names are resolved to indices: parameters, variables and machine states.
/// <see cref="IsCondition"/> tells a condition (true/false) from a number.
/// </summary>
internal abstract record BoundExpression(bool IsCondition);

internal sealed record BoundConstant(double Value) : BoundExpression(false);

internal sealed record BoundParameter(int Index, string Name) : BoundExpression(false);

internal sealed record BoundVariable(int Index, string Name) : BoundExpression(false);

/// <summary>True when machine <see cref="Machine"/> is in one of the states whose bits are set in <see cref="StateMask"/>.</summary>
internal sealed record BoundStateTest(int Machine, ulong StateMask) : BoundExpression(true);

internal sealed record BoundNegate(BoundExpression Operand) : BoundExpression(false);

internal sealed record BoundNot(BoundExpression Operand) : BoundExpression(true);

internal sealed record BoundBinary(BinaryOperator Operator, BoundExpression Left, BoundExpression Right)
    : BoundExpression(Operator >= BinaryOperator.Less);

internal sealed record BoundCall(BuiltinFunction Function, IReadOnlyList<BoundExpression> Arguments) : BoundExpression(false);
