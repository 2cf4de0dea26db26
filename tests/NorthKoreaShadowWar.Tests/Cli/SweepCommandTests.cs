using NorthKoreaShadowWar.Batches;
using NorthKoreaShadowWar.Tests.Batches;
using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Cli;

public class SweepCommandTests : TinyScenarioTest
{
    [Test]
    public void A_sweep_point_writes_the_same_files_as_a_plain_run_with_set_at_its_value()
    {
        var sweep = Path.Combine(Folder, "sweep");
        var plain = Path.Combine(Folder, "plain");
        var (exitCode, stdout, stderr) = CommandLine.Run("sweep", Scenario, "--param", "x=0.2:0.6:3", "--trials", "2048", "--seed", "9", "--out", sweep);
        Assert.That(exitCode, Is.Zero, stderr);
        (exitCode, _, stderr) = CommandLine.Run("run", Scenario, "--set", "x=0.4", "--trials", "2048", "--seed", "9", "--out", plain);
        Assert.That(exitCode, Is.Zero, stderr);
        Assert.Multiple(() =>
        {
            foreach (var file in new[] { "outcomes.csv", "categories.csv", "occupancy.csv" })
                Assert.That(File.ReadAllBytes(Path.Combine(sweep, "points", "2", file)), Is.EqualTo(File.ReadAllBytes(Path.Combine(plain, file))), file);
            Assert.That(AllVariantsCommandTests.SummaryWithoutTiming(Path.Combine(sweep, "points", "2")),
                Is.EqualTo(AllVariantsCommandTests.SummaryWithoutTiming(plain)));
            Assert.That(stdout, Does.Contain("a_on_1").And.Contain("results: " + sweep));
        });
    }

