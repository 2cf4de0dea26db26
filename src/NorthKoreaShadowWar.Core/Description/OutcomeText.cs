using System.Globalization;
using NorthKoreaShadowWar.Scenarios;

namespace NorthKoreaShadowWar.Description;

/// <summary>An outcome in words, as results, tables and the explorer show it.</summary>
internal static class OutcomeText
{
    /// <summary>The outcome as the user wrote it, e.g. <c>reached: sk_aid.Lethal, within: 52</c>.</summary>
    public static string AsWritten(OutcomeDefinition definition)
    {
        var key = definition.Kind switch
        {
            OutcomeKind.Reached => "reached",
            OutcomeKind.FirstStep => "first_step",
            OutcomeKind.Final => "final",
            OutcomeKind.Value => "value",
            _ => "steps_in",
        };
        var within = definition.Within is { } w ? string.Create(CultureInfo.InvariantCulture, $", within: {w.Value}") : "";
        return $"{key}: {definition.Subject.Text}{within}";
    }

    /// <summary>The kind of result an outcome of <paramref name="kind"/> gives: <c>probability</c>, <c>categorical</c> or <c>distribution</c>.</summary>
    public static string ResultKind(OutcomeKind kind) =>
        kind == OutcomeKind.Reached ? "probability" : kind == OutcomeKind.Final ? "categorical" : "distribution";
}
