using System.Globalization;
using System.Text.Json;
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

    private string RunInto(string name, params string[] arguments)
    {
        var folder = Path.Combine(directory, name);
        var (exitCode, _, stderr) = CommandLine.Run(["run", scenario, .. arguments, "--out", folder]);
        Assert.That(exitCode, Is.Zero, stderr);
        return folder;
    }

    private static Dictionary<(string Outcome, string Statistic, string Category), Dictionary<string, string>> ComparisonRows(string folder)
    {
        var lines = File.ReadAllLines(Path.Combine(folder, "comparison.csv"));
        var header = Csv.Fields(lines[0]);
        return lines.Skip(1).Select(Csv.Fields).ToDictionary(f => (f[0], f[1], f[2]), f => header.Zip(f).ToDictionary(p => p.First, p => p.Second));
    }

    private static double D(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    [Test]
    public void Two_results_folders_are_compared_as_independent_runs_with_intervals_from_their_summaries()
    {
        var folderA = RunInto("seed1", "--trials", "3000", "--seed", "1");
        var folderB = RunInto("seed2", "--trials", "2000", "--seed", "2", "--variant", "faster");
        var output = Path.Combine(directory, "cmp");
        var (exitCode, stdout, stderr) = CommandLine.Run("compare", folderA, folderB, "--out", output);
        Assert.That(exitCode, Is.Zero, stderr);
        using var summaryA = JsonDocument.Parse(File.ReadAllText(Path.Combine(folderA, "summary.json")));
        using var summaryB = JsonDocument.Parse(File.ReadAllText(Path.Combine(folderB, "summary.json")));
        var outcomesA = summaryA.RootElement.GetProperty("outcomes");
        var outcomesB = summaryB.RootElement.GetProperty("outcomes");
        var rows = ComparisonRows(output);
        var z = 1.959963984540054;
        // Each difference by hand: B − A ± z·√(varA/nA + varB/nB), from the numbers in the two summaries.
        void Check((string, string, string) key, double a, double varianceA, double nA, double b, double varianceB, double nB)
        {
            var row = rows[key];
            var error = Math.Sqrt(varianceA / nA + varianceB / nB);
            Assert.That(D(row["a_estimate"]), Is.EqualTo(a).Within(1e-12), $"{key} a");
            Assert.That(D(row["b_estimate"]), Is.EqualTo(b).Within(1e-12), $"{key} b");
            Assert.That(D(row["difference"]), Is.EqualTo(b - a).Within(1e-12), $"{key} difference");
            Assert.That(D(row["difference_ci_low"]), Is.EqualTo(b - a - z * error).Within(1e-12), $"{key} low");
            Assert.That(D(row["difference_ci_high"]), Is.EqualTo(b - a + z * error).Within(1e-12), $"{key} high");
            Assert.That(row["paired"], Is.EqualTo("false"));
            Assert.That(row["variance_reduction"], Is.Empty);
        }
        Assert.Multiple(() =>
        {
            var pA = outcomesA.GetProperty("on").GetProperty("estimate").GetDouble();
            var pB = outcomesB.GetProperty("on").GetProperty("estimate").GetDouble();
            Check(("on", "probability", ""), pA, pA * (1 - pA), 3000, pB, pB * (1 - pB), 2000);
            var ciA = outcomesA.GetProperty("on").GetProperty("ci95");
            Assert.That(D(rows[("on", "probability", "")]["a_ci_low"]), Is.EqualTo(ciA[0].GetDouble()), "A's own Wilson interval, as in its summary");

            var hA = 1 - outcomesA.GetProperty("first").GetProperty("never").GetDouble();
            var hB = 1 - outcomesB.GetProperty("first").GetProperty("never").GetDouble();
            Check(("first", "happens", ""), hA, hA * (1 - hA), 3000, hB, hB * (1 - hB), 2000);

            var firstA = outcomesA.GetProperty("first");
            var firstB = outcomesB.GetProperty("first");
            double Sd(JsonElement o) => o.GetProperty("sd").GetDouble();
            Check(("first", "mean when it happens", ""), firstA.GetProperty("mean").GetDouble(), Sd(firstA) * Sd(firstA), firstA.GetProperty("count").GetInt64(),
                firstB.GetProperty("mean").GetDouble(), Sd(firstB) * Sd(firstB), firstB.GetProperty("count").GetInt64());

            var onA = outcomesA.GetProperty("final_a").GetProperty("probabilities").GetProperty("On").GetDouble();
            var onB = outcomesB.GetProperty("final_a").GetProperty("probabilities").GetProperty("On").GetDouble();
            Check(("final_a", "probability", "On"), onA, onA * (1 - onA), 3000, onB, onB * (1 - onB), 2000);

            Assert.That(File.Exists(Path.Combine(output, "plots", "differences.svg")));
            Assert.That(File.Exists(Path.Combine(output, "plots", "first-cumulative.png")));
            Assert.That(Directory.Exists(Path.Combine(output, "a")), Is.False, "the folders compared stay where they are");
            var report = File.ReadAllText(Path.Combine(output, "report.html"));
            Assert.That(report, Does.Contain("run independently").And.Contain("not every value"));
            Assert.That(stdout, Does.Contain("independent results"));
        });
    }

    [Test]
    public void A_results_folder_compared_with_itself_differs_by_nothing()
    {
        var folder = RunInto("run", "--trials", "1500");
        var output = Path.Combine(directory, "self");
        var (exitCode, _, stderr) = CommandLine.Run("compare", folder, folder, "--out", output);
        Assert.That(exitCode, Is.Zero, stderr);
        var rows = ComparisonRows(output);
        Assert.Multiple(() =>
        {
            Assert.That(rows, Has.Count.EqualTo(5));
            foreach (var (key, row) in rows)
            {
                Assert.That(D(row["difference"]), Is.Zero, key.ToString());
                Assert.That(row["significant"], Is.EqualTo("false"), key.ToString());
            }
        });
    }

    [Test]
    public void A_folder_without_a_summary_is_bad_input()
    {
        var folder = RunInto("run", "--trials", "1024");
        var empty = Directory.CreateDirectory(Path.Combine(directory, "empty")).FullName;
        var (exitCode, _, stderr) = CommandLine.Run("compare", folder, empty, "--out", Path.Combine(directory, "x"));
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(2));
            Assert.That(stderr, Does.Contain($"B: {empty} is a folder without summary.json"));
            Assert.That(Directory.Exists(Path.Combine(directory, "x")), Is.False);
        });
    }

    [Test]
    public void A_folder_whose_summary_is_not_json_is_bad_input_at_its_line_and_column()
    {
        var folder = RunInto("run", "--trials", "1024");
        var broken = Directory.CreateDirectory(Path.Combine(directory, "broken")).FullName;
        File.WriteAllText(Path.Combine(broken, "summary.json"), "{\n  \"scenario\": \"small\",\n  oops\n}\n");
        var (exitCode, _, stderr) = CommandLine.Run("compare", broken, folder, "--out", Path.Combine(directory, "x"));
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(2));
            Assert.That(stderr, Does.StartWith(Path.Combine(broken, "summary.json") + ":3:3: error: not valid JSON"));
            Assert.That(stderr, Does.Not.Contain("   at "), "no stack trace");
        });
    }

    [Test]
    public void A_results_folder_and_a_scenario_are_not_compared()
    {
        var folder = RunInto("run", "--trials", "1024");
        var (exitCode, _, stderr) = CommandLine.Run("compare", folder, scenario, "--out", Path.Combine(directory, "x"));
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(2));
            Assert.That(stderr, Does.Contain("comparing results folders needs both A and B to be results folders"));
        });
    }
}
