using System.Globalization;
using NorthKoreaShadowWar.Backtesting;
using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Backtesting;

/// <summary>
/// The CRPS from a results folder: a results folder keeps each distribution's values in distributions.csv, so that score computes the CRPS from a
/// folder; a folder written without that file still scores, with the CRPS left empty and a note.
/// </summary>
public partial class ScoreCommandTests
{
    private const string ObservedValues = """
        outcomes:
          first_on: 3
          x_end: 4.5
        """;

    private static RunResult Forecast(params OutcomeResult[] outcomes) => new(
        new RunManifest("made-up", null, null, 1, 4, 10, "week", "", "test", [], "made-up.yaml"), outcomes, [], new RunPerformance(1, 0, 0, 0));

    private static DistributionResult Value(string name) =>
        new(name, "value: x", 2, (0, 3), 1, [("p50", 1)], null, 4, 0, 3, true);

    [Test]
    public void The_CRPS_of_a_small_distribution_read_from_its_file_is_the_one_computed_by_hand()
    {
        // Values 0, 1 and 3 with weights 1, 1, 2 (probabilities ¼, ¼, ½), observed 2:
        // E|X − 2| = ¼·2 + ¼·1 + ½·1 = 1.25;
        // E|X − X′| = 2(¼·¼·1 + ¼·½·3 + ¼·½·2) = 1.375; CRPS = 1.25 − 1.375 / 2 = 0.5625.
        var folder = Directory.CreateDirectory(Path.Combine(directory, "by-hand-crps")).FullName;
        File.WriteAllText(Path.Combine(folder, DistributionsCsv.FileName), "outcome,value,weight\nv,0,1\nv,1,1\nv,3,2\n");
        var read = DistributionsCsv.ReadInto(Forecast(Value("v")), folder);
        var distribution = (DistributionResult)read.Outcomes.Single();
        Assert.Multiple(() =>
        {
            Assert.That(distribution.Points, Is.EqualTo(new[] { (0.0, 1.0), (1.0, 1.0), (3.0, 2.0) }));
            Assert.That(BacktestScorer.Crps(distribution, 2, 10), Is.EqualTo(0.5625).Within(1e-12));
        });
    }

    [Test]
    public void Score_from_a_results_folder_fills_the_CRPS_of_every_distribution_with_the_value_computed_by_hand()
    {
        var output = Path.Combine(directory, "scored-crps");
        var (exitCode, stdout, stderr) = CommandLine.Run("score", results, "--observed", Write("values.yaml", ObservedValues), "--out", output);
        Assert.That(exitCode, Is.Zero, stderr);
        var rows = File.ReadAllLines(Path.Combine(output, "scores.csv")).Skip(1).Select(Csv.Fields).ToDictionary(f => f[1], f => f[^1]);
        var summary = SummaryJsonReader.ReadFolder(results);
        var firstOn = (DistributionResult)summary.Outcomes.Single(o => o.Name == "first_on");
        // Trials where it never happened count at horizon + 1 (9), weighted by the share of all trials they are.
        var firstOnPoints = PointsOf("first_on");
        var happened = firstOnPoints.Sum(p => p.Weight);
        var never = firstOn.Never ?? 0;
        Assert.Multiple(() =>
        {
            Assert.That(double.Parse(rows["first_on"], CultureInfo.InvariantCulture),
                Is.EqualTo(CrpsByHand([.. firstOnPoints, (9, happened * never / (1 - never))], 3)).Within(1e-9));
            Assert.That(double.Parse(rows["x_end"], CultureInfo.InvariantCulture), Is.EqualTo(CrpsByHand(PointsOf("x_end"), 4.5)).Within(1e-9));
            Assert.That(File.ReadAllText(Path.Combine(output, "report.html")), Does.Not.Contain("No CRPS for"));
            Assert.That(stdout, Does.Contain("CRPS").And.Not.Contain("no CRPS"));
        });
    }

