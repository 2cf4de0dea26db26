using System.Globalization;
using NorthKoreaShadowWar.Diagnostics;
using NorthKoreaShadowWar.Expressions;
using NorthKoreaShadowWar.Scenarios;
using NorthKoreaShadowWar.Scenarios.Loading;
using NorthKoreaShadowWar.Scenarios.Validation;
using YamlDotNet.RepresentationModel;

namespace NorthKoreaShadowWar.Updating;

/// <summary>
/// Reads an evidence file (see docs/updating.md) and checks it against the scenario it will update: names with a
/// did-you-mean hint, steps within <c>as_of</c> and the horizon, reliabilities and likelihoods in [0, 1], error
/// distributions the format knows. Every problem is reported at its line and column.
/// </summary>
internal static class EvidenceFileReader
{
    private static readonly string[] TopLevelKeys = ["as_of", "description", "recorded", "observations"];
    private static readonly string[] Kinds = ["holds", "does_not_hold", "first_held", "not_held_by", "measured", "report"];
    private static readonly string[] ObservationKeys = ["source", .. Kinds, "at", "between", "by", "reliability", "value", "likelihood"];

    /// <summary>The largest evidence file read.</summary>
    public const int MaximumFileBytes = ScenarioLoader.MaximumFileBytes;

    /// <summary>Reads <paramref name="path"/> against <paramref name="scenario"/>; null when it has errors (all in <paramref name="diagnostics"/>).</summary>
    public static EvidenceFile? Read(string path, ResolvedScenario scenario, DiagnosticBag diagnostics) =>
        YamlFile.ReadBytes(path, "an evidence .yaml file", MaximumFileBytes, diagnostics) is { } bytes
            ? Parse(bytes, path, scenario, diagnostics)
            : null;

    /// <summary>Reads evidence text already in memory; <paramref name="path"/> names it in messages.</summary>
    public static EvidenceFile? Parse(byte[] bytes, string path, ResolvedScenario scenario, DiagnosticBag diagnostics)
    {
        if (YamlFile.Parse(bytes, path, diagnostics,
            "the file is empty; give as_of: and a list of observations:, e.g. observations: [{ source: \"...\", holds: \"deployment == Combat\", at: 7 }]",
            "keep one body of evidence per file")
            is not { } parsed) return null;
        var (root, context) = parsed;
        var top = context.Mapping(root, "the evidence file", TopLevelKeys);
        if (top is null) return null;
        var errorsBefore = diagnostics.Items.Count(d => d.Severity == DiagnosticSeverity.Error);
        var description = top["description"] is { } d ? context.String(d, "description") : null;
        var recorded = top["recorded"] is { } r ? context.String(r, "recorded") : null;
        int? asOf = null;
        if (ScenarioLoader.Required(context, top, root, "as_of") is { } asOfNode && context.Integer(asOfNode, "as_of") is { } asOfValue)
        {
            if (asOfValue < 0 || asOfValue > scenario.Horizon)
                context.Error(asOfNode, string.Create(CultureInfo.InvariantCulture, $"as_of must be a step from 0 to the scenario's horizon ({scenario.Horizon}), got {asOfValue}"));
            else asOf = asOfValue;
        }
        var observations = new List<Observation>();
        if (ScenarioLoader.Required(context, top, root, "observations") is { } listNode)
        {
            if (listNode is not YamlSequenceNode list)
                context.Error(listNode, "observations must be a list, each item with a source: and one of " + string.Join(", ", Kinds));
            else
            {
                var reader = new ObservationReader(context, scenario, asOf ?? scenario.Horizon);
                foreach (var item in list.Children)
                    if (reader.Read(item) is { } observation) observations.Add(observation);
                if (list.Children.Count == 0) context.Error(listNode, "observations is empty; give at least one observation");
            }
        }
        var errorsAfter = diagnostics.Items.Count(x => x.Severity == DiagnosticSeverity.Error);
        if (errorsAfter > errorsBefore || asOf is null) return null;
        return new EvidenceFile(path, asOf.Value, observations) { Description = description, Recorded = recorded };
    }

    /// <summary>The names of <paramref name="scenario"/> as expressions in an evidence file may read them.</summary>
    internal static SymbolTable Symbols(ResolvedScenario scenario)
    {
        var symbols = new SymbolTable();
        for (var p = 0; p < scenario.Parameters.Count; p++) symbols.Parameters[scenario.Parameters[p].Name] = p;
        for (var v = 0; v < scenario.Variables.Count; v++) symbols.Variables[scenario.Variables[v].Name] = v;
        for (var m = 0; m < scenario.Machines.Count; m++)
        {
            symbols.Machines[scenario.Machines[m].Name] = m;
            symbols.States.Add(scenario.Machines[m].States.Select((s, i) => (s, i)).ToDictionary(x => x.s, x => x.i, StringComparer.Ordinal));
        }
        return symbols;
    }

