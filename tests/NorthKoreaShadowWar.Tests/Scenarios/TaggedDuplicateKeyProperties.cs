using CsCheck;
using NorthKoreaShadowWar.Tests.Support;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace NorthKoreaShadowWar.Tests.Scenarios;

/// <summary>
/// A key written twice in a mapping is refused however the second copy is disguised (a <c>!!str</c> tag, quotes, both),
/// with line feeds, CRLF or classic-Mac CR line endings: a copy of a block mapping's key, inserted at random just before
/// it in a bundled scenario, always gives the duplicate-key error at the original key, naming the copy's line.
/// </summary>
public class TaggedDuplicateKeyProperties
{
    private static readonly string[] Disguises = ["!!str {0}", "\"{0}\"", "'{0}'", "!!str \"{0}\"", "!<tag:yaml.org,2002:str> {0}", "{0}"];
    private static readonly string[] LineEndings = ["\n", "\r\n", "\r"];

    private static readonly Lazy<(string[] Lines, (int Line, int Column, string Key)[] Keys)[]> Bundled = new(() =>
        ScenarioFiles.Below(Paths.Scenarios).Order(StringComparer.Ordinal)
            .Select(File.ReadAllText)
            .Select(text => (text.Split('\n'), BlockKeysFirstOnTheirLine(text)))
            .ToArray());

    [Test]
    public void A_disguised_copy_of_any_key_is_refused_at_the_second_key_naming_the_first_line()
    {
        var files = Bundled.Value;
        Gen.Select(Gen.Int[0, files.Length - 1], Gen.Int[0, int.MaxValue], Gen.Int[0, Disguises.Length - 1], Gen.Int[0, LineEndings.Length - 1])
            .Sample((file, pick, disguise, ending) =>
            {
                var (lines, keys) = files[file];
                var (line, column, key) = keys[pick % keys.Length];
                var copy = new string(' ', column - 1) + string.Format(System.Globalization.CultureInfo.InvariantCulture, Disguises[disguise], key) + ": 0";
                var text = string.Join(LineEndings[ending], lines.Take(line - 1).Append(copy).Concat(lines.Skip(line - 1)).Select(l => l.TrimEnd('\r')));

                var diagnostics = ScenarioPipeline.ValidateText(text, "tagged.yaml");

                Assert.That(diagnostics.Select(d => d.ToString()),
                    Is.EqualTo(new[] { $"tagged.yaml:{line + 1}:{column}: error: duplicate key '{key}' (first written on line {line}); a key may appear only once in a mapping" }),
                    text);
            }, iter: 300);
    }

    /// <summary>Every key of a block mapping that begins its line, with its 1-based line and column.</summary>
    private static (int Line, int Column, string Key)[] BlockKeysFirstOnTheirLine(string text)
    {
        var lines = text.Split('\n');
        var keys = new List<(int, int, string)>();
        var parser = new Parser(new StringReader(text));
        var open = new Stack<(bool BlockMapping, bool ExpectsKey)>();
        while (parser.MoveNext())
        {
            var current = parser.Current!;
            if (current is NodeEvent or AnchorAlias && open.Count > 0 && open.Peek().BlockMapping)
            {
                var (_, expectsKey) = open.Pop();
                open.Push((true, !expectsKey));
                var (line, column) = ((int)current.Start.Line, (int)current.Start.Column);
                if (expectsKey && current is Scalar { Style: ScalarStyle.Plain } scalar && lines[line - 1][..(column - 1)].Trim().Length == 0)
                    keys.Add((line, column, scalar.Value));
            }
            else if (current is NodeEvent or AnchorAlias && open.Count > 0)
            {
                var (mapping, expectsKey) = open.Pop();
                open.Push((mapping, !expectsKey));
            }
            if (current is MappingStart start) open.Push((start.Style == MappingStyle.Block, true));
            else if (current is SequenceStart) open.Push((false, true));
            else if (current is MappingEnd or SequenceEnd) open.Pop();
        }
        return [.. keys];
    }
}
