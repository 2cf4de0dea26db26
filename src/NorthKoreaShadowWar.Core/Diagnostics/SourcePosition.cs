using System.Globalization;

namespace NorthKoreaShadowWar.Diagnostics;

/// <summary>A place in a scenario file: the file's path as the user gave it, and a 1-based line and column.</summary>
public readonly record struct SourcePosition(string File, int Line, int Column)
{
    /// <summary>The position <paramref name="columns"/> characters further along the same line.</summary>
    public SourcePosition Advance(int columns) => this with { Column = Column + columns };

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}:{Column}");
}
