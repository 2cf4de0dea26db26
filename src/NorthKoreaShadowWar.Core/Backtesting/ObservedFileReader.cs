using NorthKoreaShadowWar.Diagnostics;
using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Scenarios.Loading;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace NorthKoreaShadowWar.Backtesting;

/// <summary>
/// Reads a file of observed outcomes (see docs/backtesting.md) and checks each entry against the forecasts it will
/// score: the outcome must exist in at least one of the results, and what was recorded must fit its kind (true or
/// false for a probability, a state of the machine for a categorical outcome, a number or <c>never</c> for a
/// distribution). Every problem is reported at its line and column.
/// </summary>
internal static class ObservedFileReader
{
    private static readonly string[] TopLevelKeys = ["recorded", "description", "outcomes"];

    /// <summary>
    /// Reads <paramref name="path"/>, checking it against <paramref name="forecasts"/>; null when the file cannot be read
    /// at all. When <paramref name="diagnostics"/> holds errors afterwards, the file must not be scored.
    /// </summary>
    public static ObservedFile? Read(string path, IReadOnlyList<RunResult> forecasts, DiagnosticBag diagnostics) =>
        YamlFile.ReadBytes(path, "an observed-outcomes .yaml file", ScenarioLoader.MaximumFileBytes, diagnostics) is { } bytes
            ? Parse(bytes, path, forecasts, diagnostics)
            : null;

    /// <summary>Reads observed-outcomes text already in memory; <paramref name="path"/> names it in messages.</summary>
    public static ObservedFile? Parse(byte[] bytes, string path, IReadOnlyList<RunResult> forecasts, DiagnosticBag diagnostics)
    {
        if (YamlFile.Parse(bytes, path, diagnostics,
            "the file is empty; record what happened under 'outcomes:', e.g. outcomes: { combat_by_year_end: true }", "keep one record per file")
            is not { } parsed) return null;
        var (root, context) = parsed;
        var top = context.Mapping(root, "the observed file", TopLevelKeys);
        if (top is null) return null;
        var recorded = top["recorded"] is { } recordedNode ? context.String(recordedNode, "recorded") : null;
        var description = top["description"] is { } descriptionNode ? context.String(descriptionNode, "description") : null;
        if (ScenarioLoader.Required(context, top, root, "outcomes") is not { } outcomesNode) return null;
        if (outcomesNode is not YamlMappingNode outcomes)
        {
            context.Error(outcomesNode, "outcomes must be a mapping of outcome names to what happened, e.g. combat_by_year_end: true");
            return null;
        }
        var known = forecasts.SelectMany(f => f.Outcomes.Select(o => o.Name)).Distinct().ToList();
        var observed = new List<ObservedOutcome>();
        foreach (var (keyNode, valueNode) in outcomes.Children)
        {
            if (context.String(keyNode, "an outcome name") is not { } name) continue;
            var forecastsOfIt = forecasts.SelectMany(f => f.Outcomes.Where(o => o.Name == name)).ToList();
            if (forecastsOfIt.Count == 0)
            {
                context.Error(keyNode, $"no outcome '{name}' in the results{SpellingSuggestions.DidYouMean(name, known)}; the results have: {string.Join(", ", known)}");
                continue;
            }
            if (Observation(context, name, valueNode, forecastsOfIt) is { } observation) observed.Add(observation);
        }
        return new ObservedFile(path, recorded, observed) { Description = description };
    }

    private static ObservedOutcome? Observation(YamlReadContext context, string name, YamlNode node, IReadOnlyList<OutcomeResult> forecasts)
    {
        var kinds = forecasts.Select(Describe).Distinct().ToList();
        if (kinds.Count > 1)
        {
            context.Error(node, $"'{name}' is {string.Join(" in one folder but ", kinds)} in another; score those folders separately");
            return null;
        }
        var observation = new ObservedOutcome(name, context.PositionOf(node));
        var text = node is YamlScalarNode { Value: { } value } && !YamlReadContext.IsNull(node) ? value : null;
        var plain = node is YamlScalarNode { Style: ScalarStyle.Plain };
        switch (forecasts[0])
        {
            case ProbabilityResult:
                if (plain && text?.ToLowerInvariant() is "true" or "false") return observation with { Happened = text.Equals("true", StringComparison.OrdinalIgnoreCase) };
                context.Error(node, $"'{name}' is a probability outcome: record whether it happened as true or false, not {Shown(node, text)}");
                return null;
            case CategoricalResult:
                var states = forecasts.Cast<CategoricalResult>().SelectMany(c => c.Categories.Select(s => s.Category)).Distinct().ToList();
                if (text is not null && states.Contains(text)) return observation with { State = text };
                context.Error(node, $"'{name}' is the final state of a machine: record one of its states ({string.Join(", ", states)}), not {Shown(node, text)}"
                    + (text is null ? "" : SpellingSuggestions.DidYouMean(text, states)));
                return null;
            default:
                var firstStep = forecasts.Cast<DistributionResult>().Any(d => d.Never is not null);
                if (plain && text == "never")
                {
                    if (firstStep) return observation with { Never = true };
                    context.Error(node, $"only a first_step outcome can be 'never'; record the value of '{name}' observed as a number");
                    return null;
                }
                if (context.Number(node, $"the value observed for '{name}'" + (firstStep ? " (or never)" : "")) is not { } number) return null;
                if (firstStep && (number < 0 || number != Math.Floor(number)))
                {
                    context.Error(node, $"'{name}' is a first step: record the step at which it happened as a whole number from 0, or never");
                    return null;
                }
                return observation with { Value = number };
        }
    }

    private static string Describe(OutcomeResult outcome) => outcome switch
    {
        DistributionResult { Never: not null } => "a first-step distribution",
        _ => $"a {outcome.Kind} outcome",
    };

    private static string Shown(YamlNode node, string? text) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        _ => text is null ? "nothing" : $"'{text}'",
    };
}
