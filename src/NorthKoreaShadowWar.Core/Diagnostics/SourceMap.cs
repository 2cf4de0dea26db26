namespace NorthKoreaShadowWar.Diagnostics;

/// <summary>
/// Where each character of a text read from a file was written, so that a problem found at an offset into the text
/// is reported at its real line and column. A value that YAML folded over several lines, or wrote with escapes, has
/// one position per character; a character that an escape produced is placed at the escape's backslash. A text known
/// only by where it starts is taken to lie on one line from there.
/// </summary>
internal sealed class SourceMap
{
    private readonly SourcePosition start;
    private readonly SourcePosition[]? positions;
    private readonly int skipped;

    private SourceMap(SourcePosition start, SourcePosition[]? positions, int skipped)
    {
        this.start = start;
        this.positions = positions;
        this.skipped = skipped;
    }

    /// <summary>A text that starts at <paramref name="start"/> and continues along the same line.</summary>
    public static SourceMap OnOneLine(SourcePosition start) => new(start, null, 0);

    /// <summary>A text whose every character has its own position; the last entry is the position just past its end.</summary>
    public static SourceMap PerCharacter(SourcePosition[] positions) => new(positions[0], positions, 0);

    /// <summary>The position of the character at <paramref name="offset"/>; offsets past the end continue the last line.</summary>
    public SourcePosition At(int offset)
    {
        if (positions is null) return start.Advance(offset);
        var index = skipped + Math.Max(0, offset);
        return index < positions.Length ? positions[index] : positions[^1].Advance(index - positions.Length + 1);
    }

    /// <summary>The map of the same text from <paramref name="offset"/> on.</summary>
    public SourceMap From(int offset) =>
        positions is null ? OnOneLine(start.Advance(offset)) : new SourceMap(At(offset), positions, skipped + offset);
}
