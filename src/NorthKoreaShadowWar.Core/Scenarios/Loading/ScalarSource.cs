using System.Globalization;
using System.Text;
using YamlDotNet.Core;

namespace NorthKoreaShadowWar.Scenarios.Loading;

/// <summary>
/// Finds where each character of a scalar's value was written in the file, by reading the scalar's source text again
/// the way YAML reads it: a plain or quoted value folded over several lines (a line break between two lines becomes a
/// space, blank lines become line breaks), the escapes of a double-quoted value (a character an escape produced is
/// placed at its backslash), <c>''</c> in a single-quoted one, and literal (<c>|</c>) and folded (<c>&gt;</c>) blocks.
/// The tag and anchor before a value are skipped, so positions point at the value itself.
/// </summary>
internal static class ScalarSource
{
    /// <summary>The index where the value of the node written at [<paramref name="start"/>, <paramref name="end"/>) begins, past its tag and anchor.</summary>
    public static int ValueStart(string text, int start, int end)
    {
        var i = start;
        while (i < end && text[i] is '!' or '&')
        {
            while (i < end && text[i] is not (' ' or '\t') && !SourceLines.IsBreak(text[i])) i++;
            while (i < end && (text[i] is ' ' or '\t' || SourceLines.IsBreak(text[i]) || text[i] == '#'))
            {
                if (text[i] == '#')
                    while (i < end && !SourceLines.IsBreak(text[i])) i++;
                else
                    i++;
            }
        }
        return Math.Min(i, end);
    }

    /// <summary>
    /// For every character of <paramref name="value"/>, the index in <paramref name="text"/> where it was written, and
    /// one more entry just past the last; null when the source cannot be read back into exactly that value (the caller
    /// then places the value by its start).
    /// </summary>
    public static int[]? Indices(string text, int start, int end, ScalarStyle style, string value)
    {
        end = Math.Min(end, text.Length);
        var i = ValueStart(text, start, end);
        var decoded = new Decoded();
        var read = style switch
        {
            ScalarStyle.Plain => ReadFlow(text, i, end, '\0', decoded),
            ScalarStyle.SingleQuoted => end - i >= 2 && text[i] == '\'' && ReadFlow(text, i + 1, end - 1, '\'', decoded),
            ScalarStyle.DoubleQuoted => end - i >= 2 && text[i] == '"' && ReadFlow(text, i + 1, end - 1, '"', decoded),
            ScalarStyle.Literal or ScalarStyle.Folded => ReadBlock(text, i, end, style == ScalarStyle.Folded, decoded),
            _ => false,
        };
        return read && decoded.Text.ToString() == value ? decoded.Finish() : null;
    }

    /// <summary>A plain, single- or double-quoted value between <paramref name="begin"/> and <paramref name="stop"/> (quotes excluded).</summary>
    private static bool ReadFlow(string text, int begin, int stop, char quote, Decoded decoded)
    {
        var blanks = new List<int>();
        var breaks = new List<(char Break, int Index)>();
        var crossedBreak = false;
        var i = begin;
        while (i < stop)
        {
            var c = text[i];
            if (c is ' ' or '\t')
            {
                if (!crossedBreak) blanks.Add(i);
                i++;
                continue;
            }
            if (SourceLines.BreakLength(text, i) is var length and > 0)
            {
                blanks.Clear();
                crossedBreak = true;
                breaks.Add((Normalized(c), i));
                i += length;
                continue;
            }
            Join(text, decoded, blanks, breaks, ref crossedBreak);
            if (quote == '\'' && c == '\'' && i + 1 < stop && text[i + 1] == '\'')
            {
                decoded.Add('\'', i, i + 2);
                i += 2;
            }
            else if (quote == '"' && c == '\\')
            {
                if (i + 1 >= stop) return false;
                if (SourceLines.BreakLength(text, i + 1) is var escaped and > 0)
                {
                    // An escaped line break joins the lines with nothing between them.
                    i += 1 + escaped;
                    while (i < stop && text[i] is ' ' or '\t') i++;
                    crossedBreak = true;
                    breaks.Add(('\0', i));
                    continue;
                }
                if (Escape(text, i, out var produced, out var width) is false) return false;
                decoded.Add(produced, i, i + width);
                i += width;
            }
            else
            {
                decoded.Add(c, i, i + 1);
                i++;
            }
        }
        Join(text, decoded, blanks, breaks, ref crossedBreak);
        return true;
    }

    /// <summary>What stands between two pieces of a flow value: the blanks of the same line, or the folded line breaks.</summary>
    private static void Join(string text, Decoded decoded, List<int> blanks, List<(char Break, int Index)> breaks, ref bool crossedBreak)
    {
        if (crossedBreak)
        {
            var (first, firstIndex) = breaks[0];
            if (first == '\0')
                foreach (var (c, index) in breaks.Skip(1)) decoded.Fold(c, index);
            else if (first == '\n' && breaks.Count == 1)
                decoded.Fold(' ', firstIndex);
            else
                foreach (var (c, index) in first == '\n' ? breaks.Skip(1) : breaks) decoded.Fold(c, index);
            breaks.Clear();
            crossedBreak = false;
        }
        foreach (var index in blanks) decoded.Add(text[index], index, index + 1);
        blanks.Clear();
    }

