using System.Globalization;
using NorthKoreaShadowWar.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace NorthKoreaShadowWar.Scenarios.Loading;

/// <summary>Reads one outcome: exactly one of <c>reached</c>, <c>first_step</c>, <c>final</c>, <c>value</c>, <c>steps_in</c>.</summary>
internal static class OutcomeReader
{
    private static readonly Dictionary<string, OutcomeKind> Kinds = new()
    {
        ["reached"] = OutcomeKind.Reached,
        ["first_step"] = OutcomeKind.FirstStep,
        ["final"] = OutcomeKind.Final,
        ["value"] = OutcomeKind.Value,
        ["steps_in"] = OutcomeKind.StepsIn,
    };

    public static OutcomeDefinition? Read(YamlReadContext context, string name, SourcePosition position, YamlNode node)
    {
        var what = $"outcome '{name}'";
        var mapping = context.Mapping(node, what, [.. Kinds.Keys, "within", "at", "description"]);
        if (mapping is null) return null;
        var kinds = mapping.Keys.Where(Kinds.ContainsKey).ToList();
        if (kinds.Count != 1)
        {
            context.Error(node, kinds.Count == 0
                ? $"{what} needs one of: {string.Join(", ", Kinds.Keys)}"
                : $"{what} has {string.Join(" and ", kinds)}; give exactly one");
            return null;
        }
        var kind = Kinds[kinds[0]];
        Located<int>? within = null;
        if (mapping["within"] is { } withinNode)
        {
            if (kind != OutcomeKind.Reached)
                context.Error(mapping.KeyNode("within")!, $"'within' belongs with 'reached'; {what} is '{kinds[0]}'");
            else if (context.Integer(withinNode, $"'within' of {what}") is { } steps)
            {
                if (steps < 0) context.Error(withinNode, string.Create(CultureInfo.InvariantCulture, $"'within' of {what} must be 0 or more steps, got {steps}"));
                else within = new Located<int>(steps, context.PositionOf(withinNode));
            }
        }
        Located<int>? at = null;
        if (mapping["at"] is { } atNode)
        {
            if (kind != OutcomeKind.Value)
                context.Error(mapping.KeyNode("at")!, $"'at' belongs with 'value'; {what} is '{kinds[0]}'");
            else if (context.Integer(atNode, $"'at' of {what}") is { } step)
            {
                if (step < 0) context.Error(atNode, string.Create(CultureInfo.InvariantCulture, $"'at' of {what} must be a step from 0 to the horizon, got {step}"));
                else at = new Located<int>(step, context.PositionOf(atNode));
            }
        }
        var subject = context.Expression(mapping[kinds[0]]!, $"{kinds[0]} of {what}");
        return subject is null ? null : new OutcomeDefinition(name, position, kind, subject, within)
        {
            At = at,
            Description = mapping["description"] is { } description ? context.String(description, $"the description of {what}") : null,
        };
    }
}
