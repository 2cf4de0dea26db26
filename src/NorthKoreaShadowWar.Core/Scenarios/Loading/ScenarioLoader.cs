using System.Globalization;
using System.Security.Cryptography;
using NorthKoreaShadowWar.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace NorthKoreaShadowWar.Scenarios.Loading;

/// <summary>
/// Reads a scenario file (docs/scenario-format.md) into a <see cref="Scenario"/>, reporting every problem it can find
/// in one pass. Names are not resolved here; <see cref="Validation.ScenarioBinder"/> does that.
/// </summary>
internal static class ScenarioLoader
{
    /// <summary>Files larger than this are refused before parsing (counted while reading, see <see cref="Files.BoundedFile"/>).</summary>
    public const int MaximumFileBytes = Files.BoundedFile.HandWrittenLimit;

    /// <summary>Lists and mappings nested deeper than this are refused before the tree is built.</summary>
    public const int MaximumNestingDepth = 64;

    /// <summary>The most values anchors and aliases may stand for, all aliases expanded; more is refused unexpanded.</summary>
    public const int MaximumAliasExpansion = 100_000;

    /// <summary>The longest horizon a scenario may have, in steps (occupancy is kept for every step).</summary>
    public const int MaximumHorizon = 10_000;

    private static readonly string[] TopLevelKeys =
        ["name", "title", "description", "sources", "step", "horizon", "parameters", "correlations", "variables", "machines", "outcomes", "variants"];

    /// <summary>Stands in for a missing or invalid horizon, so no outcome is flagged as beyond it.</summary>
    internal const int UnknownHorizon = int.MaxValue - 1;

    /// <summary>
    /// Loads <paramref name="path"/>, reporting every problem to <paramref name="diagnostics"/>. Returns null when
    /// the file cannot be read as YAML at all; otherwise returns what could be read (possibly with errors
    /// reported), so that later stages can report their problems in the same pass.
    /// </summary>
    public static Scenario? Load(string path, DiagnosticBag diagnostics) =>
        YamlFile.ReadBytes(path, "a scenario .yaml file", MaximumFileBytes, diagnostics) is { } bytes ? Parse(bytes, path, diagnostics) : null;

    /// <summary>The SHA-256 of a scenario file's bytes, lowercase hex, as recorded in every result.</summary>
    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Parses scenario text already in memory; <paramref name="path"/> names it in messages.</summary>
    public static Scenario? Parse(byte[] bytes, string path, DiagnosticBag diagnostics)
    {
        var sha256 = Sha256(bytes);
        var parsed = YamlFile.Parse(bytes, path, diagnostics,
            "the file is empty; a scenario needs at least name, horizon and machines", "keep one scenario per file");
        return parsed is { } yaml ? ReadScenario(yaml.Context, yaml.Root, sha256) : null;
    }

    private static Scenario? ReadScenario(YamlReadContext context, YamlNode root, string sha256)
    {
        var top = context.Mapping(root, "the scenario", TopLevelKeys);
        if (top is null) return null;
        var name = Required(context, top, root, "name") is { } nameNode ? context.String(nameNode, "name") : null;
        if (name is not null && !ScenarioNames.IsScenarioName(name))
            context.Error(top["name"]!, ScenarioNames.ControlCharacterProblem("name", name) is { } control
                ? $"{control}; a name may use only lowercase letters, digits, '_' and '-' (it names the results folder)"
                : $"name '{name}' may use only lowercase letters, digits, '_' and '-' (it names the results folder)");
        var horizon = ReadHorizon(context, top, root);
        var step = ReadStep(context, top["step"]) ?? new Located<string>("step", context.PositionOf(root));
        // A parameter whose definition has errors keeps its name (with a stand-in value that is never run), so that
        // the expressions naming it are not also reported as naming an unknown parameter.
        var parameters = SectionEntries(context, top["parameters"], "parameters")
            .Select(e => new ParameterDefinition(e.Name, e.Position, DistributionReader.Read(context, e.Value, e.Name) ?? new FixedValue(0)))
            .ToList();
        var correlations = top["correlations"] is { } correlationsNode ? CorrelationReader.Read(context, correlationsNode, "correlations") : [];
        var variables = SectionEntries(context, top["variables"], "variables")
            .Select(e => ReadVariable(context, e.Name, e.Position, e.Value)).OfType<VariableDefinition>().ToList();
        if (Required(context, top, root, "machines") is { } machinesNode && (YamlReadContext.IsNull(machinesNode) || machinesNode is YamlMappingNode { Children.Count: 0 }))
            context.Error(machinesNode, "a scenario needs at least one machine");
        var machines = SectionEntries(context, top["machines"], "machines")
            .Select(e => MachineReader.Read(context, e.Name, e.Position, e.Value)).OfType<MachineDefinition>().ToList();
        var outcomes = SectionEntries(context, top["outcomes"], "outcomes")
            .Select(e => OutcomeReader.Read(context, e.Name, e.Position, e.Value)).OfType<OutcomeDefinition>().ToList();
        var variants = SectionEntries(context, top["variants"], "variants")
            .Select(e => ReadVariant(context, e.Name, e.Position, e.Value)).OfType<VariantDefinition>().ToList();
        return new Scenario
        {
            Name = name ?? "",
            Title = top["title"] is { } title ? context.String(title, "title") : null,
            Description = top["description"] is { } description ? context.String(description, "description") : null,
            Sources = top["sources"] is { } sources ? (context.Names(sources, "sources") ?? []).Select(s => s.Value).ToList() : [],
            Step = step,
            Horizon = horizon ?? new Located<int>(UnknownHorizon, context.PositionOf(root)),
            Parameters = parameters,
            Correlations = correlations,
            Variables = variables,
            Machines = machines,
            Outcomes = outcomes,
            Variants = variants,
            SourceFile = context.File,
            Sha256 = sha256,
            Position = context.PositionOf(root),
        };
    }

