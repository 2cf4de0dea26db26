using NorthKoreaShadowWar.Diagnostics;
using NorthKoreaShadowWar.Expressions;

namespace NorthKoreaShadowWar.Scenarios;

/// <summary>
/// A condition or an expression as the user wrote it (<c>"deployment == Combat"</c>, <c>"+= troops * 0.004"</c>
/// without its operator), with the position of its first character so errors point at the right column.
/// </summary>
public sealed record ExpressionText(string Text, SourcePosition Position)
{
    /// <summary>The parsed form; null when the text could not be parsed (the loader reported why).</summary>
    internal ExpressionSyntax? Syntax { get; init; }

    /// <summary>The position of the character at <paramref name="offset"/> in <see cref="Text"/>.</summary>
    public SourcePosition At(int offset) => Position.Advance(offset);

    /// <inheritdoc />
    public override string ToString() => Text;
}
