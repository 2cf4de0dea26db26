using System.Globalization;
using System.Text.Json;
using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Cli;

/// <summary><c>shadowwar run</c> on a scenario with correlations: every output says how well each one was realised.</summary>
public class CorrelationOutputTests
{
    private string directory = "";

    [SetUp]
    public void CreateDirectory() => directory = Directory.CreateTempSubdirectory("shadowwar-correlations-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(directory, recursive: true);

    private static string Example => Path.Combine(Paths.Scenarios, "examples", "correlated-inputs.yaml");

    [Test]
    public void Terminal_summary_csv_and_report_show_target_and_achieved_rank_correlations()
    {
        var results = Path.Combine(directory, "out");
        var (exitCode, output, error) = CommandLine.Run("run", Example, "--trials", "2000", "--out", results);
        Assert.That(exitCode, Is.EqualTo(0), error);

        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(results, "summary.json")));
        var correlations = summary.RootElement.GetProperty("correlations").EnumerateArray().ToList();
        var csv = File.ReadAllLines(Path.Combine(results, "correlations.csv"));
        var report = File.ReadAllText(Path.Combine(results, "report.html"));
        Assert.Multiple(() =>
        {
            Assert.That(output, Does.Contain("Correlated parameters").And.Match(@"troops0 ~ casualty_rate\s+0\.500\s+0\.\d{3}\s+0\.\d{3} – 0\.\d{3}\s+2,000"));
            Assert.That(correlations, Has.Count.EqualTo(2));
            var first = correlations[0];
            Assert.That(first.GetProperty("between").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { "troops0", "casualty_rate" }));
            Assert.That(first.GetProperty("target").GetDouble(), Is.EqualTo(0.5));
            Assert.That(first.GetProperty("trials").GetInt64(), Is.EqualTo(2000));
            var achieved = first.GetProperty("achieved").GetDouble();
            Assert.That(first.GetProperty("ci95")[0].GetDouble(), Is.LessThan(achieved));
            Assert.That(first.GetProperty("ci95")[1].GetDouble(), Is.GreaterThan(achieved));
            Assert.That(first.GetProperty("description").GetString(), Does.StartWith("assumption:"));

            Assert.That(csv[0], Is.EqualTo("parameter_a,parameter_b,target,achieved,ci95_low,ci95_high,trials,description"));
            Assert.That(csv, Has.Length.EqualTo(3));
            var row = Csv.Fields(csv[1]);
            Assert.That(row, Has.Count.EqualTo(8));
            Assert.That(row.Take(3), Is.EqualTo(new[] { "troops0", "casualty_rate", "0.5" }));
            Assert.That(double.Parse(row[3], CultureInfo.InvariantCulture), Is.EqualTo(achieved));
            Assert.That(row[6], Is.EqualTo("2000"));

            Assert.That(report, Does.Contain("<h2>Correlated parameters</h2>").And.Contain("id=\"correlation-troops0-casualty_rate\""));
            Assert.That(File.Exists(Path.Combine(results, "plots", "correlation-arms_escalation-tech_transfer.png")), Is.True);
        });
    }

    [Test]
    public void A_run_without_correlations_writes_no_correlation_outputs()
    {
        var results = Path.Combine(directory, "out");
        var (exitCode, output, error) = CommandLine.Run("run", Example, "--variant", "independent", "--trials", "500", "--out", results);
        Assert.That(exitCode, Is.EqualTo(0), error);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(results, "summary.json")));
        Assert.Multiple(() =>
        {
            Assert.That(summary.RootElement.TryGetProperty("correlations", out _), Is.False);
            Assert.That(File.Exists(Path.Combine(results, "correlations.csv")), Is.False);
            Assert.That(output, Does.Not.Contain("Correlated parameters"));
        });
    }
}
