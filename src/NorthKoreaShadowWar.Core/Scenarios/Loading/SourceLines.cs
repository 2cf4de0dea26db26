namespace NorthKoreaShadowWar.Scenarios.Loading;

/// <summary>
/// The lines of a YAML text, split where the YAML reader splits them: at <c>\r\n</c>, a lone <c>\r</c> (classic Mac
/// files), <c>\n</c>, and the Unicode breaks U+0085, U+2028 and U+2029. Turns an index into the text into the 1-based
/// line and column every diagnostic shows, so that every check counts lines the same way.
/// </summary>
internal sealed class SourceLines
{
    private readonly List<int> starts = [0];

    public SourceLines(string text)
    {
        for (var i = 0; i < text.Length;)
        {
            var length = BreakLength(text, i);
            if (length == 0) { i++; continue; }
            i += length;
            starts.Add(i);
        }
    }

    /// <summary>The line and column of the character at <paramref name="index"/> (columns count UTF-16 characters).</summary>
    public (int Line, int Column) Of(int index)
    {
        var line = starts.BinarySearch(index);
        if (line < 0) line = ~line - 1;
        return (line + 1, index - starts[line] + 1);
    }

    /// <summary>The length of the line break at <paramref name="index"/>: 2 for <c>\r\n</c>, 1 for any other break, 0 when there is none.</summary>
    public static int BreakLength(string text, int index) => text[index] switch
    {
        '\r' => index + 1 < text.Length && text[index + 1] == '\n' ? 2 : 1,
        '\n' or '\u0085' or '\u2028' or '\u2029' => 1,
        _ => 0,
    };

    public static bool IsBreak(char c) => c is '\r' or '\n' or '\u0085' or '\u2028' or '\u2029';
}