    [Test]
    public void A_folder_written_without_distributions_csv_still_scores_with_the_CRPS_empty_and_a_note()
    {
        var old = Path.Combine(directory, "old-crps");
        Directory.CreateDirectory(old);
        foreach (var file in Directory.GetFiles(results).Where(f => Path.GetFileName(f) != DistributionsCsv.FileName))
            File.Copy(file, Path.Combine(old, Path.GetFileName(file)));
        var output = Path.Combine(directory, "scored-old-crps");
        var (exitCode, stdout, stderr) = CommandLine.Run("score", old, "--observed", Write("values.yaml", ObservedValues), "--out", output);
        Assert.That(exitCode, Is.Zero, stderr);
        var crps = File.ReadAllLines(Path.Combine(output, "scores.csv")).Skip(1).Select(line => Csv.Fields(line)[^1]);
        Assert.Multiple(() =>
        {
            Assert.That(crps, Is.All.Empty);
            Assert.That(File.ReadAllText(Path.Combine(output, "report.html")), Does.Contain($"No CRPS for {old}: written without {DistributionsCsv.FileName}"));
            Assert.That(stdout, Does.Contain("no CRPS"));
        });
    }

    [TestCase("outcome,value\nx_end,1\n", 1, 1, "the first line must be the header 'outcome,value,weight'")]
    [TestCase("outcome,value,weight\nx_end,1\n", 2, 1, "expected 3 fields (outcome,value,weight), found 2")]
    [TestCase("outcome,value,weight\nnope,1,1\n", 2, 1, "'nope' is not a distribution outcome of the summary.json beside this file")]
    [TestCase("outcome,value,weight\nx_end,lots,1\n", 2, 7, "value must be a finite number, found 'lots'")]
    [TestCase("outcome,value,weight\nx_end,1,-2\n", 2, 9, "weight must not be negative, found -2")]
    [TestCase("outcome,value,weight\nx_end,3,1\nx_end,1,1\n", 3, 7, "the values of 'x_end' must be in ascending order; 1 follows 3")]
    public void A_damaged_distributions_csv_is_refused_at_its_line_and_column_before_scoring(string text, int line, int column, string message)
    {
        var damaged = Path.Combine(directory, $"damaged-{Guid.NewGuid():N}");
        Directory.CreateDirectory(damaged);
        foreach (var file in Directory.GetFiles(results)) File.Copy(file, Path.Combine(damaged, Path.GetFileName(file)));
        File.WriteAllText(Path.Combine(damaged, DistributionsCsv.FileName), text);
        var output = Path.Combine(directory, "never-written-crps");
        var (exitCode, _, stderr) = CommandLine.Run("score", damaged, "--observed", Write("values.yaml", ObservedValues), "--out", output);
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(2));
            Assert.That(stderr, Does.StartWith($"{Path.Combine(damaged, DistributionsCsv.FileName)}:{line}:{column}: error: {message}"));
            Assert.That(Directory.Exists(output), Is.False);
        });
    }

    private List<(double Value, double Weight)> PointsOf(string outcome) =>
        File.ReadAllLines(Path.Combine(results, DistributionsCsv.FileName)).Skip(1).Select(Csv.Fields).Where(f => f[0] == outcome)
            .Select(f => (double.Parse(f[1], CultureInfo.InvariantCulture), double.Parse(f[2], CultureInfo.InvariantCulture))).ToList();

    /// <summary>E|X − y| − ½ E|X − X′|, summed over every pair of values: the definition, without the sorted shortcut.</summary>
    private static double CrpsByHand(IReadOnlyList<(double Value, double Weight)> points, double observed)
    {
        var total = points.Sum(p => p.Weight);
        var toObserved = points.Sum(p => p.Weight / total * Math.Abs(p.Value - observed));
        var between = points.Sum(a => points.Sum(b => a.Weight / total * (b.Weight / total) * Math.Abs(a.Value - b.Value)));
        return toObserved - between / 2;
    }
}
