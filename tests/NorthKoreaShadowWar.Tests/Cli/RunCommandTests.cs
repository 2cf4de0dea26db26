using System.Text.Json;
using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Cli;

public class RunCommandTests
{
    private const string Small = """
        name: small
        title: "A small scenario"
        horizon: 8
        parameters:
          rate: { uniform: [0.1, 0.3] }
        variables:
          x: { initial: 0 }
        machines:
          a:
            initial: Off
            states: [Off, On]
            absorbing: [On]
            each_step: { On: { x: "+= 1" } }
            transitions: [ { from: Off, to: On, p: rate } ]
        outcomes:
          on: { reached: a.On, within: 4 }
          first: { first_step: a.On }
          final_a: { final: a }
          x_end: { value: x }
          in_on: { steps_in: a.On }
        """;

    private string directory = "";
    private string scenario = "";

    [SetUp]
    public void CreateDirectory()
    {
        directory = Directory.CreateTempSubdirectory("shadowwar-run-").FullName;
        scenario = Path.Combine(directory, "small.yaml");
        File.WriteAllText(scenario, Small);
    }

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(directory, recursive: true);

    [Test]
    public void No_codegen_interprets_the_per_step_code_and_gives_the_same_summary()
    {
        var generated = Path.Combine(directory, "generated");
        var interpreted = Path.Combine(directory, "interpreted");
        var first = CommandLine.Run("run", scenario, "--trials", "2000", "--seed", "5", "--out", generated);
        var second = CommandLine.Run("run", scenario, "--trials", "2000", "--seed", "5", "--out", interpreted, "--no-codegen");
        Assert.Multiple(() =>
        {
            Assert.That(first.ExitCode, Is.EqualTo(0), first.Error);
            Assert.That(second.ExitCode, Is.EqualTo(0), second.Error);
        });
        Assert.That(ComparableSummary.OfFolder(interpreted), Is.EqualTo(ComparableSummary.OfFolder(generated)));
    }