    [Test]
    public void Sweep_csv_has_one_row_per_point_and_quantity_with_a_column_per_swept_parameter()
    {
        var output = Path.Combine(Folder, "sweep");
        var (exitCode, _, stderr) = CommandLine.Run("sweep", Scenario, "--param", "x=0.1:0.5:3", "--param", "y=0.1:0.3:2", "--trials", "1024", "--out", output);
        Assert.That(exitCode, Is.Zero, stderr);
        var lines = File.ReadAllLines(Path.Combine(output, "sweep.csv"));
        var header = Csv.Fields(lines[0]);
        var point4 = lines.Skip(1).Select(Csv.Fields).Where(f => f[0] == "4").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(header, Is.EqualTo(new[] { "point", "variant", "x", "y" }.Concat(BatchCsv.QuantityColumns)));
            Assert.That(lines, Has.Length.EqualTo(1 + 6 * BatchScenarios.RowsPerRun));
            Assert.That(point4.Select(f => (f[2], f[3])).Distinct(), Is.EqualTo(new[] { ("0.3", "0.3") }), "point 4 is x = 0.3, y = 0.3");
            Assert.That(point4.Select(f => f[6] + "/" + f[7]), Is.EqualTo(new[]
            {
                "probability/", "probability/", "happens/", "mean/", "probability/Off", "probability/On",
            }));
            Assert.That(Directory.GetDirectories(Path.Combine(output, "points")), Has.Length.EqualTo(6));
        });
    }

    [Test]
    public void A_two_parameter_grid_draws_bands_and_a_heatmap_with_a_report()
    {
        var output = Path.Combine(Folder, "sweep");
        var (exitCode, _, stderr) = CommandLine.Run("sweep", Scenario, "--param", "x=0.1:0.5:3", "--param", "y=0.1:0.3:3", "--trials", "1024", "--out", output);
        Assert.That(exitCode, Is.Zero, stderr);
        string Plot(string stem) => Path.Combine(output, "plots", stem + ".png");
        Assert.Multiple(() =>
        {
            foreach (var stem in new[] { "a_on_1-heatmap", "b_on-heatmap", "a_on_1-vs-x", "a_on_1-vs-y", "first_b-happens-vs-x" })
            {
                Assert.That(File.Exists(Plot(stem)), stem);
                Assert.That(new FileInfo(Plot(stem)).Length, Is.GreaterThan(10_000), stem);
            }
            Assert.That(File.Exists(Plot("first_b-heatmap")), Is.False, "heatmaps are drawn for probability outcomes");
            var report = File.ReadAllText(Path.Combine(output, "report.html"));
            Assert.That(report, Does.Contain("sweep over x, y").And.Contain("id=\"a_on_1-heatmap\""));
        });
    }

    [Test]
    public void A_latin_hypercube_sweep_has_one_point_per_sample_and_scatter_plots()
    {
        var output = Path.Combine(Folder, "lhs");
        var (exitCode, _, stderr) = CommandLine.Run("sweep", Scenario, "--samples", "5", "--param", "x=0.1:0.5", "--param", "y=0.1:0.3", "--trials", "1024", "--out", output);
        Assert.That(exitCode, Is.Zero, stderr);
        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllLines(Path.Combine(output, "sweep.csv")), Has.Length.EqualTo(1 + 5 * BatchScenarios.RowsPerRun));
            Assert.That(new FileInfo(Path.Combine(output, "plots", "a_on_1-vs-y.png")).Length, Is.GreaterThan(10_000));
        });
    }

    [TestCase("nosuch=0:1:3", "parameter 'nosuch', which the scenario does not define")]
    [TestCase("twice=0:1:3", "'twice' is computed from other parameters")]
    [TestCase("x=0.5:0.1:3", "LO (0.5) is above HI (0.1)")]
    [TestCase("x=0.1:0.5:0", "N must be a whole number of values, at least 1")]
    [TestCase("x=NaN:0.5:3", "LO and HI must be finite numbers")]
    [TestCase("x=0.1:0.5", "a grid needs the number of values")]
    [TestCase("x=0.1", "is not NAME=LO:HI:N")]
    public void A_bad_param_is_a_usage_error_before_anything_runs(string spec, string message)
    {
        var output = Path.Combine(Folder, "sweep");
        var (exitCode, _, stderr) = CommandLine.Run("sweep", Scenario, "--param", spec, "--out", output);
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(2));
            Assert.That(stderr, Does.Contain("shadowwar sweep: ").And.Contain(message));
            Assert.That(Directory.Exists(output), Is.False);
        });
    }

    [TestCase(new[] { "--param", "x=0.1:0.5:3", "--param", "x=0.2:0.3:2" }, "--param x is given twice")]
    [TestCase(new[] { "--param", "x=0.1:0.5:100", "--param", "y=0.1:0.3:101" }, "the grid has 10,100 points")]
    [TestCase(new[] { "--samples", "4", "--param", "x=0.1:0.5:3" }, "--param x: with --samples the points come from a Latin hypercube")]
    [TestCase(new[] { "--samples", "0", "--param", "x=0.1:0.5" }, "--samples must be between 1 and 10,000")]
    [TestCase(new string[0], "give at least one --param")]
    public void A_bad_design_is_a_usage_error(string[] options, string message)
    {
        var (exitCode, _, stderr) = CommandLine.Run(["sweep", Scenario, "--out", Path.Combine(Folder, "sweep"), .. options]);
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(2));
            Assert.That(stderr, Does.Contain("shadowwar sweep: " + message));
        });
    }

    [Test]
    public void A_value_that_breaks_the_scenario_shows_its_diagnostic_before_any_trial_runs()
    {
        var output = Path.Combine(Folder, "sweep");
        var (exitCode, stdout, stderr) = CommandLine.Run("sweep", Scenario, "--param", "x=0.5:1.5:3", "--out", output);
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(2));
            Assert.That(stderr, Does.Match(@"tiny\.yaml:\d+:\d+: error: probability .x. is 1\.5"));
            Assert.That(stderr, Does.Contain("shadowwar sweep: point 3 (x=1.5) makes the scenario invalid"));
            Assert.That(stdout, Is.Empty);
            Assert.That(Directory.Exists(output), Is.False);
        });
    }

    [Test]
    public void An_existing_folder_is_not_replaced_without_force()
    {
        var output = Path.Combine(Folder, "sweep");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "mine.txt"), "keep");
        var (exitCode, _, stderr) = CommandLine.Run("sweep", Scenario, "--param", "x=0.1:0.5:2", "--trials", "1024", "--out", output);
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(2));
            Assert.That(stderr, Does.Contain("--force"));
            Assert.That(File.ReadAllText(Path.Combine(output, "mine.txt")), Is.EqualTo("keep"));
        });
        (exitCode, _, stderr) = CommandLine.Run("sweep", Scenario, "--param", "x=0.1:0.5:2", "--trials", "1024", "--out", output, "--force");
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(2), "a folder of the user's is not replaced even with --force");
            Assert.That(stderr, Does.Contain("not a results folder written by shadowwar"));
            Assert.That(File.ReadAllText(Path.Combine(output, "mine.txt")), Is.EqualTo("keep"));
        });
        var earlier = Path.Combine(Folder, "sweep-earlier");
        Assert.That(CommandLine.Run("sweep", Scenario, "--param", "x=0.1:0.5:2", "--trials", "1024", "--out", earlier).ExitCode, Is.Zero);
        (exitCode, _, stderr) = CommandLine.Run("sweep", Scenario, "--param", "x=0.1:0.5:2", "--trials", "1024", "--out", earlier, "--force");
        Assert.That(exitCode, Is.Zero, stderr);
        Assert.That(File.Exists(Path.Combine(earlier, "sweep.csv")));
    }
}
