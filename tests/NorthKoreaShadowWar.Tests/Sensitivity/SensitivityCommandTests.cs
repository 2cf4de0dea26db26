using NorthKoreaShadowWar.Sensitivity;
using NorthKoreaShadowWar.Tests.Support;
using SkiaSharp;

namespace NorthKoreaShadowWar.Tests.Sensitivity;

/// <summary><c>shadowwar sensitivity</c>: what it writes, and what it refuses.</summary>
public class SensitivityCommandTests
{
    private string directory = "";
    private string scenario = "";

    [SetUp]
    public void CreateDirectory()
    {
        directory = Directory.CreateTempSubdirectory("shadowwar-sensitivity-").FullName;
        scenario = Path.Combine(directory, "linear.yaml");
        File.WriteAllText(scenario, SensitivityScenarios.Linear);
    }

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(directory, recursive: true);

    private (int ExitCode, string Out, string Error) Sensitivity(params string[] arguments) =>
        CommandLine.Run(["sensitivity", scenario, "--trials", "256", "--tornado-trials", "300", .. arguments]);

    [Test]
    public void It_writes_the_documented_csv_every_plot_and_the_report_and_names_the_most_influential_parameter()
    {
        var output = Path.Combine(directory, "out");
        var (exitCode, stdout, stderr) = Sensitivity("--outcome", "y_end", "--outcome", "final_m=B", "--out", output);
        Assert.That(exitCode, Is.Zero, stderr);
        var lines = File.ReadAllLines(Path.Combine(output, "sensitivity.csv"));
        var header = Csv.Fields(lines[0]);
        var chance = Csv.Fields(lines.Single(l => l.StartsWith("y_end,,chance,", StringComparison.Ordinal)));
        var final = Csv.Fields(lines.Single(l => l.StartsWith("final_m,B,x1,", StringComparison.Ordinal)));
        string Cell(IReadOnlyList<string> row, string column) => row[header.ToList().IndexOf(column)];
        Assert.Multiple(() =>
        {
            Assert.That(header, Is.EqualTo(SensitivityCsv.Columns));
            Assert.That(lines, Has.Length.EqualTo(1 + 2 * 3)); // two outcomes × (x1, x2, chance)
            Assert.That(lines.Skip(1).Select(l => Csv.Fields(l).Count), Is.All.EqualTo(header.Count));
            Assert.That(Cell(chance, "swing"), Is.Empty); // chance has no tornado bar
            Assert.That(Cell(chance, "total"), Is.EqualTo("0"));
            Assert.That(Cell(final, "p10_value"), Is.EqualTo("0.1"));
            Assert.That(double.Parse(Cell(final, "swing"), System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThan(0.5));
            Assert.That(stdout, Does.Contain("Most influential for y_end: x2 (total index "));
            // Told before running: the tornado's 5 settings × 300 trials and the Sobol design's 256 × (2·2 + 3) rows.
            Assert.That(stdout, Does.StartWith("2 uncertain parameters; tornado: 5 settings × 300 = 1,500 trials; Sobol design: N = 256 × (2k + 3 = 7) = 1,792 trials; 3,292 trials in all"));
        });
        foreach (var stem in new[] { "y_end-tornado", "y_end-sobol", "final_m-B-tornado", "final_m-B-sobol" })
        {
            Assert.That(File.Exists(Path.Combine(output, "plots", stem + ".svg")), stem);
            using var bitmap = SKBitmap.Decode(Path.Combine(output, "plots", stem + ".png"));
            var ink = 0;
            for (var y = 0; y < bitmap.Height; y += 4)
                for (var x = 0; x < bitmap.Width; x += 4)
                    if (bitmap.GetPixel(x, y).Red < 200) ink++;
            Assert.Multiple(() =>
            {
                Assert.That(bitmap.Width, Is.EqualTo(960), stem);
                Assert.That(ink, Is.GreaterThan(200), $"{stem} looks blank");
            });
        }
        var report = File.ReadAllText(Path.Combine(output, "report.html"));
        Assert.Multiple(() =>
        {
            Assert.That(report.Split("src=\"data:image/png;base64,").Length - 1, Is.EqualTo(4));
            Assert.That(report, Does.Contain("chance").And.Contain("Most influential for y_end: x2"));
            Assert.That(report, Does.Not.Contain("src=\"http"));
        });
    }

    [Test]
    public void An_existing_folder_is_kept_unless_forced()
    {
        var output = Path.Combine(directory, "out");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "keep.txt"), "mine");
        var (refused, _, error) = Sensitivity("--outcome", "y_end", "--out", output);
        var (forced, _, forcedError) = Sensitivity("--outcome", "y_end", "--out", output, "--force");
        Assert.Multiple(() =>
        {
            Assert.That(refused, Is.EqualTo(2));
            Assert.That(error, Does.Contain("--force"));
            Assert.That(forced, Is.EqualTo(2), "a folder of the user's is not replaced even with --force");
            Assert.That(forcedError, Does.Contain("not a results folder written by shadowwar"));
            Assert.That(File.ReadAllText(Path.Combine(output, "keep.txt")), Is.EqualTo("mine"));
        });
        var earlier = Path.Combine(directory, "earlier");
        Assert.That(Sensitivity("--outcome", "y_end", "--out", earlier).ExitCode, Is.Zero);
        (forced, _, forcedError) = Sensitivity("--outcome", "y_end", "--out", earlier, "--force");
        Assert.That(forced, Is.Zero, forcedError);
        Assert.That(File.Exists(Path.Combine(earlier, "sensitivity.csv")));
    }

    [TestCase("y_ned", "no outcome 'y_ned' (did you mean 'y_end'?)")]
    [TestCase("final_m", "'final_m' is a final outcome: name the state whose probability to analyse, e.g. --outcome final_m=B")]
    [TestCase("final_m=C", "has no state 'C'")]
    [TestCase("moved=B", "'moved' is not a final outcome")]
    public void A_bad_outcome_is_refused_with_a_clear_message(string outcome, string message)
    {
        var (exitCode, _, stderr) = Sensitivity("--outcome", outcome, "--out", Path.Combine(directory, "out"));
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(2));
            Assert.That(stderr, Does.Contain(message));
            Assert.That(Directory.Exists(Path.Combine(directory, "out")), Is.False);
        });
    }

    [Test]
    public void No_outcome_or_no_uncertain_parameter_is_refused()
    {
        var (noOutcome, _, noOutcomeError) = Sensitivity("--out", Path.Combine(directory, "out"));
        var (fixedOnly, _, fixedError) = Sensitivity("--outcome", "y_end", "--set", "x1=0.5", "--set", "x2=0.5", "--out", Path.Combine(directory, "out"));
        Assert.Multiple(() =>
        {
            Assert.That(noOutcome, Is.EqualTo(2));
            Assert.That(noOutcomeError, Does.Contain("--outcome NAME").And.Contain("y_end, moved, first_move, final_m"));
            Assert.That(fixedOnly, Is.EqualTo(2));
            Assert.That(fixedError, Does.Contain("no uncertain parameters"));
        });
    }

    [Test]
    public void Correlated_parameters_are_drawn_independently_with_a_warning()
    {
        File.WriteAllText(scenario, SensitivityScenarios.Linear.Replace("variables:", "correlations:\n  - { between: [x1, x2], rank: 0.5 }\nvariables:"));
        var (exitCode, _, stderr) = Sensitivity("--outcome", "y_end", "--out", Path.Combine(directory, "out"));
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.Zero, stderr);
            Assert.That(stderr, Does.Contain("warning").And.Contain("Sobol indices assume independent inputs"));
        });
    }
}
