using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace NorthKoreaShadowWar.Scenarios.Loading;

/// <summary>
/// Reads a <c>correlations:</c> block: a list of <c>{ between: [a, b], rank: r }</c> entries, each with an optional
/// <c>description</c>. Checks the shape and that <c>-1 &lt;= r &lt;= 1</c>; names are checked by validation.
/// </summary>
internal static class CorrelationReader
{
    private static readonly string[] Keys = ["between", "rank", "description"];

    /// <summary>The entries of <paramref name="node"/>; an empty block (<c>correlations: []</c> or nothing) gives none.</summary>
    public static List<CorrelationDefinition> Read(YamlReadContext context, YamlNode node, string what)
    {
        var correlations = new List<CorrelationDefinition>();
        if (YamlReadContext.IsNull(node)) return correlations;
        if (node is not YamlSequenceNode sequence)
        {
            context.Error(node, $"{what} must be a list, each entry like - {{ between: [troops0, casualty_rate], rank: 0.6 }}");
            return correlations;
        }
        foreach (var item in sequence.Children)
            if (ReadEntry(context, item, what) is { } correlation) correlations.Add(correlation);
        return correlations;
    }

    private static CorrelationDefinition? ReadEntry(YamlReadContext context, YamlNode node, string what)
    {
        var entry = $"an entry of {what}";
        var mapping = context.Mapping(node, entry, Keys);
        if (mapping is null) return null;
        var complete = true;
        foreach (var key in new[] { "between", "rank" })
        {
            if (mapping.Has(key)) continue;
            context.Error(node, $"{entry} is missing '{key}', e.g. {{ between: [troops0, casualty_rate], rank: 0.6 }}");
            complete = false;
        }
        if (!complete) return null;
        var betweenNode = mapping["between"]!;
        List<Located<string>>? names = null;
        if (betweenNode is YamlSequenceNode { Children.Count: 2 })
            names = context.Names(betweenNode, $"'between' of {entry}");
        else
            context.Error(betweenNode, $"'between' of {entry} must list exactly two parameters, e.g. [troops0, casualty_rate]");
        var rankNode = mapping["rank"]!;
        var rank = context.Number(rankNode, $"'rank' of {entry}");
        if (rank is { } r && Math.Abs(r) > 1)
        {
            context.Error(rankNode, string.Create(CultureInfo.InvariantCulture, $"a rank correlation lies between -1 and 1, got {r}"));
            rank = null;
        }
        var description = mapping["description"] is { } descriptionNode ? context.String(descriptionNode, $"the description of {entry}") : null;
        if (names is not { Count: 2 } || rank is null) return null;
        return new CorrelationDefinition(context.PositionOf(node), names[0], names[1], new Located<double>(rank.Value, context.PositionOf(rankNode)))
        {
            Description = description,
        };
    }
}
