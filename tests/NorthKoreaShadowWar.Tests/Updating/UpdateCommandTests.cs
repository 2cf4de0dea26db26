using System.Text.Json;
using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Updating;

/// <summary><c>shadowwar update</c>: the results folder, the evidence block, the prior beside it, and the ESS check.</summary>
public class UpdateCommandTests
{
    private static (string Scenario, string Evidence, string Folder) Files(string evidence)
    {
        var folder = Directory.CreateTempSubdirectory("update-command").FullName;
        var scenario = Path.Combine(folder, "chain.yaml");
        var evidenceFile = Path.Combine(folder, "evidence.yaml");
        File.WriteAllText(scenario, DeterminismTests.Model + """

            variants:
              slow:
                description: "slower escalation"
                parameters: { a: { uniform: [0.01, 0.1] } }
            """);
        File.WriteAllText(evidenceFile, evidence);
        return (scenario, evidenceFile, folder);
    }

    [Test]
    public void An_update_writes_the_posterior_the_prior_and_the_evidence_block()
    {
        var (scenario, evidence, folder) = Files(DeterminismTests.Evidence);
        var output = Path.Combine(folder, "out");
        var (code, stdout, error) = CommandLine.Run("update", scenario, "--evidence", evidence, "--trials", "8192", "--out", output);
        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(stdout, Does.Contain("What the evidence changed"));
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "summary.json")));
        var root = summary.RootElement;
        Assert.That(root.GetProperty("outcomes").TryGetProperty("war", out _), Is.True);
        var block = root.GetProperty("evidence");
        Assert.That(block.GetProperty("method").GetString(), Is.EqualTo("smc"));
        Assert.That(block.GetProperty("ess").GetDouble(), Is.GreaterThan(200));
        Assert.That(block.GetProperty("parameters").GetProperty("a").GetProperty("posterior90").GetArrayLength(), Is.EqualTo(2));
        Assert.That(block.GetProperty("changes").GetArrayLength(), Is.EqualTo(4));
        Assert.That(File.Exists(Path.Combine(output, "prior", "summary.json")));
        Assert.That(File.Exists(Path.Combine(output, "plots", "parameter-a.png")));
        Assert.That(File.ReadAllText(Path.Combine(output, "report.html")), Does.Contain("What the evidence changed"));
    }

    [Test]
    public void A_posterior_on_too_few_particles_says_so_and_exits_1_unless_accepted()
    {
        // Sharp evidence under importance weighting: few particles keep any weight.
        var (scenario, evidence, folder) = Files("""
            as_of: 8
            observations:
              - { source: s, measured: losses, at: 8, value: { normal: { mean: 300, sd: 0.5 } } }
            """);
        var arguments = new[] { "update", scenario, "--evidence", evidence, "--trials", "4096", "--method", "is", "--out", Path.Combine(folder, "out"), "--force" };
        var (code, _, error) = CommandLine.Run(arguments);
        Assert.That(code, Is.EqualTo(1), error);
        Assert.That(error, Does.Contain("below the minimum of 200"));
        Assert.That(CommandLine.Run([.. arguments, "--accept-low-ess"]).ExitCode, Is.EqualTo(0));
    }

    [Test]
    public void All_variants_gives_bayes_factors_against_the_base()
    {
        var (scenario, evidence, folder) = Files(DeterminismTests.Evidence);
        var output = Path.Combine(folder, "all");
        var (code, stdout, error) = CommandLine.Run("update", scenario, "--evidence", evidence, "--trials", "8192", "--all-variants", "--out", output);
        Assert.That(code, Is.EqualTo(0), error);
        var lines = File.ReadAllLines(Path.Combine(output, "bayes-factors.csv"));
        Assert.That(lines, Has.Length.EqualTo(3));
        Assert.That(lines[1], Does.StartWith("base,"));
        Assert.That(lines[2], Does.StartWith("slow,"));
        Assert.That(stdout, Does.Contain("Bayes factor"));
    }

    [TestCase("--method", "mcmc", "--method must be smc or is")]
    [TestCase("--max-trials", "100000", "--max-trials applies only with --ess")]
    [TestCase("--ess", "0", "--ess must be at least 1")]
    [TestCase("--move", "101", "--move must be between 0 and 100")]
    [TestCase("--move", "-1", "--move must be between 0 and 100")]
    public void Bad_options_are_plain_errors_with_exit_2(string option, string value, string message)
    {
        var (scenario, evidence, _) = Files(DeterminismTests.Evidence);
        var (code, _, error) = CommandLine.Run("update", scenario, "--evidence", evidence, option, value);
        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain(message));
    }

    [Test]
    public void Moves_apply_to_sequential_monte_carlo_only_and_are_reported_in_the_evidence_block()
    {
        var (scenario, evidence, folder) = Files(DeterminismTests.Evidence);
        var refused = CommandLine.Run("update", scenario, "--evidence", evidence, "--method", "is", "--move", "1");
        Assert.That(refused.ExitCode, Is.EqualTo(2));
        Assert.That(refused.Error, Does.Contain("--move moves the particles of sequential Monte Carlo"));
        var output = Path.Combine(folder, "moved");
        var (code, stdout, error) = CommandLine.Run("update", scenario, "--evidence", evidence, "--trials", "8192", "--move", "1", "--out", output);
        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(stdout, Does.Contain("Moves of the parameters: 1 after each resampling"));
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "summary.json")));
        var moves = summary.RootElement.GetProperty("evidence").GetProperty("moves");
        Assert.That(moves.GetProperty("sweeps").GetInt32(), Is.EqualTo(1));
        Assert.That(moves.GetProperty("accepted").GetInt64(), Is.GreaterThan(0));
    }

    [Test]
    public void A_bad_evidence_file_exits_2_with_its_position()
    {
        var (scenario, evidence, _) = Files("as_of: 3\nobservations:\n  - { source: s, holds: \"phsae == War\", at: 2 }\n");
        var (code, _, error) = CommandLine.Run("update", scenario, "--evidence", evidence);
        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain($"{evidence}:3:26: error:"));
    }
}