    [Test]
    public void Run_writes_summary_json_in_the_contract_shape()
    {
        var results = Path.Combine(directory, "results");
        var (exitCode, output, error) = CommandLine.Run("run", scenario, "--trials", "3000", "--seed", "5", "--out", results);
        Assert.That(exitCode, Is.EqualTo(0), error);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(results, "summary.json")));
        var root = summary.RootElement;
        var outcomes = root.GetProperty("outcomes");
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("scenario").GetString(), Is.EqualTo("small"));
            Assert.That(root.GetProperty("variant").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(root.GetProperty("seed").GetInt64(), Is.EqualTo(5));
            Assert.That(root.GetProperty("trials").GetInt64(), Is.EqualTo(3000));
            Assert.That(root.GetProperty("horizon").GetInt32(), Is.EqualTo(8));
            Assert.That(root.GetProperty("step").GetString(), Is.EqualTo("step"));
            Assert.That(root.GetProperty("scenarioSha256").GetString(), Has.Length.EqualTo(64));
            Assert.That(root.GetProperty("engineVersion").GetString(), Is.Not.Empty);
            Assert.That(outcomes.GetProperty("on").GetProperty("kind").GetString(), Is.EqualTo("probability"));
            Assert.That(outcomes.GetProperty("on").GetProperty("ci95").GetArrayLength(), Is.EqualTo(2));
            Assert.That(outcomes.GetProperty("first").GetProperty("kind").GetString(), Is.EqualTo("distribution"));
            Assert.That(outcomes.GetProperty("first").GetProperty("quantiles").EnumerateObject().Select(p => p.Name),
                Is.EqualTo(new[] { "p05", "p25", "p50", "p75", "p95" }));
            Assert.That(outcomes.GetProperty("first").TryGetProperty("never", out _), Is.True);
            Assert.That(outcomes.GetProperty("final_a").GetProperty("kind").GetString(), Is.EqualTo("categorical"));
            Assert.That(outcomes.GetProperty("final_a").GetProperty("probabilities").EnumerateObject().Sum(p => p.Value.GetDouble()), Is.EqualTo(1).Within(1e-12));
            Assert.That(root.GetProperty("occupancy").GetProperty("a").GetProperty("Off").GetArrayLength(), Is.EqualTo(9));
            Assert.That(root.GetProperty("occupancy").GetProperty("a").GetProperty("Off")[0].GetDouble(), Is.EqualTo(1));
            foreach (var key in new[] { "threads", "machineSteps", "simulateSeconds", "nsPerMachineStep", "peakWorkingSetBytes" })
                Assert.That(root.GetProperty("performance").TryGetProperty(key, out _), Is.True, key);
            Assert.That(output, Does.Contain("A small scenario"));
        });
    }

    [Test]
    public void Run_writes_tidy_csv_files()
    {
        var results = Path.Combine(directory, "results");
        Assert.That(CommandLine.Run("run", scenario, "--trials", "500", "--out", results).ExitCode, Is.EqualTo(0));
        var outcomes = File.ReadAllLines(Path.Combine(results, "outcomes.csv"));
        var occupancy = File.ReadAllLines(Path.Combine(results, "occupancy.csv"));
        Assert.Multiple(() =>
        {
            Assert.That(outcomes[0], Does.StartWith("outcome,kind,definition,estimate,ci95_low,ci95_high"));
            Assert.That(outcomes.Skip(1).Select(l => Csv.Fields(l)[0]), Is.EqualTo(new[] { "on", "first", "final_a", "x_end", "in_on" }));
            Assert.That(outcomes.Skip(1).Select(l => Csv.Fields(l).Count), Is.All.EqualTo(Csv.Fields(outcomes[0]).Count));
            Assert.That(Csv.Fields(outcomes[1])[2], Is.EqualTo("reached: a.On, within: 4"));
            Assert.That(occupancy[0], Is.EqualTo("machine,state,step,share"));
            Assert.That(occupancy, Has.Length.EqualTo(1 + 2 * 9));
            Assert.That(File.ReadAllLines(Path.Combine(results, "categories.csv")), Has.Length.EqualTo(3));
        });
    }

    [Test]
    public void An_existing_results_folder_is_not_overwritten_without_force()
    {
        var results = Path.Combine(directory, "results");
        Directory.CreateDirectory(results);
        File.WriteAllText(Path.Combine(results, "precious.txt"), "keep me");
        var (exitCode, _, error) = CommandLine.Run("run", scenario, "--trials", "100", "--out", results);
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(2));
            Assert.That(error, Does.Contain("--force"));
            Assert.That(File.ReadAllText(Path.Combine(results, "precious.txt")), Is.EqualTo("keep me"));
            Assert.That(File.Exists(Path.Combine(results, "summary.json")), Is.False);
        });
        (exitCode, _, error) = CommandLine.Run("run", scenario, "--trials", "100", "--out", results, "--force");
        Assert.That(exitCode, Is.EqualTo(2), "a folder with a file shadowwar did not write is not replaced even with --force");
        Assert.That(error, Does.Contain("not a results folder written by shadowwar"));
        File.Delete(Path.Combine(results, "precious.txt"));
        Assert.That(CommandLine.Run("run", scenario, "--trials", "100", "--out", results).ExitCode, Is.EqualTo(0), "an empty folder is used");
        Assert.That(CommandLine.Run("run", scenario, "--trials", "100", "--seed", "5", "--out", results, "--force").ExitCode, Is.EqualTo(0));
        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(Path.Combine(results, "summary.json")), Does.Contain("\"seed\": 5"));
            Assert.That(Directory.EnumerateDirectories(directory, ".results*"), Is.Empty, "no temporary folder is left behind");
        });
    }

    [Test]
    public void Rerunning_into_the_default_folder_keeps_the_previous_results()
    {
        var original = Environment.CurrentDirectory;
        Environment.CurrentDirectory = directory;
        try
        {
            Assert.That(CommandLine.Run("run", scenario, "--trials", "100", "--seed", "1").ExitCode, Is.EqualTo(0));
            var first = File.ReadAllText(Path.Combine(directory, "out", "small", "summary.json"));
            Assert.That(CommandLine.Run("run", scenario, "--trials", "100", "--seed", "2").ExitCode, Is.EqualTo(0));
            var kept = Directory.GetDirectories(Path.Combine(directory, "out", "previous")).Single();
            Assert.That(File.ReadAllText(Path.Combine(kept, "summary.json")), Is.EqualTo(first));
            Assert.That(File.ReadAllText(Path.Combine(directory, "out", "small", "summary.json")), Does.Contain("\"seed\": 2"));
        }
        finally
        {
            Environment.CurrentDirectory = original;
        }
    }

    [TestCase("--trials", "0")]
    [TestCase("--trials", "-5")]
    [TestCase("--threads", "0")]
    [TestCase("--seed", "-1")]
    [TestCase("--trials", "many")]
    public void Bad_option_values_are_usage_errors(string option, string value) =>
        Assert.That(CommandLine.Run("run", scenario, option, value, "--out", Path.Combine(directory, "r")).ExitCode, Is.EqualTo(2));

    [Test]
    public void A_scenario_error_exits_2_without_writing_results()
    {
        File.WriteAllText(scenario, Small.Replace("p: rate", "p: rat"));
        var results = Path.Combine(directory, "results");
        var (exitCode, _, error) = CommandLine.Run("run", scenario, "--out", results);
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(2));
            Assert.That(error, Does.Contain("small.yaml:14:44: error: in the probability 'p': unknown name 'rat'"));
            Assert.That(Directory.Exists(results), Is.False);
        });
    }

    [Test]
    public void Probabilities_above_one_in_a_row_that_reads_variables_are_reported_without_a_stack_trace()
    {
        File.WriteAllText(scenario, Small.Replace("transitions: [ { from: Off, to: On, p: rate } ]",
            "transitions: [ { from: Off, to: On, p: \"0.9 + x\" }, { from: Off, to: Off, p: \"0.2 + x\" } ]"));
        var (exitCode, _, error) = CommandLine.Run("run", scenario, "--trials", "100", "--out", Path.Combine(directory, "r"));
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(1));
            Assert.That(error, Does.Contain("machine 'a', state 'Off': the outgoing probabilities add up to 1.1"));
            Assert.That(error, Does.Not.Contain("   at "), "no stack trace");
        });
    }

    [Test]
    public void Probabilities_above_one_at_run_time_name_machine_state_trial_and_step()
    {
        File.WriteAllText(scenario, Small.Replace("transitions: [ { from: Off, to: On, p: rate } ]",
            "transitions: [ { from: Off, to: On, p: \"rate * 4\" } ]"));
        var (exitCode, _, error) = CommandLine.Run("run", scenario, "--trials", "1000", "--out", Path.Combine(directory, "r"));
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(1));
            Assert.That(error, Does.Match(@"machine 'a', state 'Off': the outgoing probabilities add up to [\d.]+, in trial \d+ at step \d+"));
            Assert.That(error, Does.Not.Contain("   at "), "no stack trace");
        });
    }
}
