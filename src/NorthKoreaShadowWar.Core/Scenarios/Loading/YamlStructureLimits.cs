using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace NorthKoreaShadowWar.Scenarios.Loading;

/// <summary>
/// Checks the shape of a YAML text (a scenario or any other YAML file the project reads) from its stream of parse events, before any tree is built: nesting deeper than
/// <see cref="ScenarioLoader.MaximumNestingDepth"/> (which would exhaust the stack of a recursive reader) and
/// anchors and aliases that would expand to more than <see cref="ScenarioLoader.MaximumAliasExpansion"/> values
/// (the "billion laughs" file, a few lines that stand for billions of values). Both are refused at once.
/// </summary>
internal static class YamlStructureLimits
{
    /// <summary>
    /// The first limit the text breaks (or an alias to no anchor, which the tree builder cannot place), with the place
    /// it breaks it; null when it keeps them all.
    /// </summary>
    /// <exception cref="YamlException">The text is not well-formed YAML (the caller reports it).</exception>
    public static (Mark Position, string Message)? FirstProblem(string text)
    {
        var parser = new Parser(new StringReader(text));
        // One frame per open mapping or sequence: the values it holds with every alias expanded, and its anchor.
        var open = new Stack<(long Values, string? Anchor)>();
        var anchorValues = new Dictionary<string, long>(StringComparer.Ordinal);
        long expandedByAliases = 0;
        var lastGood = Mark.Empty;
        while (Next(parser, lastGood, open.Count))
        {
            lastGood = parser.Current!.End;
            switch (parser.Current)
            {
                case MappingStart or SequenceStart:
                    var start = (NodeEvent)parser.Current!;
                    if (open.Count >= ScenarioLoader.MaximumNestingDepth)
                        return (start.Start, $"lists and mappings are nested more than {ScenarioLoader.MaximumNestingDepth} deep; a scenario needs a handful of levels");
                    open.Push((1, start.Anchor.IsEmpty ? null : start.Anchor.Value));
                    break;
                case MappingEnd or SequenceEnd:
                    var (values, anchor) = open.Pop();
                    if (anchor is not null) anchorValues[anchor] = values;
                    AddToParent(open, values);
                    break;
                case Scalar scalar:
                    if (!scalar.Anchor.IsEmpty) anchorValues[scalar.Anchor.Value] = 1;
                    AddToParent(open, 1);
                    break;
                case AnchorAlias alias when !anchorValues.ContainsKey(alias.Value.Value):
                    return (alias.Start, $"alias '*{alias.Value.Value}' names no anchor ('&{alias.Value.Value}') defined before it; "
                        + "a '*' starts an alias in YAML, so quote a text that begins with one");
                case AnchorAlias alias:
                    var size = anchorValues.GetValueOrDefault(alias.Value.Value, 1);
                    expandedByAliases = Math.Min(long.MaxValue / 2, expandedByAliases + size);
                    if (expandedByAliases > ScenarioLoader.MaximumAliasExpansion)
                        return (alias.Start, $"anchors and aliases would expand to more than {ScenarioLoader.MaximumAliasExpansion:N0} values (alias '*{alias.Value.Value}' alone stands for {size:N0}); write the values out instead of nesting aliases");
                    AddToParent(open, size);
                    break;
            }
        }
        return null;
    }

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

    private static void AddToParent(Stack<(long Values, string? Anchor)> open, long values)
    {
        if (open.Count == 0) return;
        var (parentValues, anchor) = open.Pop();
        open.Push((Math.Min(long.MaxValue / 2, parentValues + values), anchor));
    }
}
