using System.Text.Json;
using NorthKoreaShadowWar.Precision;
using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Precision;

/// <summary>
/// <c>run --precision</c>: stops at the first batch that meets the target, respects <c>--max-trials</c>, and gives the
/// numbers of a plain run of the same trials, bit for bit.
/// </summary>
public class PrecisionRunTests
{
    private const double Target = 0.01;
    private string directory = "";
    private string scenario = "";

    [SetUp]
    public void CreateDirectory()
    {
        directory = Directory.CreateTempSubdirectory("shadowwar-precision-").FullName;
        scenario = Path.Combine(directory, "small.yaml");
        File.WriteAllText(scenario, PrecisionScenarios.Small);
    }

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(directory, recursive: true);

    private (JsonElement Summary, string Out, string Error) Run(string name, params string[] options)
    {
        var results = Path.Combine(directory, name);
        var (exitCode, output, error) = CommandLine.Run(["run", scenario, "--out", results, .. options]);
        Assert.That(exitCode, Is.EqualTo(0), error);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(results, "summary.json")));
        return (summary.RootElement.Clone(), output, error);
    }

    [Test]
    public void The_run_stops_at_the_first_batch_whose_intervals_all_meet_the_target()
    {
        var (summary, output, _) = Run("precise", "--precision", "0.01", "--trials", "2000", "--seed", "3");
        var precision = summary.GetProperty("precision");
        var batches = precision.GetProperty("batches").EnumerateArray().ToList();
        var trials = precision.GetProperty("trials").GetInt64();
        Assert.Multiple(() =>
        {
            Assert.That(precision.GetProperty("met").GetBoolean(), Is.True);
            Assert.That(precision.GetProperty("target").GetDouble(), Is.EqualTo(Target));
            Assert.That(summary.GetProperty("trials").GetInt64(), Is.EqualTo(trials));
            Assert.That(batches.Select(b => b.GetProperty("trials").GetInt64()), Is.EqualTo(BatchSchedule.Ends(2000, PrecisionSettings.DefaultMaximumTrials).Take(batches.Count)));
            Assert.That(batches, Has.Count.GreaterThan(1), "the first batch is too small for this target, so the test sees a stop");
            Assert.That(batches[^1].GetProperty("met").GetBoolean(), Is.True);
            Assert.That(batches.SkipLast(1).Select(b => b.GetProperty("met").GetBoolean()), Is.All.False);
            Assert.That(output, Does.Contain($"met after {trials:N0} trials"));
        });

        // Checked again from the outcomes themselves, and against plain runs of this and of the previous batch's size.
        var outcomes = summary.GetProperty("outcomes");
        foreach (var outcome in outcomes.EnumerateObject())
        {
            var kind = outcome.Value.GetProperty("kind").GetString();
            var intervals = kind == "categorical" ? outcome.Value.GetProperty("ci95").EnumerateObject().Select(c => c.Value).ToList() : [outcome.Value.GetProperty("ci95")];
            var allowed = kind == "distribution" ? Target * Math.Abs(outcome.Value.GetProperty("mean").GetDouble()) : Target;
            foreach (var ci in intervals)
                Assert.That((ci[1].GetDouble() - ci[0].GetDouble()) / 2, Is.LessThanOrEqualTo(allowed), outcome.Name);
        }
        var previous = batches[^2].GetProperty("trials").GetInt64();
        Assert.Multiple(() =>
        {
            Assert.That(PrecisionMeasures.Of(Simulate.Text(PrecisionScenarios.Small, trials, seed: 3), Target).All(m => m.Met), Is.True);
            Assert.That(PrecisionMeasures.Of(Simulate.Text(PrecisionScenarios.Small, previous, seed: 3), Target).All(m => m.Met), Is.False,
                "the previous batch size would not have met the target");
        });
    }

    [Test]
    public void The_run_stops_at_max_trials_and_says_the_target_was_not_met()
    {
        var (summary, output, error) = Run("limited", "--precision", "0.0001", "--max-trials", "5000");
        var precision = summary.GetProperty("precision");
        Assert.Multiple(() =>
        {
            Assert.That(precision.GetProperty("met").GetBoolean(), Is.False);
            Assert.That(precision.GetProperty("trials").GetInt64(), Is.EqualTo(5000));
            Assert.That(precision.GetProperty("maxTrials").GetInt64(), Is.EqualTo(5000));
            Assert.That(summary.GetProperty("trials").GetInt64(), Is.EqualTo(5000));
            Assert.That(precision.GetProperty("batches").EnumerateArray().Select(b => b.GetProperty("trials").GetInt64()), Is.EqualTo(new long[] { 5000 }));
            Assert.That(output, Does.Contain("NOT met").And.Contain("5,000"));
            Assert.That(error, Does.Contain("precision: 5,000 trials"));
        });
    }

    [Test]
    public void A_precision_run_equals_a_plain_run_of_the_same_trials_bit_for_bit()
    {
        var (precise, _, _) = Run("precise", "--precision", "0.01", "--seed", "9", "--threads", "2");
        var trials = precise.GetProperty("precision").GetProperty("trials").GetInt64();
        var (plain, _, _) = Run("plain", "--trials", trials.ToString(System.Globalization.CultureInfo.InvariantCulture), "--seed", "9", "--threads", "3");
        Assert.Multiple(() =>
        {
            // The JSON writer prints each double round-trip: equal text is equal bits.
            Assert.That(precise.GetProperty("outcomes").GetRawText(), Is.EqualTo(plain.GetProperty("outcomes").GetRawText()));
            Assert.That(precise.GetProperty("occupancy").GetRawText(), Is.EqualTo(plain.GetProperty("occupancy").GetRawText()));
            Assert.That(plain.TryGetProperty("precision", out _), Is.False);
        });
    }

    [Test]
    public void The_report_shows_the_precision_and_a_convergence_plot_per_probability()
    {
        var results = Path.Combine(directory, "report");
        Assert.That(CommandLine.Run("run", scenario, "--precision", "0.02", "--out", results).ExitCode, Is.EqualTo(0));
        var html = File.ReadAllText(Path.Combine(results, "report.html"));
        Assert.Multiple(() =>
        {
            Assert.That(File.Exists(Path.Combine(results, "plots", "convergence-on.png")), Is.True);
            Assert.That(File.Exists(Path.Combine(results, "plots", "convergence-on.svg")), Is.True);
            Assert.That(html, Does.Contain("<h2>Precision</h2>").And.Contain("id=\"convergence-on\""));
        });
    }

    [TestCase("--precision", "0")]
    [TestCase("--precision", "-0.01")]
    [TestCase("--precision", "1.5")]
    [TestCase("--precision", "NaN")]
    [TestCase("--max-trials", "1000")]
    public void Bad_precision_options_are_usage_errors(string option, string value)
    {
        var (exitCode, _, error) = CommandLine.Run("run", scenario, option, value, "--out", Path.Combine(directory, "r"));
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(2));
            Assert.That(error, Does.Contain(option));
        });
    }

    [Test]
    public void Max_trials_below_one_is_a_usage_error() =>
        Assert.That(CommandLine.Run("run", scenario, "--precision", "0.01", "--max-trials", "0", "--out", Path.Combine(directory, "r")).ExitCode, Is.EqualTo(2));
}
