using NorthKoreaShadowWar.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace NorthKoreaShadowWar.Scenarios.Loading;

/// <summary>Reads one machine: its states, initial and absorbing states, transitions and per-step effects.</summary>
internal static class MachineReader
{
    private static readonly string[] TransitionKeys = ["from", "to", "p", "when", "multipliers", "effects", "description", "label", "narrative"];

    public static MachineDefinition? Read(YamlReadContext context, string name, SourcePosition position, YamlNode node)
    {
        var what = $"machine '{name}'";
        var mapping = context.Mapping(node, what, "initial", "states", "absorbing", "each_step", "transitions", "description", "label");
        if (mapping is null) return null;
        Located<string>? initial = null;
        List<InitialShare>? initialShares = null;
        if (mapping["initial"] is YamlMappingNode sharesNode)
        {
            initialShares = ReadInitialShares(context, sharesNode, what);
        }
        else if (mapping["initial"] is { } initialNode)
        {
            if (context.String(initialNode, $"the initial state of {what}") is { } initialName)
                initial = new Located<string>(initialName, context.PositionOf(initialNode));
        }
        else
        {
            context.Error(node, $"{what} is missing 'initial': the state every trial starts in, or a distribution such as {{ Confirmed: 0.7, Combat: 0.3 }}");
        }
        var stateTexts = new Dictionary<string, StoryText>(StringComparer.Ordinal);
        var states = mapping["states"] is { } statesNode ? ReadStates(context, statesNode, what, stateTexts) : [];
        if (mapping["states"] is null) context.Error(node, $"{what} is missing 'states', e.g. states: [Neutral, Aid]");
        var absorbing = mapping["absorbing"] is { } absorbingNode ? context.Names(absorbingNode, $"the absorbing states of {what}") ?? [] : [];
        var eachStep = new List<EachStepDefinition>();
        if (mapping["each_step"] is { } eachStepNode && !YamlReadContext.IsNull(eachStepNode))
        {
            if (eachStepNode is YamlMappingNode eachStepMapping)
            {
                foreach (var (stateKey, effectsNode) in eachStepMapping.Children)
                {
                    if (context.String(stateKey, $"a state in each_step of {what}") is not { } state) continue;
                    var located = new Located<string>(state, context.PositionOf(stateKey));
                    eachStep.Add(new EachStepDefinition(located, ReadEffects(context, effectsNode, $"each_step {state} of {what}")));
                }
            }
            else
            {
                context.Error(eachStepNode, $"each_step of {what} must map states to effects, e.g. Combat: {{ casualties: \"+= 10\" }}");
            }
        }
        var transitions = new List<TransitionDefinition>();
        if (mapping["transitions"] is { } transitionsNode && !YamlReadContext.IsNull(transitionsNode))
        {
            if (transitionsNode is YamlSequenceNode sequence)
            {
                foreach (var item in sequence.Children)
                    if (ReadTransition(context, item, what) is { } transition) transitions.Add(transition);
            }
            else
            {
                context.Error(transitionsNode, $"the transitions of {what} must be a list, each entry starting with '- '");
            }
        }
        return new MachineDefinition(name, position, initial, states, absorbing, eachStep, transitions)
        {
            Label = mapping["label"] is { } label ? context.String(label, $"the label of {what}") : null,
            InitialShares = initialShares,
            StateTexts = stateTexts,
        };
    }

    /// <summary>An initial distribution, <c>{ Confirmed: 0.7, Combat: "1 - p0" }</c>: states to probabilities, in the order written.</summary>
    private static List<InitialShare> ReadInitialShares(YamlReadContext context, YamlMappingNode node, string what)
    {
        var shares = new List<InitialShare>();
        if (node.Children.Count == 0)
            context.Error(node, $"the initial distribution of {what} lists no states; write e.g. {{ Confirmed: 0.7, Combat: 0.3 }}");
        foreach (var (stateNode, probabilityNode) in node.Children)
        {
            if (context.String(stateNode, $"a state in the initial distribution of {what}") is not { } state) continue;
            if (context.Expression(probabilityNode, $"the initial probability of '{state}' in {what}") is not { } probability) continue;
            shares.Add(new InitialShare(new Located<string>(state, context.PositionOf(stateNode)), probability));
        }
        return shares;
    }

    /// <summary>States as a list of names, or of <c>{ name: S, label: "...", narrative: "..." }</c> mappings, or both mixed.</summary>
    private static List<Located<string>> ReadStates(YamlReadContext context, YamlNode node, string what, Dictionary<string, StoryText> texts)
    {
        if (node is not YamlSequenceNode sequence) return context.Names(node, $"the states of {what}") ?? [];
        var states = new List<Located<string>>();
        foreach (var item in sequence.Children)
        {
            if (item is not YamlMappingNode)
            {
                if (context.String(item, $"each state of {what}") is { } plain) states.Add(new Located<string>(plain, context.PositionOf(item)));
                continue;
            }
            var entry = context.Mapping(item, $"a state of {what}", "name", "label", "narrative");
            if (entry is null) continue;
            if (entry["name"] is not { } nameNode || context.String(nameNode, $"the name of a state of {what}") is not { } name)
            {
                if (entry["name"] is null) context.Error(item, $"a state of {what} written as a mapping needs 'name'");
                continue;
            }
            states.Add(new Located<string>(name, context.PositionOf(nameNode)));
            texts[name] = ReadText(context, entry, $"state '{name}' of {what}");
        }
        return states;
    }

