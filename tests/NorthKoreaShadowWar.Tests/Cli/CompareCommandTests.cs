using NorthKoreaShadowWar.Comparison;
using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Cli;

public class CompareCommandTests
{
    private const string Small = """
        name: small
        horizon: 8
        parameters:
          rate: { uniform: [0.1, 0.3] }
        machines:
          a:
            initial: Off
            states: [Off, On]
            transitions: [ { from: Off, to: On, p: rate } ]
        outcomes:
          on: { reached: a.On, within: 4 }
          first: { first_step: a.On }
          final_a: { final: a }
        variants:
          faster:
            parameters:
              rate: { uniform: [0.2, 0.4] }
        """;

    private string directory = "";
    private string scenario = "";

    [SetUp]
    public void CreateDirectory()
    {
        directory = Directory.CreateTempSubdirectory("shadowwar-compare-").FullName;
        scenario = Path.Combine(directory, "small.yaml");
        File.WriteAllText(scenario, Small);
    }

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(directory, recursive: true);

    [Test]
    public void A_variant_against_the_base_writes_both_runs_the_differences_and_the_report()
    {
        var output = Path.Combine(directory, "cmp");
        var (exitCode, stdout, stderr) = CommandLine.Run("compare", scenario, scenario + ":faster", "--trials", "2048", "--out", output);
        Assert.That(exitCode, Is.Zero, stderr);
        var lines = File.ReadAllLines(Path.Combine(output, "comparison.csv"));
        var header = Csv.Fields(lines[0]);
        var on = Csv.Fields(lines.Single(l => l.StartsWith("on,", StringComparison.Ordinal)));
        string Column(string name) => on[header.ToList().IndexOf(name)];
        Assert.Multiple(() =>
        {
            Assert.That(header, Is.EqualTo(ComparisonCsv.Columns));
            Assert.That(lines, Has.Length.EqualTo(1 + 5)); // on; first happens, first mean; final_a Off, On
            Assert.That(double.Parse(Column("difference"), System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThan(0));
            Assert.That(Column("paired"), Is.EqualTo("true"));
            Assert.That(Column("significant_holm"), Is.EqualTo("true"));
            Assert.That(File.Exists(Path.Combine(output, "a", "summary.json")) && File.Exists(Path.Combine(output, "b", "summary.json")));
            Assert.That(File.Exists(Path.Combine(output, "plots", "differences.png")));
            Assert.That(File.Exists(Path.Combine(output, "plots", "first-cumulative.png")));
            Assert.That(File.ReadAllText(Path.Combine(output, "report.html")), Does.Contain("common random numbers"));
            Assert.That(stdout, Does.Contain("small:faster against small"));
        });
    }

    [Test]
    public void A_set_on_one_side_is_a_what_if_of_that_side_only()
    {
        var output = Path.Combine(directory, "cmp");
        var (exitCode, _, stderr) = CommandLine.Run("compare", scenario, scenario, "--set-b", "rate=0.1", "--set-a", "rate=0.1", "--trials", "1024", "--out", output);
        Assert.That(exitCode, Is.Zero, stderr);
        var on = Csv.Fields(File.ReadAllLines(Path.Combine(output, "comparison.csv")).Single(l => l.StartsWith("on,", StringComparison.Ordinal)));
        Assert.That(on[9], Is.EqualTo("0"), "the same setting on both sides differs by exactly nothing");
    }

    [TestCase("missing.yaml", "no scenario file or results folder")]
    [TestCase("{scenario}:nosuch", "no variant 'nosuch'")]
    public void A_side_that_is_not_there_is_bad_input(string side, string message)
    {
        var (exitCode, _, stderr) = CommandLine.Run("compare", scenario, side.Replace("{scenario}", scenario, StringComparison.Ordinal), "--out", Path.Combine(directory, "x"));
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(2));
            Assert.That(stderr, Does.Contain(message));
        });
    }

    [Test]
    public void An_existing_folder_is_not_replaced_without_force()
    {
        var output = Path.Combine(directory, "cmp");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "mine.txt"), "keep");
        var (exitCode, _, stderr) = CommandLine.Run("compare", scenario, scenario + ":faster", "--trials", "1024", "--out", output);
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(2));
            Assert.That(stderr, Does.Contain("--force"));
            Assert.That(File.ReadAllText(Path.Combine(output, "mine.txt")), Is.EqualTo("keep"));
        });
    }
}