    /// <summary>The character a double-quoted escape at <paramref name="at"/> stands for, and how many characters it takes.</summary>
    private static bool Escape(string text, int at, out string produced, out int width)
    {
        var c = text[at + 1];
        width = 2;
        var digits = c switch { 'x' => 2, 'u' => 4, 'U' => 8, _ => 0 };
        if (digits > 0)
        {
            width = 2 + digits;
            produced = "";
            if (at + width > text.Length || !int.TryParse(text.AsSpan(at + 2, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
                || code is < 0 or > 0x10FFFF || code is >= 0xD800 and <= 0xDFFF)
                return false;
            produced = char.ConvertFromUtf32(code);
            return true;
        }
        produced = c switch
        {
            '0' => "\0", 'a' => "\a", 'b' => "\b", 't' or '\t' => "\t", 'n' => "\n", 'v' => "\v", 'f' => "\f", 'r' => "\r",
            'e' => "\u001B", ' ' => " ", '"' => "\"", '\'' => "'", '\\' => "\\", '/' => "/", 'N' => "\u0085", '_' => "\u00A0",
            'L' => "\u2028", 'P' => "\u2029", _ => "",
        };
        return produced.Length > 0;
    }

    /// <summary>A literal or folded block: its header line, then lines indented at least as far as its first line.</summary>
    private static bool ReadBlock(string text, int i, int end, bool folded, Decoded decoded)
    {
        i++;
        var chomping = 0;
        for (var k = 0; k < 2 && i < end; k++, i++)
        {
            if (text[i] is '+' or '-') chomping = text[i] == '+' ? 1 : -1;
            else if (char.IsAsciiDigit(text[i])) return false; // an explicit indentation counts from the parent's, which is not known here
            else break;
        }
        while (i < end && text[i] is ' ' or '\t') i++;
        if (i < end && text[i] == '#')
            while (i < end && !SourceLines.IsBreak(text[i])) i++;
        if (i >= end) return true;
        if (SourceLines.BreakLength(text, i) is not (var headerBreak and > 0)) return false;
        i += headerBreak;

        var trailing = new List<(char Break, int Index)>();
        var indent = 0;
        var lineStart = i;
        (i, lineStart) = BlockBreaks(text, i, end, ref indent, trailing);
        (char Break, int Index)? leading = null;
        var leadingBlank = false;
        while (i < end && i - lineStart == indent && !SourceLines.IsBreak(text[i]))
        {
            var trailingBlank = text[i] is ' ' or '\t';
            if (folded && leading is { Break: '\n' } && !leadingBlank && !trailingBlank)
            {
                if (trailing.Count == 0) decoded.Fold(' ', leading.Value.Index);
            }
            else if (leading is { } previous)
            {
                decoded.Fold(previous.Break, previous.Index);
            }
            leading = null;
            foreach (var (c, index) in trailing) decoded.Fold(c, index);
            trailing.Clear();
            leadingBlank = trailingBlank;
            while (i < end && !SourceLines.IsBreak(text[i]))
            {
                decoded.Add(text[i], i, i + 1);
                i++;
            }
            if (i >= end) break;
            leading = (Normalized(text[i]), i);
            i += SourceLines.BreakLength(text, i);
            (i, lineStart) = BlockBreaks(text, i, end, ref indent, trailing);
        }
        if (chomping != -1 && leading is { } last) decoded.Fold(last.Break, last.Index);
        if (chomping == 1) foreach (var (c, index) in trailing) decoded.Fold(c, index);
        return true;
    }

    /// <summary>
    /// Skips the indentation and the empty lines before a block's next line of text, collecting the empty lines' breaks;
    /// finds the block's indentation from its first lines when it is not known yet (0).
    /// </summary>
    private static (int Index, int LineStart) BlockBreaks(string text, int i, int end, ref int indent, List<(char Break, int Index)> breaks)
    {
        var widest = 0;
        var lineStart = i;
        while (true)
        {
            while (i < end && (indent == 0 || i - lineStart < indent) && text[i] == ' ') i++;
            widest = Math.Max(widest, i - lineStart);
            if (i >= end || SourceLines.BreakLength(text, i) is not (var length and > 0)) break;
            breaks.Add((Normalized(text[i]), i));
            i += length;
            lineStart = i;
        }
        if (indent == 0) indent = Math.Max(1, widest);
        return (i, lineStart);
    }

    /// <summary>A line break as it appears in a value: <c>\r\n</c>, <c>\r</c> and U+0085 read as <c>\n</c>; U+2028 and U+2029 kept.</summary>
    private static char Normalized(char lineBreak) => lineBreak is '\u2028' or '\u2029' ? lineBreak : '\n';

    /// <summary>The value read so far, with the index each of its characters was written at.</summary>
    private sealed class Decoded
    {
        private readonly List<int> indices = [];
        private int end;

        public StringBuilder Text { get; } = new();

        /// <summary>Characters written in the value at [<paramref name="from"/>, <paramref name="to"/>).</summary>
        public void Add(string produced, int from, int to)
        {
            foreach (var c in produced) Add(c, from, to);
        }

        public void Add(char c, int from, int to)
        {
            Text.Append(c);
            indices.Add(from);
            end = to;
        }

        /// <summary>A character that stands for a line break or the blanks around one.</summary>
        public void Fold(char c, int at)
        {
            Text.Append(c);
            indices.Add(at);
        }

        public int[] Finish() => [.. indices, indices.Count == 0 ? 0 : Math.Max(end, indices[^1] + 1)];
    }
}