    /// <summary>Reads the optional <c>label</c> and <c>narrative</c> of a state or a transition.</summary>
    internal static StoryText ReadText(YamlReadContext context, MappingReader mapping, string what)
    {
        var label = mapping["label"] is { } labelNode ? context.String(labelNode, $"the label of {what}") : null;
        string? narrative = null;
        SourceMap? source = null;
        if (mapping["narrative"] is { } narrativeNode && context.String(narrativeNode, $"the narrative of {what}") is { } text)
        {
            narrative = text;
            source = context.ContentMap(narrativeNode);
        }
        return new StoryText(label, narrative, source);
    }

    private static TransitionDefinition? ReadTransition(YamlReadContext context, YamlNode node, string machine)
    {
        var mapping = context.Mapping(node, $"a transition of {machine}", TransitionKeys);
        if (mapping is null) return null;
        var complete = true;
        foreach (var key in new[] { "from", "to", "p" })
        {
            if (mapping.Has(key)) continue;
            context.Error(node, $"a transition of {machine} is missing '{key}'");
            complete = false;
        }
        if (!complete) return null;
        var fromNode = mapping["from"]!;
        var fromAny = fromNode is YamlScalarNode { Value: "*" };
        var from = fromAny ? [] : context.Names(fromNode, $"'from' of a transition of {machine}") ?? [];
        var toName = context.String(mapping["to"]!, $"'to' of a transition of {machine}");
        var probability = context.Expression(mapping["p"]!, $"the probability of a transition of {machine}");
        var when = mapping["when"] is { } whenNode ? context.Expression(whenNode, $"the 'when' guard of a transition of {machine}") : null;
        var multipliers = ReadMultipliers(context, mapping["multipliers"], machine);
        var effects = mapping["effects"] is { } effectsNode ? ReadEffects(context, effectsNode, $"the effects of a transition of {machine}") : [];
        if (toName is null || probability is null) return null;
        return new TransitionDefinition(
            context.PositionOf(node), from, fromAny, new Located<string>(toName, context.PositionOf(mapping["to"]!)),
            probability, when, multipliers, effects)
        {
            Text = ReadText(context, mapping, $"a transition of {machine}"),
        };
    }

    private static List<MultiplierDefinition> ReadMultipliers(YamlReadContext context, YamlNode? node, string machine)
    {
        var multipliers = new List<MultiplierDefinition>();
        if (node is null || YamlReadContext.IsNull(node)) return multipliers;
        if (node is not YamlSequenceNode sequence)
        {
            context.Error(node, $"multipliers of a transition of {machine} must be a list of {{ when: ..., by: ... }}");
            return multipliers;
        }
        foreach (var item in sequence.Children)
        {
            var mapping = context.Mapping(item, $"a multiplier of a transition of {machine}", "when", "by");
            if (mapping is null) continue;
            if (mapping["when"] is null || mapping["by"] is null)
            {
                context.Error(item, "a multiplier needs both 'when' (a condition) and 'by' (a factor)");
                continue;
            }
            var when = context.Expression(mapping["when"]!, "the condition of a multiplier");
            var by = context.Expression(mapping["by"]!, "the factor of a multiplier");
            if (when is not null && by is not null) multipliers.Add(new MultiplierDefinition(when, by));
        }
        return multipliers;
    }

    /// <summary>Reads <c>{ variable: "+= expr", other: 5 }</c> in file order.</summary>
    internal static List<EffectDefinition> ReadEffects(YamlReadContext context, YamlNode node, string what)
    {
        var effects = new List<EffectDefinition>();
        if (YamlReadContext.IsNull(node)) return effects;
        if (node is not YamlMappingNode mapping)
        {
            context.Error(node, $"{what} must map variables to changes, e.g. {{ troops: \"+= 2000\" }}");
            return effects;
        }
        foreach (var (key, value) in mapping.Children)
        {
            if (context.String(key, $"a variable in {what}") is not { } variable) continue;
            if (ReadEffect(context, value, variable) is { } effect)
                effects.Add(effect with { Variable = new Located<string>(variable, context.PositionOf(key)) });
        }
        return effects;
    }

    private static EffectDefinition? ReadEffect(YamlReadContext context, YamlNode node, string variable)
    {
        if (context.String(node, $"the change to '{variable}'") is not { } text) return null;
        var map = context.ContentMap(node);
        var start = map.At(0);
        var trimmed = text.TrimStart();
        var leading = text.Length - trimmed.Length;
        (EffectOperator Operator, int Length) = trimmed switch
        {
            _ when trimmed.StartsWith("+=", StringComparison.Ordinal) => (EffectOperator.Add, 2),
            _ when trimmed.StartsWith("-=", StringComparison.Ordinal) => (EffectOperator.Subtract, 2),
            _ when trimmed.StartsWith("*=", StringComparison.Ordinal) => (EffectOperator.Multiply, 2),
            _ when trimmed.StartsWith("/=", StringComparison.Ordinal) => (EffectOperator.Set, -1),
            _ when trimmed.StartsWith('=') => (EffectOperator.Set, 1),
            _ => (EffectOperator.Set, 0),
        };
        if (Length < 0)
        {
            context.Diagnostics.Error(map.At(leading), $"'/=' is not an effect; write '*= 1 / x' to divide '{variable}'");
            return null;
        }
        if (Length == 0 && (node is not YamlScalarNode { Style: ScalarStyle.Plain } ||
            !double.TryParse(trimmed, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)))
        {
            context.Diagnostics.Error(start, $"the change to '{variable}' must be '+= expr', '-= expr', '*= expr', '= expr' or a number, not '{text}'");
            return null;
        }
        var expression = context.Expression(trimmed[Length..], map.From(leading + Length), $"the change to '{variable}'");
        return new EffectDefinition(new Located<string>(variable, start), Operator, expression);
    }
}
