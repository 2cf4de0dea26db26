using NorthKoreaShadowWar.Backtesting;
using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Backtesting;

public partial class ScoreCommandTests
{
    private const string Small = """
        name: small
        horizon: 8
        parameters:
          rate: { uniform: [0.1, 0.3] }
        variables:
          x: { initial: 0 }
        machines:
          a:
            initial: Off
            states: [Off, On]
            each_step: { On: { x: "+= 1.5" } }
            transitions: [ { from: Off, to: On, p: rate } ]
        outcomes:
          on_by_4: { reached: a.On, within: 4 }
          first_on: { first_step: a.On }
          final_a: { final: a }
          x_end: { value: x }
        """;

    private const string Observed = """
        # what happened
        recorded: 2025-10-01
        outcomes:
          on_by_4: true
          first_on: 3
          final_a: On
        """;

    private string directory = "";
    private string results = "";

    [OneTimeSetUp]
    public void RunOnce()
    {
        directory = Directory.CreateTempSubdirectory("shadowwar-score-").FullName;
        var scenario = Path.Combine(directory, "small.yaml");
        File.WriteAllText(scenario, Small);
        results = Path.Combine(directory, "results");
        var (exitCode, _, error) = CommandLine.Run("run", scenario, "--trials", "2000", "--out", results);
        Assert.That(exitCode, Is.Zero, error);
    }

    [OneTimeTearDown]
    public void DeleteDirectory() => Directory.Delete(directory, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Test]
    public void Score_writes_scores_calibration_the_plot_and_the_report()
    {
        var observed = Write("observed.yaml", Observed);
        var output = Path.Combine(directory, "scored");
        var (exitCode, stdout, stderr) = CommandLine.Run("score", results, "--observed", observed, "--out", output);
        Assert.That(exitCode, Is.Zero, stderr);
        var scores = File.ReadAllLines(Path.Combine(output, "scores.csv"));
        Assert.Multiple(() =>
        {
            Assert.That(Csv.Fields(scores[0]), Is.EqualTo(ScoresCsv.ScoreColumns));
            Assert.That(scores, Has.Length.EqualTo(1 + 1 + 1 + 2), "on_by_4; first_on; final_a Off and On; x_end unresolved");
            Assert.That(File.ReadAllLines(Path.Combine(output, "calibration.csv")), Has.Length.EqualTo(11));
            Assert.That(File.Exists(Path.Combine(output, "plots", "reliability.png")) && File.Exists(Path.Combine(output, "plots", "reliability.svg")));
            Assert.That(File.ReadAllText(Path.Combine(output, "report.html")), Does.Contain("x_end"));
            Assert.That(stdout, Does.Contain("Brier").And.Contain("cannot show calibration"));
        });
    }

