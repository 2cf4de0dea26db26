using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace NorthKoreaShadowWar.Scenarios.Loading;

/// <summary>
/// Checks the shape of a YAML text (a scenario or any other YAML file the project reads) from its stream of parse
/// events, before any tree is built: nesting deeper than <see cref="ScenarioLoader.MaximumNestingDepth"/> (which would
/// exhaust the stack of a recursive reader), anchors and aliases that would expand to more than
/// <see cref="ScenarioLoader.MaximumAliasExpansion"/> values (the "billion laughs" file, a few lines that stand for
/// billions of values), and a key written twice in one mapping. Keys are compared by their value, however they are
/// written: <c>horizon</c>, <c>"horizon"</c> and <c>!!str horizon</c> are the same key. All are refused at once.
/// </summary>
internal static class YamlStructureLimits
{
    /// <summary>One open mapping or sequence: the values it holds with every alias expanded, its anchor, and for a mapping its keys so far.</summary>
    private sealed class Frame(string? anchor, bool isMapping)
    {
        public long Values { get; set; } = 1;

        public string? Anchor { get; } = anchor;

        /// <summary>The keys seen so far and the index each was written at; null for a sequence.</summary>
        public Dictionary<string, int>? Keys { get; } = isMapping ? new(StringComparer.Ordinal) : null;

        /// <summary>For a mapping, whether the next node is a key (rather than a value).</summary>
        public bool ExpectsKey { get; set; } = true;
    }

    /// <summary>
    /// The first limit the text breaks (or an alias to no anchor, which the tree builder cannot place), with the index
    /// in the text where it breaks it; null when it keeps them all.
    /// </summary>
    /// <exception cref="YamlException">The text is not well-formed YAML (the caller reports it).</exception>
    public static (int Index, string Message)? FirstProblem(string text)
    {
        var parser = new Parser(new StringReader(text));
        var lines = new Lazy<SourceLines>(() => new SourceLines(text));
        var open = new Stack<Frame>();
        var anchorValues = new Dictionary<string, long>(StringComparer.Ordinal);
        var anchorScalars = new Dictionary<string, string>(StringComparer.Ordinal);
        long expandedByAliases = 0;
        var lastGood = Mark.Empty;
        while (Next(parser, lastGood, open.Count))
        {
            lastGood = parser.Current!.End;
            if (parser.Current is NodeEvent or AnchorAlias && TakesKeySlot(open) && KeyValue(parser.Current!, anchorScalars) is { } key)
            {
                var at = ScalarSource.ValueStart(text, (int)parser.Current!.Start.Index, (int)parser.Current.End.Index);
                if (!open.Peek().Keys!.TryAdd(key, at))
                    return (at, string.Create(CultureInfo.InvariantCulture, $"duplicate key '{key}' (first written on line {lines.Value.Of(open.Peek().Keys![key]).Line}); a key may appear only once in a mapping"));
            }
            switch (parser.Current)
            {
                case MappingStart or SequenceStart:
                    var start = (NodeEvent)parser.Current!;
                    if (open.Count >= ScenarioLoader.MaximumNestingDepth)
                        return ((int)start.Start.Index, string.Create(CultureInfo.InvariantCulture, $"lists and mappings are nested more than {ScenarioLoader.MaximumNestingDepth} deep; a scenario needs a handful of levels"));
                    open.Push(new Frame(start.Anchor.IsEmpty ? null : start.Anchor.Value, start is MappingStart));
                    break;
                case MappingEnd or SequenceEnd:
                    var frame = open.Pop();
                    if (frame.Anchor is not null) anchorValues[frame.Anchor] = frame.Values;
                    AddToParent(open, frame.Values);
                    break;
                case Scalar scalar:
                    if (!scalar.Anchor.IsEmpty)
                    {
                        anchorValues[scalar.Anchor.Value] = 1;
                        anchorScalars[scalar.Anchor.Value] = scalar.Value;
                    }
                    AddToParent(open, 1);
                    break;
                case AnchorAlias alias when !anchorValues.ContainsKey(alias.Value.Value):
                    return ((int)alias.Start.Index, $"alias '*{alias.Value.Value}' names no anchor ('&{alias.Value.Value}') defined before it; "
                        + "a '*' starts an alias in YAML, so quote a text that begins with one");
                case AnchorAlias alias:
                    var size = anchorValues.GetValueOrDefault(alias.Value.Value, 1);
                    expandedByAliases = Math.Min(long.MaxValue / 2, expandedByAliases + size);
                    if (expandedByAliases > ScenarioLoader.MaximumAliasExpansion)
                        return ((int)alias.Start.Index, string.Create(CultureInfo.InvariantCulture, $"anchors and aliases would expand to more than {ScenarioLoader.MaximumAliasExpansion:N0} values (alias '*{alias.Value.Value}' alone stands for {size:N0}); write the values out instead of nesting aliases"));
                    AddToParent(open, size);
                    break;
            }
        }
        return null;
    }

    /// <summary>Whether the node now starting is a key of the innermost open mapping; moves that mapping on to its next slot.</summary>
    private static bool TakesKeySlot(Stack<Frame> open)
    {
        if (open.Count == 0 || open.Peek().Keys is null) return false;
        var frame = open.Peek();
        frame.ExpectsKey = !frame.ExpectsKey;
        return !frame.ExpectsKey;
    }

    /// <summary>The value a key stands for: a scalar's text whatever its style or tag, or the text of the scalar an alias names; null for a list or mapping used as a key.</summary>
    private static string? KeyValue(ParsingEvent node, Dictionary<string, string> anchorScalars) => node switch
    {
        Scalar scalar => scalar.Value,
        AnchorAlias alias => anchorScalars.GetValueOrDefault(alias.Value.Value),
        _ => null,
    };

    /// <summary>
    /// <see cref="IParser.MoveNext"/>, with the scanner's rare internal failures (seen on some unclosed flow lists)
    /// turned into the <see cref="YamlException"/> of malformed YAML at the last place that could be read.
    /// </summary>
    private static bool Next(Parser parser, Mark lastGood, int depth)
    {
        try
        {
            return parser.MoveNext();
        }
        catch (InvalidOperationException)
        {
            var hint = depth > 0 ? "; is a '[', '{' or quote left unclosed?" : "";
            throw new YamlException(lastGood, lastGood, $"cannot read on after this point{hint}");
        }
    }

    private static void AddToParent(Stack<Frame> open, long values)
    {
        if (open.Count == 0) return;
        var parent = open.Peek();
        parent.Values = Math.Min(long.MaxValue / 2, parent.Values + values);
    }
}
