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

    /// <summary>The text the nodes were read from; when given, positions inside multi-line and escaped values are exact.</summary>
    public string? Text
    {
        get => text;
        init
        {
            text = value;
            lines = value is null ? null : new SourceLines(value);
        }
    }

    private readonly string? text;
    private readonly SourceLines? lines;

    /// <summary>Where a node was written: for a scalar with a tag or an anchor (<c>!!float .nan</c>), where its value begins.</summary>
    public SourcePosition PositionOf(YamlNode node) =>
        Text is not null && node is YamlScalarNode scalar && (!scalar.Tag.IsEmpty || !scalar.Anchor.IsEmpty)
            ? PositionOf(ScalarSource.ValueStart(Text, (int)node.Start.Index, (int)node.End.Index))
            : PositionOf(node.Start);

    public SourcePosition PositionOf(Mark mark) => lines is null
        ? new(File, (int)mark.Line, (int)mark.Column + (mark.Line == 1 ? ColumnOffset : 0))
        : PositionOf((int)mark.Index);

    /// <summary>The position of the character at <paramref name="index"/> in <see cref="Text"/>.</summary>
    public SourcePosition PositionOf(int index)
    {
        var (line, column) = lines!.Of(index);
        return new(File, line, column + (line == 1 ? ColumnOffset : 0));
    }

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
        if (String(node, what) is not { } value) return null;
        return Expression(value, ContentMap(node), what);
    }

    public ExpressionText Expression(string value, SourceMap map, string what)
    {
        var leading = value.Length - value.TrimStart().Length;
        var trimmed = value.Trim();
        var expression = new ExpressionText(trimmed, map.From(leading));
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

    /// <summary>
    /// Where each character of a scalar's value was written, read back from <see cref="Text"/>; without the text (or
    /// for a value it cannot be read back into), the value is placed along one line from <see cref="ContentPosition"/>.
    /// </summary>
    public SourceMap ContentMap(YamlNode node)
    {
        if (Text is not null && node is YamlScalarNode { Value: { } value } scalar
            && ScalarSource.Indices(Text, (int)node.Start.Index, (int)node.End.Index, scalar.Style, value) is { } indices)
            return SourceMap.PerCharacter(Array.ConvertAll(indices, PositionOf));
        return SourceMap.OnOneLine(ContentPosition(node));
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