    private sealed class ObservationReader(YamlReadContext context, ResolvedScenario scenario, int asOf)
    {
        private readonly ExpressionBinder binder = new(Symbols(scenario), context.Diagnostics);

        public Observation? Read(YamlNode node)
        {
            var mapping = context.Mapping(node, "an observation", ObservationKeys);
            if (mapping is null) return null;
            var kinds = Kinds.Where(mapping.Has).ToList();
            if (kinds.Count != 1)
            {
                context.Error(node, kinds.Count == 0
                    ? $"an observation needs one of {string.Join(", ", Kinds)}"
                    : $"an observation states one thing; this one has {string.Join(" and ", kinds)}");
                return null;
            }
            var source = mapping["source"] is { } sourceNode ? context.String(sourceNode, "source") : null;
            if (mapping["source"] is null) context.Error(node, "an observation needs a source: (who reported it, and when)");
            if (source is null) return null;
            var kind = kinds[0];
            var position = context.PositionOf(node);
            var allowed = kind switch
            {
                "holds" or "does_not_hold" => new[] { "at", "reliability" },
                "first_held" => ["between", "reliability"],
                "not_held_by" => ["by", "reliability"],
                "measured" => ["at", "value"],
                _ => ["at", "likelihood"],
            };
            foreach (var key in mapping.Keys.Where(k => k != "source" && k != kind && !allowed.Contains(k)))
                context.Error(mapping.KeyNode(key)!, $"'{key}' does not belong to a {kind} observation; it takes {string.Join(", ", allowed)}");
            return kind switch
            {
                "holds" or "does_not_hold" or "first_held" or "not_held_by" => Condition(mapping, kind, source, position),
                "measured" => Measured(mapping, source, position),
                _ => Report(mapping, source, position),
            };
        }

        private ConditionObservation? Condition(MappingReader mapping, string kind, string source, SourcePosition position)
        {
            var conditionNode = mapping[kind]!;
            var text = context.Expression(conditionNode, $"the condition of a {kind} observation");
            var bound = text is null ? null : binder.BindCondition(text, $"the condition of a {kind} observation");
            int? from, to;
            if (kind == "first_held")
            {
                var range = Range(mapping, mapping.KeyNode(kind)!);
                from = range?.From;
                to = range?.To;
            }
            else
            {
                var key = kind == "not_held_by" ? "by" : "at";
                to = Step(mapping, key, mapping.KeyNode(kind)!);
                from = to;
            }
            var reliability = mapping["reliability"] is { } reliabilityNode ? Probability(reliabilityNode, "reliability") : null;
            if (mapping["reliability"] is not null && reliability is null) return null;
            if (bound is null || from is null || to is null) return null;
            return new ConditionObservation
            {
                Source = source,
                Position = position,
                Claim = kind switch
                {
                    "holds" => ConditionClaim.Holds,
                    "does_not_hold" => ConditionClaim.DoesNotHold,
                    "first_held" => ConditionClaim.FirstHeld,
                    _ => ConditionClaim.NotHeldBy,
                },
                Condition = text!,
                Bound = bound,
                From = from.Value,
                To = to.Value,
                Reliability = reliability,
            };
        }

        private MeasurementObservation? Measured(MappingReader mapping, string source, SourcePosition position)
        {
            var text = context.Expression(mapping["measured"]!, "what was measured");
            var bound = text is null ? null : binder.BindNumber(text, "what was measured", NameUse.All);
            var at = Step(mapping, "at", mapping.KeyNode("measured")!);
            ParameterDistribution? error = null;
            if (mapping["value"] is not { } valueNode)
                context.Error(mapping.KeyNode("measured")!, "a measured observation needs value: the measurement with its error, e.g. value: { lognormal: { p05: 700, p95: 2000 } }");
            else
            {
                error = DistributionReader.Read(context, valueNode, "value");
                if (error is FixedValue or DerivedValue)
                {
                    context.Error(valueNode, "value must be a distribution that states the measurement's error, e.g. { normal: { mean: 1100, sd: 300 } } or { lognormal: { p05: 700, p95: 2000 } }, not a single number");
                    error = null;
                }
            }
            if (bound is null || at is null || error is null) return null;
            return new MeasurementObservation { Source = source, Position = position, Quantity = text!, Bound = bound, At = at.Value, Error = error };
        }

