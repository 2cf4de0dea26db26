using NorthKoreaShadowWar.Tests.Support;
using NorthKoreaShadowWar.Updating;

namespace NorthKoreaShadowWar.Tests.Updating;

/// <summary>Evidence no trial can produce is an error that names the observation, never NaN.</summary>
public class ImpossibleEvidenceTests
{
    private const string Evidence = """
        as_of: 3
        observations:
          - { source: fine, holds: "phase != War", at: 0 }
          - { source: "the impossible one", holds: "phase == War", at: 1 }
        """;

    [TestCase(nameof(UpdateMethod.Smc))]
    [TestCase(nameof(UpdateMethod.Importance))]
    public void Evidence_with_likelihood_zero_in_every_trial_names_the_observation(string methodName)
    {
        var method = Enum.Parse<UpdateMethod>(methodName);
        // War needs two steps (Calm -> Tense -> War): it cannot hold at step 1.
        var error = Assert.Throws<EvidenceImpossibleException>(() =>
            UpdateTesting.Update(DeterminismTests.Model, Evidence, method, trials: UpdateSettings.BlockSize))!;
        Assert.That(error.Observation.Source, Is.EqualTo("the impossible one"));
        Assert.That(error.Message, Does.StartWith("evidence.yaml:4:5: error: the evidence is impossible"));
    }

    [Test]
    public void The_command_reports_impossible_evidence_at_its_line_and_exits_2()
    {
        var folder = Directory.CreateTempSubdirectory("update-impossible").FullName;
        var scenario = Path.Combine(folder, "chain.yaml");
        var evidence = Path.Combine(folder, "evidence.yaml");
        File.WriteAllText(scenario, DeterminismTests.Model);
        File.WriteAllText(evidence, Evidence);
        var (code, _, error) = CommandLine.Run("update", scenario, "--evidence", evidence, "--trials", "4096", "--out", Path.Combine(folder, "out"));
        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain($"{evidence}:4:5: error: the evidence is impossible"));
        Assert.That(error, Does.Not.Contain("NaN"));
    }
}
