using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using NorthKoreaShadowWar.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace NorthKoreaShadowWar.Scenarios.Loading;

/// <summary>
/// Reads a scenario file (CONTRACT §1) into a <see cref="Scenario"/>, reporting every problem it can find
/// in one pass. Names are not resolved here; <see cref="Validation.ScenarioBinder"/> does that.
/// </summary>
public static partial class ScenarioLoader
{
    /// <summary>Files larger than this are refused before parsing.</summary>
    public const int MaximumFileBytes = 4 * 1024 * 1024;

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

    /// <summary>The step units a scenario may name.</summary>
    public static readonly IReadOnlyList<string> StepUnits = ["day", "week", "month"];

    /// <summary>
    /// Loads <paramref name="path"/>, reporting every problem to <paramref name="diagnostics"/>. Returns null when
    /// the file cannot be read as YAML at all; otherwise returns what could be read (possibly with errors
    /// reported), so that later stages can report their problems in the same pass.
    /// </summary>
    public static Scenario? Load(string path, DiagnosticBag diagnostics)
    {
        var start = new SourcePosition(path, 1, 1);
        if (Directory.Exists(path))
        {
            diagnostics.Error(start, "this is a directory; give the path of a scenario .yaml file");
            return null;
        }
        if (!File.Exists(path))
        {
            diagnostics.Error(start, "no such file");
            return null;
        }
        byte[] bytes;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > MaximumFileBytes)
            {
                diagnostics.Error(start, $"the file is {length:N0} bytes; scenario files are limited to {MaximumFileBytes:N0} bytes");
                return null;
            }
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(start, $"cannot read the file: {e.Message}");
            return null;
        }
        return Parse(bytes, path, diagnostics);
    }

    /// <summary>Parses scenario text already in memory; <paramref name="path"/> names it in messages.</summary>
    public static Scenario? Parse(byte[] bytes, string path, DiagnosticBag diagnostics)
    {
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (!TryDecode(bytes, path, diagnostics, out var text)) return null;
        var context = new YamlReadContext(path, diagnostics);
        if (FindIndentationTab(text) is { } tab)
        {
            diagnostics.Error(new SourcePosition(path, tab.Line, tab.Column), "a tab is used for indentation; YAML needs spaces");
            return null;
        }
        YamlNode root;
        try
        {
            if (YamlStructureLimits.FirstProblem(text) is { } problem)
            {
                diagnostics.Error(context.PositionOf(problem.Position), problem.Message);
                return null;
            }
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count == 0 || YamlReadContext.IsNull(stream.Documents[0].RootNode))
            {
                diagnostics.Error(new SourcePosition(path, 1, 1), "the file is empty; a scenario needs at least name, horizon and machines");
                return null;
            }
            if (stream.Documents.Count > 1)
                diagnostics.Error(context.PositionOf(stream.Documents[1].RootNode), "the file holds more than one YAML document; keep one scenario per file");
            root = stream.Documents[0].RootNode;
        }
        catch (YamlException e)
        {
            diagnostics.Error(context.PositionOf(e.Start), $"malformed YAML: {DescribeYamlError(e)}");
            return null;
        }
        return ReadScenario(context, root, sha256);
    }

    private static Scenario? ReadScenario(YamlReadContext context, YamlNode root, string sha256)
    {
        var top = context.Mapping(root, "the scenario", TopLevelKeys);
        if (top is null) return null;
        var name = Required(context, top, root, "name") is { } nameNode ? context.String(nameNode, "name") : null;
        if (name is not null && !NamePattern().IsMatch(name))
            context.Error(top["name"]!, $"name '{name}' may use only lowercase letters, digits, '_' and '-' (it names the results folder)");
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
            context.Error(node, $"horizon must be at least 1 step, got {horizon}");
            return null;
        }
        if (horizon > MaximumHorizon)
        {
            context.Error(node, $"horizon is {horizon:N0} steps; the limit is {MaximumHorizon:N0} (use a longer step, e.g. month instead of day)");
            return null;
        }
        return new Located<int>(horizon, context.PositionOf(node));
    }

    internal static Located<string>? ReadStep(YamlReadContext context, YamlNode? node)
    {
        if (node is null || context.String(node, "step") is not { } step) return null;
        if (StepUnits.Contains(step)) return new Located<string>(step, context.PositionOf(node));
        context.Error(node, $"step must be one of {string.Join(", ", StepUnits)}, not '{step}'{SpellingSuggestions.DidYouMean(step, StepUnits)}");
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
            if (!IdentifierPattern().IsMatch(name))
            {
                context.Error(key, $"'{name}' is not a valid name: use letters, digits and '_', starting with a letter");
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

    private static bool TryDecode(byte[] bytes, string path, DiagnosticBag diagnostics, out string text)
    {
        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        try
        {
            text = encoding.GetString(bytes);
            if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
            return true;
        }
        catch (DecoderFallbackException e)
        {
            var offset = Math.Max(0, e.Index);
            var line = 1;
            var lineStart = 0;
            for (var i = 0; i < offset && i < bytes.Length; i++)
                if (bytes[i] == (byte)'\n') { line++; lineStart = i + 1; }
            var column = encoding.GetCharCount(bytes, lineStart, Math.Max(0, offset - lineStart)) + 1;
            diagnostics.Error(new SourcePosition(path, line, column), $"the file is not valid UTF-8 (byte 0x{bytes[Math.Min(offset, bytes.Length - 1)]:X2}); save it as UTF-8");
            text = "";
            return false;
        }
    }

    private static (int Line, int Column)? FindIndentationTab(string text)
    {
        var line = 1;
        var atLineStart = true;
        var column = 1;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                line++;
                column = 1;
                atLineStart = true;
                continue;
            }
            if (atLineStart && c == '\t') return (line, column);
            if (c != ' ') atLineStart = false;
            column++;
        }
        return null;
    }

    internal static string DescribeYamlError(YamlException e)
    {
        var message = e.InnerException is YamlException inner ? inner.Message : e.Message;
        return message.Length > 0 && char.IsUpper(message[0]) ? char.ToLowerInvariant(message[0]) + message[1..] : message;
    }

    [GeneratedRegex("^[a-z0-9_-]+$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex IdentifierPattern();
}
