using System.Globalization;
using NorthKoreaShadowWar.Diagnostics;
using NorthKoreaShadowWar.Expressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace NorthKoreaShadowWar.Scenarios.Loading;

/// <summary>
/// Reads typed values out of YAML nodes, turning every mismatch into a diagnostic at the node's
/// position instead of an exception. Shared by everything that reads a scenario file.
/// </summary>
internal sealed class YamlReadContext(string file, DiagnosticBag diagnostics)
{
    public string File { get; } = file;

    public DiagnosticBag Diagnostics { get; } = diagnostics;

    /// <summary>Added to columns on the first line: for text that is part of a longer line, such as <c>--set name=value</c>.</summary>
    public int ColumnOffset { get; init; }

    public SourcePosition PositionOf(YamlNode node) => PositionOf(node.Start);

    public SourcePosition PositionOf(Mark mark) =>
        new(File, (int)mark.Line, (int)mark.Column + (mark.Line == 1 ? ColumnOffset : 0));

    public void Error(YamlNode node, string message) => Diagnostics.Error(PositionOf(node), message);

    /// <summary>Reads a mapping, reporting keys that are not in <paramref name="knownKeys"/> with a did-you-mean hint.</summary>
    public MappingReader? Mapping(YamlNode node, string what, params string[] knownKeys)
    {
        if (node is not YamlMappingNode mapping)
        {
            Error(node, $"{what} must be a mapping of keys to values");
            return null;
        }
        return new MappingReader(this, mapping, what, knownKeys);
    }

    public string? String(YamlNode node, string what)
    {
        if (node is YamlScalarNode { Value: { } value } && !IsNull(node)) return value;
        Error(node, $"{what} must be a single value, not {Describe(node)}");
        return null;
    }

    public double? Number(YamlNode node, string what)
    {
        if (node is not YamlScalarNode { Value: { } text } scalar || IsNull(node))
        {
            Error(node, $"{what} must be a number, not {Describe(node)}");
            return null;
        }
        if (scalar.Style == ScalarStyle.Plain && text is ".nan" or ".NaN" or ".NAN" or ".inf" or ".Inf" or "-.inf" or "+.inf")
        {
            Error(node, $"{what} must be a finite number, not {text}");
            return null;
        }
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            Error(node, $"{what} must be a number, not '{text}'");
            return null;
        }
        if (!double.IsFinite(value))
        {
            Error(node, $"{what} must be a finite number, not {text}");
            return null;
        }
        return value;
    }

    public int? Integer(YamlNode node, string what)
    {
        var number = Number(node, what);
        if (number is null) return null;
        if (Math.Abs(number.Value) > int.MaxValue)
        {
            Error(node, $"{what} is far too large: {((YamlScalarNode)node).Value}");
            return null;
        }
        if (number != Math.Floor(number.Value))
        {
            Error(node, $"{what} must be a whole number, not {((YamlScalarNode)node).Value}");
            return null;
        }
        return (int)number.Value;
    }

    /// <summary>A list of scalars; a single scalar is read as a list of one.</summary>
    public List<Located<string>>? Names(YamlNode node, string what)
    {
        if (node is YamlScalarNode && String(node, what) is { } single)
            return [new Located<string>(single, PositionOf(node))];
        if (node is not YamlSequenceNode sequence)
        {
            if (node is not YamlScalarNode) Error(node, $"{what} must be a list such as [A, B]");
            return null;
        }
        var names = new List<Located<string>>();
        foreach (var item in sequence.Children)
            if (String(item, $"each entry of {what}") is { } name)
                names.Add(new Located<string>(name, PositionOf(item)));
        return names;
    }

    /// <summary>Reads and parses an expression; the position points at its first character even when quoted.</summary>
    public ExpressionText? Expression(YamlNode node, string what)
    {
        if (String(node, what) is not { } text) return null;
        return Expression(text, ContentPosition(node), what);
    }

    public ExpressionText Expression(string text, SourcePosition position, string what)
    {
        var leading = text.Length - text.TrimStart().Length;
        var trimmed = text.Trim();
        var expression = new ExpressionText(trimmed, position.Advance(leading));
        if (ExpressionParser.TryParse(trimmed, out var syntax, out var error))
            return expression with { Syntax = syntax };
        Diagnostics.Error(expression.At(error.Offset), $"in {what}: {error.Message}");
        return expression;
    }

    /// <summary>Where a scalar's text begins: one column after the opening quote of a quoted scalar.</summary>
    public SourcePosition ContentPosition(YamlNode node)
    {
        var position = PositionOf(node);
        return node is YamlScalarNode { Style: ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted } ? position.Advance(1) : position;
    }

    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain, Value: "" or "~" or "null" or "Null" or "NULL" };

    private static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        _ when IsNull(node) => "empty",
        YamlScalarNode scalar => $"'{scalar.Value}'",
        _ => "this",
    };
}