    internal static Located<int>? ReadHorizon(YamlReadContext context, MappingReader mapping, YamlNode owner, bool required = true)
    {
        var node = required ? Required(context, mapping, owner, "horizon") : mapping["horizon"];
        if (node is null || context.Integer(node, "horizon") is not { } horizon) return null;
        if (horizon < 1)
        {
            context.Error(node, string.Create(CultureInfo.InvariantCulture, $"horizon must be at least 1 step, got {horizon}"));
            return null;
        }
        if (horizon > MaximumHorizon)
        {
            context.Error(node, string.Create(CultureInfo.InvariantCulture, $"horizon is {horizon:N0} steps; the limit is {MaximumHorizon:N0} (use a longer step, e.g. month instead of day)"));
            return null;
        }
        return new Located<int>(horizon, context.PositionOf(node));
    }

    internal static Located<string>? ReadStep(YamlReadContext context, YamlNode? node)
    {
        if (node is null || context.String(node, "step") is not { } step) return null;
        if (StepUnits.All.Contains(step)) return new Located<string>(step, context.PositionOf(node));
        context.Error(node, $"step must be one of {string.Join(", ", StepUnits.All)}, not '{step}'{SpellingSuggestions.DidYouMean(step, StepUnits.All)}");
        return null;
    }

    internal static VariableDefinition? ReadVariable(YamlReadContext context, string name, Diagnostics.SourcePosition position, YamlNode node)
    {
        var mapping = context.Mapping(node, $"variable '{name}'", "initial", "description");
        if (mapping is null) return null;
        if (mapping["initial"] is not { } initialNode)
        {
            context.Error(node, $"variable '{name}' needs an initial value, e.g. {{ initial: 0 }}");
            return null;
        }
        return context.Expression(initialNode, $"the initial value of '{name}'") is { } initial
            ? new VariableDefinition(name, position, initial)
            : null;
    }

    private static VariantDefinition? ReadVariant(YamlReadContext context, string name, SourcePosition position, YamlNode node)
    {
        var mapping = context.Mapping(node, $"variant '{name}'", "description", "horizon", "step", "parameters", "correlations", "variables");
        if (mapping is null) return null;
        var parameters = SectionEntries(context, mapping["parameters"], $"the parameters of variant '{name}'")
            .Select(e => DistributionReader.Read(context, e.Value, e.Name) is { } d ? new ParameterDefinition(e.Name, e.Position, d) : null)
            .OfType<ParameterDefinition>().ToList();
        var variables = SectionEntries(context, mapping["variables"], $"the variables of variant '{name}'")
            .Select(e => ReadVariable(context, e.Name, e.Position, e.Value)).OfType<VariableDefinition>().ToList();
        return new VariantDefinition(
            name,
            position,
            mapping["description"] is { } description ? context.String(description, "description") : null,
            ReadHorizon(context, mapping, node, required: false),
            ReadStep(context, mapping["step"]),
            parameters,
            variables)
        {
            Correlations = mapping.Has("correlations")
                ? CorrelationReader.Read(context, mapping["correlations"]!, $"the correlations of variant '{name}'")
                : null,
        };
    }

    /// <summary>The entries of a named section (a mapping of name to definition), each with its key's position.</summary>
    internal static IEnumerable<(string Name, SourcePosition Position, YamlNode Value)> SectionEntries(YamlReadContext context, YamlNode? section, string what)
    {
        if (section is null || YamlReadContext.IsNull(section)) yield break;
        if (section is not YamlMappingNode mapping)
        {
            context.Error(section, $"{what} must be a mapping of names to definitions");
            yield break;
        }
        foreach (var (key, value) in mapping.Children)
        {
            if (context.String(key, $"a name in {what}") is not { } name) continue;
            if (!ScenarioNames.IsIdentifier(name))
            {
                context.Error(key, ScenarioNames.ControlCharacterProblem("name", name) is { } control
                    ? $"{control}; use letters, digits and '_', starting with a letter"
                    : $"'{name}' is not a valid name: use letters, digits and '_', starting with a letter");
                continue;
            }
            yield return (name, context.PositionOf(key), value);
        }
    }

    internal static YamlNode? Required(YamlReadContext context, MappingReader mapping, YamlNode owner, string key)
    {
        if (mapping[key] is { } node) return node;
        context.Error(owner, $"missing required key '{key}'");
        return null;
    }
}