        private ReportObservation? Report(MappingReader mapping, string source, SourcePosition position)
        {
            var machineNode = mapping["report"]!;
            var at = Step(mapping, "at", mapping.KeyNode("report")!);
            if (context.String(machineNode, "the machine reported on") is not { } machine) return null;
            var index = -1;
            for (var m = 0; m < scenario.Machines.Count; m++)
                if (scenario.Machines[m].Name == machine) index = m;
            if (index < 0)
            {
                var names = scenario.Machines.Select(m => m.Name).ToList();
                context.Error(machineNode, $"no machine '{machine}' in the scenario{SpellingSuggestions.DidYouMean(machine, names)}; it has: {string.Join(", ", names)}");
                return null;
            }
            var states = scenario.Machines[index].States;
            if (mapping["likelihood"] is not { } likelihoodNode)
            {
                context.Error(mapping.KeyNode("report")!, $"a report needs likelihood: the chance of this report for each state of '{machine}', e.g. likelihood: {{ {states[^1]}: 0.8, otherwise: 0.1 }}");
                return null;
            }
            var likelihoods = context.Mapping(likelihoodNode, "the likelihood of a report", [.. states, "otherwise"]);
            if (likelihoods is null) return null;
            var values = new double?[states.Count];
            double? otherwise = likelihoods["otherwise"] is { } otherwiseNode ? Probability(otherwiseNode, "the likelihood 'otherwise'") : null;
            var valid = likelihoods["otherwise"] is null || otherwise is not null;
            for (var s = 0; s < states.Count; s++)
            {
                if (likelihoods[states[s]] is not { } stateNode) continue;
                values[s] = Probability(stateNode, $"the likelihood of state '{states[s]}'");
                valid &= values[s] is not null;
            }
            if (!valid) return null;
            var missing = states.Where((_, s) => values[s] is null).ToList();
            if (otherwise is null && missing.Count > 0)
            {
                context.Error(likelihoodNode, $"give the report's likelihood for every state of '{machine}' or an 'otherwise:'; missing: {string.Join(", ", missing)}");
                return null;
            }
            if (at is null) return null;
            return new ReportObservation
            {
                Source = source,
                Position = position,
                Machine = machine,
                MachineIndex = index,
                At = at.Value,
                LikelihoodByState = values.Select(v => v ?? otherwise!.Value).ToList(),
            };
        }

        private int? Step(MappingReader mapping, string key, YamlNode kindKey)
        {
            if (mapping[key] is not { } node)
            {
                context.Error(kindKey, $"this observation needs {key}: the step it refers to");
                return null;
            }
            return context.Integer(node, key) is { } step ? CheckStep(node, key, step) : null;
        }

        private int? CheckStep(YamlNode node, string what, int step)
        {
            if (step < 0)
            {
                context.Error(node, string.Create(CultureInfo.InvariantCulture, $"{what} must be a step from 0, got {step}"));
                return null;
            }
            if (step > scenario.Horizon)
            {
                context.Error(node, string.Create(CultureInfo.InvariantCulture, $"{what} is step {step}, beyond the scenario's horizon ({scenario.Horizon})"));
                return null;
            }
            if (step > asOf)
            {
                context.Error(node, string.Create(CultureInfo.InvariantCulture, $"{what} is step {step}, after as_of ({asOf}): the evidence file covers steps 0 to {asOf} only"));
                return null;
            }
            return step;
        }

        private (int From, int To)? Range(MappingReader mapping, YamlNode kindKey)
        {
            if (mapping["between"] is not { } node)
            {
                context.Error(kindKey, "a first_held observation needs between: [a, b], the steps it first held between");
                return null;
            }
            if (node is not YamlSequenceNode { Children.Count: 2 } pair)
            {
                context.Error(node, "between must be a list of two steps, e.g. [1, 6]");
                return null;
            }
            var from = context.Integer(pair.Children[0], "the first step of between") is { } a ? CheckStep(pair.Children[0], "the first step of between", a) : null;
            var to = context.Integer(pair.Children[1], "the last step of between") is { } b ? CheckStep(pair.Children[1], "the last step of between", b) : null;
            if (from is null || to is null) return null;
            if (from > to)
            {
                context.Error(node, string.Create(CultureInfo.InvariantCulture, $"between needs a <= b, got [{from}, {to}]"));
                return null;
            }
            return (from.Value, to.Value);
        }

        private double? Probability(YamlNode node, string what)
        {
            if (context.Number(node, what) is not { } value) return null;
            if (value is >= 0 and <= 1) return value;
            context.Error(node, string.Create(CultureInfo.InvariantCulture, $"{what} must be a probability from 0 to 1, got {value}"));
            return null;
        }
    }
}
