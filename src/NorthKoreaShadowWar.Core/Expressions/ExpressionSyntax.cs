namespace NorthKoreaShadowWar.Expressions;

/// <summary>
/// The parsed form of a condition or an expression, before names are resolved. Offsets are
/// character positions in the expression text, used to point errors at the right column.
/// </summary>
internal abstract record ExpressionSyntax(int Offset);

/// <summary>A number literal.</summary>
internal sealed record NumberSyntax(double Value, int Offset) : ExpressionSyntax(Offset);

/// <summary>A name: a parameter, a variable, a machine or a state.</summary>
internal sealed record NameSyntax(string Name, int Offset) : ExpressionSyntax(Offset);

/// <summary><c>machine.State</c>: shorthand for <c>machine == State</c>.</summary>
internal sealed record StateReferenceSyntax(NameSyntax Machine, NameSyntax State, int Offset) : ExpressionSyntax(Offset);

/// <summary><c>-x</c> or <c>not c</c>.</summary>
internal sealed record UnarySyntax(string Operator, ExpressionSyntax Operand, int Offset) : ExpressionSyntax(Offset);

/// <summary>Arithmetic, comparison and logical operators with two operands.</summary>
internal sealed record BinarySyntax(string Operator, ExpressionSyntax Left, ExpressionSyntax Right, int Offset) : ExpressionSyntax(Offset);

/// <summary><c>machine in [A, B]</c> or <c>machine not in [A, B]</c>.</summary>
internal sealed record InSyntax(ExpressionSyntax Subject, IReadOnlyList<NameSyntax> Items, bool Negated, int Offset) : ExpressionSyntax(Offset);

/// <summary>A call of <c>min</c>, <c>max</c>, <c>exp</c> or <c>log</c>.</summary>
internal sealed record CallSyntax(NameSyntax Function, IReadOnlyList<ExpressionSyntax> Arguments, int Offset) : ExpressionSyntax(Offset);
