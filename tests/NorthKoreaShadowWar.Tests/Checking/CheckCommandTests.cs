using System.Globalization;
using System.Text.Json;
using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Checking;

/// <summary>
/// <c>shadowwar check</c>: the printed summary, report.md and check.json in the results folder, an impossible observation
/// as an error at its line and column with exit code 2 before anything runs, usage errors, and the same numbers on any
/// thread count.
/// </summary>
public class CheckCommandTests
{
    private static (string Scenario, string Evidence, string Folder) Files(string evidence)
    {
        var folder = Directory.CreateTempSubdirectory("check-command").FullName;
        var scenario = Path.Combine(folder, "switch.yaml");
        var evidenceFile = Path.Combine(folder, "evidence.yaml");
        File.WriteAllText(scenario, CheckTesting.Switch("{ uniform: [0.1, 0.3] }"));
        File.WriteAllText(evidenceFile, evidence);
        return (scenario, evidenceFile, folder);
    }

    private const string Evidence = """
        as_of: 4
        observations:
          - { source: one, does_not_hold: "m == On", at: 1 }
          - { source: two, holds: "m == On", at: 4, reliability: 0.9 }
        """;

    [Test]
    public void A_check_prints_its_findings_and_writes_the_report_and_check_json()
    {
        var (scenario, evidence, folder) = Files(Evidence);
        var output = Path.Combine(folder, "out");
        var (code, stdout, error) = CommandLine.Run("check", scenario, "--evidence", evidence, "--trials", "4096", "--replicates", "4096", "--out", output);
        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(stdout, Does.Contain("Possible at all?").And.Contain("Surprising?").And.Contain("Can it learn?").And.Contain("Posterior predictive"));
        Assert.That(File.ReadAllText(Path.Combine(output, "report.md")), Does.Contain("## Observations").And.Contain("## Outcomes"));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "check.json")));
        var root = json.RootElement;
        Assert.That(root.GetProperty("observations").GetArrayLength(), Is.EqualTo(2));
        Assert.That(root.GetProperty("observations")[0].GetProperty("at").GetString(), Does.EndWith("evidence.yaml:3:5"));
        Assert.That(root.GetProperty("parameters")[0].GetProperty("name").GetString(), Is.EqualTo("p"));
        Assert.That(root.GetProperty("outcomes")[0].GetProperty("verdict").GetString(), Is.AnyOf("independent", "path only", "parameters"));
        Assert.That(root.GetProperty("outcomes")[0].GetProperty("sharedWithEvidence")[0].GetString(), Is.EqualTo("m"));
    }

    [Test]
    public void An_impossible_observation_is_an_error_at_its_line_and_column_with_exit_code_2_and_nothing_written()
    {
        var (scenario, evidence, folder) = Files("""
            as_of: 4
            observations:
              - { source: one, holds: "m == On", at: 0 }
            """);
        var output = Path.Combine(folder, "out");
        var (code, _, error) = CommandLine.Run("check", scenario, "--evidence", evidence, "--out", output);
        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain("evidence.yaml:3:5: error: the scenario cannot produce this observation"));
        Assert.That(error, Does.Contain("'On' can first be reached at step 1 (Off → On), after step 0"));
        Assert.That(error, Does.Not.Contain("   at "), "no stack trace");
        Assert.That(Directory.Exists(output), Is.False);
    }

    [Test]
    public void Evidence_the_structure_allows_but_no_trial_drawn_matches_is_the_error_of_update_with_exit_code_2()
    {
        var folder = Directory.CreateTempSubdirectory("check-command").FullName;
        var scenario = Path.Combine(folder, "rare.yaml");
        var evidence = Path.Combine(folder, "evidence.yaml");
        File.WriteAllText(scenario, CheckTesting.Switch("0.000000001"));
        File.WriteAllText(evidence, "as_of: 1\nobservations:\n  - { source: one, holds: \"m == On\", at: 1 }\n");
        var (code, _, error) = CommandLine.Run("check", scenario, "--evidence", evidence, "--trials", "4096", "--replicates", "4096", "--out", Path.Combine(folder, "out"));
        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain("evidence.yaml:3:5: error: the evidence is impossible under the scenario"));
        Assert.That(Directory.Exists(Path.Combine(folder, "out")), Is.False);
    }

    [TestCase("--surprise", "0", "--surprise must be a probability")]
    [TestCase("--surprise", "1.5", "--surprise must be a probability")]
    [TestCase("--replicates", "0", "--replicates must be between 1")]
    [TestCase("--trials", "0", "--trials must be between 1")]
    public void Bad_options_are_usage_errors(string option, string value, string message)
    {
        var (scenario, evidence, _) = Files(Evidence);
        var (code, _, error) = CommandLine.Run("check", scenario, "--evidence", evidence, option, value);
        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.StartWith("error: " + message));
    }

    [Test]
    public void The_same_seed_gives_the_same_check_json_on_one_thread_and_on_three()
    {
        var (scenario, evidence, folder) = Files(Evidence);
        string Json(int threads)
        {
            var output = Path.Combine(folder, $"out{threads}");
            var (code, _, error) = CommandLine.Run("check", scenario, "--evidence", evidence, "--trials", "8192", "--replicates", "8192", "--threads", threads.ToString(CultureInfo.InvariantCulture), "--out", output);
            Assert.That(code, Is.EqualTo(0), error);
            return File.ReadAllText(Path.Combine(output, "check.json"));
        }
        Assert.That(Json(3), Is.EqualTo(Json(1)));
    }
}