    [Test]
    public void An_existing_output_folder_is_not_replaced_without_force_and_only_an_earlier_results_folder_with_it()
    {
        var observed = Write("observed.yaml", Observed);
        var output = Path.Combine(directory, "kept");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "mine.txt"), "keep");
        var (exitCode, _, stderr) = CommandLine.Run("score", results, "--observed", observed, "--out", output);
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(2));
            Assert.That(stderr, Does.Contain("--force"));
            Assert.That(File.ReadAllText(Path.Combine(output, "mine.txt")), Is.EqualTo("keep"));
        });
        var (forced, _, forcedError) = CommandLine.Run("score", results, "--observed", observed, "--out", output, "--force");
        Assert.That(forced, Is.EqualTo(2), "a folder of the user's is not replaced even with --force");
        Assert.That(forcedError, Does.Contain("is not a results folder written by shadowwar"));
        Assert.That(File.ReadAllText(Path.Combine(output, "mine.txt")), Is.EqualTo("keep"));
        var earlier = Path.Combine(directory, "earlier");
        Assert.That(CommandLine.Run("score", results, "--observed", observed, "--out", earlier).ExitCode, Is.Zero);
        (forced, _, forcedError) = CommandLine.Run("score", results, "--observed", observed, "--out", earlier, "--force");
        Assert.That(forced, Is.Zero, forcedError);
        Assert.That(File.Exists(Path.Combine(earlier, "scores.csv")));
    }

    [TestCase("outcomes:\n  on_by4: true\n", 2, 3, "no outcome 'on_by4' in the results (did you mean 'on_by_4'?)")]
    [TestCase("outcomes:\n  on_by_4: 0.7\n", 2, 12, "'on_by_4' is a probability outcome: record whether it happened as true or false, not '0.7'")]
    [TestCase("outcomes:\n  final_a: Of\n", 2, 12, "'final_a' is the final state of a machine: record one of its states (Off, On), not 'Of' (did you mean 'Off'?)")]
    [TestCase("outcomes:\n  x_end: lots\n", 2, 10, "the value observed for 'x_end' must be a number, not 'lots'")]
    [TestCase("outcomes:\n  x_end: never\n", 2, 10, "only a first_step outcome can be 'never'")]
    [TestCase("outcomes:\n  first_on: 2.5\n", 2, 13, "'first_on' is a first step: record the step at which it happened as a whole number from 0, or never")]
    [TestCase("recorded: 2025-10-01\noutcomes:\n  on_by_4: true\n  on_by_4: false\n", 4, 3, "duplicate key 'on_by_4' (first written on line 3)")]
    [TestCase("recorded: 2025-10-01\noutcomes:\n  on_by_4: true\n  !!str on_by_4: false\n", 4, 9, "duplicate key 'on_by_4' (first written on line 3)")]
    [TestCase("", 1, 1, "the file is empty")]
    [TestCase("# only a comment\n", 1, 1, "the file is empty")]
    [TestCase("recorded: 2025-10-01\n", 1, 1, "missing required key 'outcomes'")]
    [TestCase("recordd: 2025-10-01\noutcomes: {}\n", 1, 1, "unknown key 'recordd' in the observed file (did you mean 'recorded'?)")]
    public void Every_problem_of_the_observed_file_is_reported_at_its_line_and_column(string text, int line, int column, string message)
    {
        var observed = Write($"bad-{Guid.NewGuid():N}.yaml", text);
        var (exitCode, _, stderr) = CommandLine.Run("score", results, "--observed", observed, "--out", Path.Combine(directory, "never-written"));
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(2));
            Assert.That(stderr, Does.StartWith($"{observed}:{line}:{column}: error: {message}"));
            Assert.That(Directory.Exists(Path.Combine(directory, "never-written")), Is.False);
        });
    }

    [Test]
    public void A_missing_observed_file_is_reported_and_exits_2()
    {
        var missing = Path.Combine(directory, "nope.yaml");
        var (exitCode, _, stderr) = CommandLine.Run("score", results, "--observed", missing);
        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(stderr, Does.StartWith($"{missing}:1:1: error: no such file"));
    }

    [Test]
    public void A_results_folder_without_summary_exits_2_naming_it()
    {
        var empty = Directory.CreateDirectory(Path.Combine(directory, "empty")).FullName;
        var (exitCode, _, stderr) = CommandLine.Run("score", empty, "--observed", Write("observed.yaml", Observed));
        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(stderr, Does.StartWith($"{empty}: error: this folder has no summary.json"));
    }

    [Test]
    public void The_bundled_example_scores_a_run_of_the_baseline_and_says_it_is_illustrative()
    {
        var example = Path.Combine(Paths.Scenarios, "observed", "example.yaml");
        var baseline = Path.Combine(directory, "baseline");
        var (ran, _, runError) = CommandLine.Run("run", Path.Combine(Paths.Scenarios, "baseline.yaml"), "--trials", "1024", "--out", baseline);
        Assert.That(ran, Is.Zero, runError);
        var output = Path.Combine(directory, "example-scores");
        var (exitCode, _, stderr) = CommandLine.Run("score", baseline, "--observed", example, "--out", output);
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.Zero, stderr);
            Assert.That(File.ReadAllText(example), Does.Contain("NOT A RECORD OF HISTORY"));
            Assert.That(File.ReadAllText(Path.Combine(output, "report.html")), Does.Contain("every value is illustrative, not sourced"));
        });
    }
}
