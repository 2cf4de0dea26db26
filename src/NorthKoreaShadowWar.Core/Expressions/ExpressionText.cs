using NorthKoreaShadowWar.Diagnostics;

namespace NorthKoreaShadowWar.Expressions;

/// <summary>
/// A condition or an expression as the user wrote it (<c>"deployment == Combat"</c>, <c>"+= troops * 0.004"</c>
/// without its operator), with the position of its first character and of every other one, so errors point at the
/// right line and column even in a value folded over several lines or written with escapes.
/// </summary>
internal sealed record ExpressionText(string Text, SourcePosition Position)
{
    /// <summary>An expression whose characters are placed by <paramref name="map"/>.</summary>
    public ExpressionText(string text, SourceMap map) : this(text, map.At(0)) => Map = map;

    /// <summary>The parsed form; null when the text could not be parsed (the loader reported why).</summary>
    internal ExpressionSyntax? Syntax { get; init; }

    /// <summary>Where each character was written; by default, along one line from <see cref="Position"/>.</summary>
    public SourceMap? Map { get; init; }

    /// <summary>The position of the character at <paramref name="offset"/> in <see cref="Text"/>.</summary>
    public SourcePosition At(int offset) => Map?.At(offset) ?? Position.Advance(offset);

    /// <inheritdoc />
    public override string ToString() => Text;
}
