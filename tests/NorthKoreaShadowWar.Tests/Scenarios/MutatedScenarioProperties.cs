using System.Text.RegularExpressions;
using CsCheck;
using NorthKoreaShadowWar.Diagnostics;
using NorthKoreaShadowWar.Simulation;
using NorthKoreaShadowWar.Tests.Reference;
using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Scenarios;

/// <summary>
/// Properties, with random inputs and a bounded time: (a) the bundled scenarios, mutated at random (lines deleted,
/// duplicated, swapped or re-indented, characters flipped or dropped, tabs inserted, the text cut short, numbers
/// replaced by NaN, -1 or 1e309), never make loading or validation throw: each is either valid or a list of problems
/// whose positions lie inside the file; (b) random valid scenarios run through the command line's <c>run</c> cleanly.
/// A failure prints the CsCheck seed that reproduces it.
/// </summary>
public partial class MutatedScenarioProperties
{
    private static readonly string[] Replacements = ["NaN", ".nan", "-1", "1e309", "0", ".inf", "-0.5", "2", "1e-320", "99999999999"];
    private static readonly string[] Fragments = [":", "-", "[", "]", "{", "}", "\"", "'", "#", "&a", "*a", "!", "|", ">", "%", "@", "`", ",", "?", " ", "\t", "\n", "0", "Z", "\u00e9", "<<: *a\n"];

    private static readonly Lazy<string[]> Bundled = new(() =>
        ScenarioFiles.Below(Paths.Scenarios).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray());

    private static readonly Gen<(int Kind, int Where, int What)> Mutation = Gen.Select(Gen.Int[0, 9], Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue]);

    [Test]
    public void Mutated_bundled_scenarios_give_valid_scenarios_or_positioned_problems_never_exceptions()
    {
        var files = Bundled.Value;
        Gen.Select(Gen.Int[0, files.Length - 1], Mutation.Array[1, 4]).Sample(input =>
        {
            var text = Mutated(files, input);
            var diagnostics = ScenarioPipeline.ValidateText(text, "mutated.yaml");
            var lines = text.Split('\n');
            foreach (var d in diagnostics)
            {
                Assert.That(d.Position.File, Is.EqualTo("mutated.yaml"), d.ToString());
                Assert.That(d.Position.Line, Is.InRange(1, lines.Length + 1), d.ToString());
                Assert.That(d.Position.Column, Is.InRange(1, lines.Max(l => l.Length) + 2), d.ToString());
            }
            if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error)) return;
            var prepared = ScenarioPipeline.PrepareText(text, "mutated.yaml");
            try
            {
                MonteCarloRunner.Run(prepared.Model, new RunSettings { Trials = 64, Seed = 1, Threads = 1 });
            }
            catch (SimulationException)
            {
                // A valid scenario may still fail in some trial (a probability above 1 only some draws reach): a plain error.
            }
        }, iter: 400, time: 12, threads: 1, print: input => $"file {input.Item1}, mutations {string.Join(", ", input.Item2)}:{Environment.NewLine}{Mutated(files, input)}");
    }

    [Test]
    public void Random_valid_scenarios_run_through_the_command_line_without_exceptions()
    {
        var directory = Directory.CreateTempSubdirectory("shadowwar-random-run-").FullName;
        try
        {
            var count = 0;
            RandomScenarios.Yaml.Sample(yaml =>
            {
                var file = Path.Combine(directory, $"s{Interlocked.Increment(ref count)}.yaml");
                File.WriteAllText(file, yaml);
                var (exitCode, _, error) = CommandLine.Run("run", file, "--trials", "1024", "--threads", "1", "--out", file + ".out");
                Assert.That(exitCode, Is.EqualTo(0), error);
                Assert.That(File.Exists(Path.Combine(file + ".out", "summary.json")), Is.True);
            }, iter: 12, time: 12, threads: 1, print: yaml => yaml);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string Mutated(string[] files, (int File, (int Kind, int Where, int What)[] Mutations) input) =>
        input.Mutations.Aggregate(files[input.File], (text, m) => Mutate(text, m.Kind, m.Where, m.What));

    private static string Mutate(string text, int kind, int where, int what)
    {
        if (text.Length == 0) return Fragments[what % Fragments.Length];
        var lines = text.Split('\n').ToList();
        var line = where % lines.Count;
        var position = where % text.Length;
        switch (kind)
        {
            case 0:
                lines.RemoveAt(line);
                break;
            case 1:
                lines.Insert(line, lines[line]);
                break;
            case 2:
                var other = what % lines.Count;
                (lines[line], lines[other]) = (lines[other], lines[line]);
                break;
            case 3:
                return text[..position] + Fragments[what % Fragments.Length] + text[(position + 1)..];
            case 4:
                return text[..position] + "\t" + text[position..];
            case 5:
                return text[..position];
            case 6:
                var numbers = Number().Matches(text);
                if (numbers.Count == 0) return text;
                var number = numbers[where % numbers.Count];
                return text[..number.Index] + Replacements[what % Replacements.Length] + text[(number.Index + number.Length)..];
            case 7:
                var shift = what % 7 - 3;
                lines[line] = shift >= 0 ? new string(' ', shift + 1) + lines[line] : lines[line][Math.Min(-shift, lines[line].Length - lines[line].TrimStart(' ').Length)..];
                break;
            case 8:
                return text[..position] + Fragments[what % Fragments.Length] + text[position..];
            default:
                return text.Remove(position, 1);
        }
        return string.Join('\n', lines);
    }

    [GeneratedRegex(@"-?\d+(\.\d+)?")]
    private static partial Regex Number();
}
