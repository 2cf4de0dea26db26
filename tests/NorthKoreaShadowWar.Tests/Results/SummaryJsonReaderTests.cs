using System.Text;
using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Results;

public class SummaryJsonReaderTests
{
    /// <summary>Every outcome kind, a first step that sometimes never happens, a continuous value, and a correlation.</summary>
    private const string EveryKind = """
        name: every-kind
        title: "Every kind of outcome"
        horizon: 6
        parameters:
          rate: { uniform: [0.05, 0.4] }
          size: { lognormal: { p05: 100, p95: 900 } }
        correlations:
          - { between: [rate, size], rank: 0.5, description: "they move together" }
        variables:
          x: { initial: 0 }
        machines:
          a:
            initial: Off
            states: [Off, On, Gone]
            absorbing: [Gone]
            each_step: { On: { x: "+= size" } }
            transitions:
              - { from: Off, to: On, p: rate }
              - { from: On, to: Gone, p: 0.1 }
        outcomes:
          on: { reached: a.On, within: 3 }
          first: { first_step: a.On }
          final_a: { final: a }
          x_end: { value: x }
          in_on: { steps_in: a.On }
        """;

    private string directory = "";

    [SetUp]
    public void CreateDirectory() => directory = Directory.CreateTempSubdirectory("shadowwar-summary-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(directory, recursive: true);

    private static byte[] Written(RunResult result)
    {
        using var stream = new MemoryStream();
        SummaryJsonWriter.Write(result, stream);
        return stream.ToArray();
    }

    [TestCase("run", "--trials", "3000")]
    [TestCase("run", "--trials", "1024", "--precision", "0.05", "--max-trials", "4096")]
    [TestCase("run", "--trials", "5", "--seed", "9")]
    public void A_summary_written_by_run_reads_back_and_writes_the_same_bytes(params string[] arguments)
    {
        var scenario = Path.Combine(directory, "every-kind.yaml");
        File.WriteAllText(scenario, EveryKind);
        var folder = Path.Combine(directory, "results");
        var (exitCode, _, error) = CommandLine.Run([arguments[0], scenario, .. arguments[1..], "--out", folder]);
        Assert.That(exitCode, Is.Zero, error);
        var path = Path.Combine(folder, "summary.json");
        var read = SummaryJsonReader.ReadFolder(folder);
        Assert.That(Encoding.UTF8.GetString(Written(read)), Is.EqualTo(File.ReadAllText(path)));
        Assert.That(read.Precision is not null, Is.EqualTo(arguments.Contains("--precision")));
    }

    [Test]
    public void An_exact_summary_reads_back_and_writes_the_same_bytes()
    {
        var scenario = Path.Combine(directory, "fixed.yaml");
        File.WriteAllText(scenario, EveryKind.Replace("{ uniform: [0.05, 0.4] }", "0.2").Replace("{ lognormal: { p05: 100, p95: 900 } }", "300")
            .Replace("correlations:\n  - { between: [rate, size], rank: 0.5, description: \"they move together\" }\n", "")
            .Replace("  x_end: { value: x }\n", ""));
        var folder = Path.Combine(directory, "exact");
        var (exitCode, _, error) = CommandLine.Run("exact", scenario, "--out", folder);
        Assert.That(exitCode, Is.Zero, error);
        Assert.That(Encoding.UTF8.GetString(Written(SummaryJsonReader.ReadFolder(folder))), Is.EqualTo(File.ReadAllText(Path.Combine(folder, "summary.json"))));
    }

    [Test]
    public void Every_field_of_every_outcome_reads_back_as_it_was_built()
    {
        var built = Simulate.Text(EveryKind, 4000, seed: 3);
        var read = SummaryJsonReader.Read(Written(built), "summary.json");
        Assert.Multiple(() =>
        {
            Assert.That(read.Manifest with { Overrides = built.Manifest.Overrides }, Is.EqualTo(built.Manifest));
            Assert.That(read.Manifest.Overrides, Is.EqualTo(built.Manifest.Overrides));
            Assert.That(read.Performance, Is.EqualTo(built.Performance));
            Assert.That(read.Outcomes.Select(o => o.Name), Is.EqualTo(built.Outcomes.Select(o => o.Name)));
            foreach (var (expected, actual) in built.Outcomes.Zip(read.Outcomes))
            {
                switch (expected)
                {
                    case ProbabilityResult p:
                        Assert.That(actual, Is.EqualTo(p));
                        break;
                    case CategoricalResult c:
                        var category = (CategoricalResult)actual;
                        Assert.That(category with { Categories = c.Categories }, Is.EqualTo(c));
                        Assert.That(category.Categories, Is.EqualTo(c.Categories));
                        break;
                    case DistributionResult d:
                        var distribution = (DistributionResult)actual;
                        Assert.That(distribution with { Quantiles = d.Quantiles, QuantilesCi95 = d.QuantilesCi95, Points = d.Points }, Is.EqualTo(d), d.Name);
                        Assert.That(distribution.Quantiles, Is.EqualTo(d.Quantiles), d.Name);
                        Assert.That(distribution.QuantilesCi95, Is.EqualTo(d.QuantilesCi95), d.Name);
                        Assert.That(distribution.Points, Is.Empty, "summary.json does not hold the points");
                        break;
                }
            }
            Assert.That(read.Occupancy.Select(m => m.Machine), Is.EqualTo(built.Occupancy.Select(m => m.Machine)));
            Assert.That(read.Occupancy[0].States.Select(s => s.State), Is.EqualTo(built.Occupancy[0].States.Select(s => s.State)));
            Assert.That(read.Occupancy[0].States.Select(s => s.Shares), Is.EqualTo(built.Occupancy[0].States.Select(s => s.Shares)));
            Assert.That(read.Correlations.Select(c => c with { Points = [] }), Is.EqualTo(built.Correlations.Select(c => c with { Points = [] })));
        });
    }

    [TestCase("{ \"scenario\": \"x\",\n  \"seed\": 1,, }", 2, 13, "not valid JSON")]
    [TestCase("", 1, 1, "not valid JSON")]
    [TestCase("{\n  \"scenario\": \"x\"\n", 3, 1, "not valid JSON")]
    public void A_file_that_is_not_json_is_an_error_at_its_line_and_column(string text, int line, int column, string message)
    {
        var e = Assert.Throws<SummaryJsonException>(() => SummaryJsonReader.Read(Encoding.UTF8.GetBytes(text), "bad/summary.json"))!;
        Assert.Multiple(() =>
        {
            Assert.That((e.Line, e.Column), Is.EqualTo(((long?)line, (long?)column)));
            Assert.That(e.Message, Does.StartWith($"bad/summary.json:{line}:{column}: error: {message}"));
        });
    }

    [TestCase("\"trials\": 3000,", "\"trials\": \"many\",", "\"trials\" must be a whole number")]
    [TestCase("\"kind\": \"probability\",", "\"kind\": \"survival\",", "\"outcomes.on\" has kind 'survival', which this engine")]
    [TestCase("\"quantilesExact\": true,", "", "\"outcomes.first.quantilesExact\" is missing")]
    [TestCase("\"occupancy\": {", "\"occupancy\": [], \"x\": {", "\"occupancy\" must be a JSON object")]
    public void A_summary_of_another_shape_is_an_error_naming_the_file_and_the_field(string from, string to, string message)
    {
        var text = Encoding.UTF8.GetString(Written(Simulate.Text(EveryKind, 3000)));
        Assert.That(text, Does.Contain(from));
        var changed = Encoding.UTF8.GetBytes(ReplaceFirst(text, from, to));
        var e = Assert.Throws<SummaryJsonException>(() => SummaryJsonReader.Read(changed, "old/summary.json"))!;
        Assert.That(e.Message, Does.StartWith("old/summary.json: error: not a summary.json this engine can read: ").And.Contain(message));
    }

    [Test]
    public void A_folder_without_a_summary_is_an_error_naming_the_folder()
    {
        var e = Assert.Throws<SummaryJsonException>(() => SummaryJsonReader.ReadFolder(directory))!;
        Assert.That(e.Message, Is.EqualTo($"{directory}: error: this folder has no summary.json; give a results folder written by 'shadowwar run'"));
    }

    private static string ReplaceFirst(string text, string from, string to)
    {
        var index = text.IndexOf(from, StringComparison.Ordinal);
        return text[..index] + to + text[(index + from.Length)..];
    }
}
