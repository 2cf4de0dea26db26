namespace NorthKoreaShadowWar.Tests.Updating;

/// <summary>Every problem of an evidence file is reported at its line and column, names checked against the scenario.</summary>
public class EvidenceFileTests
{
    private static IReadOnlyList<string> Problems(string evidence) => UpdateTesting.Problems(DeterminismTests.Model, evidence);

    [TestCase("as_of: 3\nobservations:\n  - { source: s, holds: \"phsae == War\", at: 2 }\n", "evidence.yaml:3:26: error:", "did you mean 'phase'")]
    [TestCase("as_of: 3\nobservations:\n  - { source: s, holds: \"phase == Wat\", at: 2 }\n", "evidence.yaml:3:", "Wat")]
    [TestCase("as_of: 3\nobservations:\n  - { source: s, holds: \"phase == War\", at: 5 }\n", "evidence.yaml:3:45: error:", "after as_of (3)")]
    [TestCase("as_of: 30\nobservations:\n  - { source: s, holds: \"phase == War\", at: 2 }\n", "evidence.yaml:1:8: error:", "horizon (20)")]
    [TestCase("as_of: 3\nobservations:\n  - { holds: \"phase == War\", at: 2 }\n", "evidence.yaml:3:5: error:", "needs a source")]
    [TestCase("as_of: 3\nobservations:\n  - { source: s, report: phsae, at: 2, likelihood: { War: 1 } }\n", "evidence.yaml:3:26: error:", "did you mean 'phase'")]
    [TestCase("as_of: 3\nobservations:\n  - { source: s, report: phase, at: 2, likelihood: { War: 1 } }\n", "evidence.yaml:3:52: error:", "missing: Calm, Tense")]
    [TestCase("as_of: 3\nobservations:\n  - { source: s, report: phase, at: 2, likelihood: { Wr: 1, otherwise: 0 } }\n", "evidence.yaml:3:54: error:", "did you mean 'War'")]
    [TestCase("as_of: 3\nobservations:\n  - { source: s, holds: \"phase == War\", at: 2, reliability: 1.5 }\n", "evidence.yaml:3:61: error:", "from 0 to 1")]
    [TestCase("as_of: 3\nobservations:\n  - { source: s, measured: losses, at: 2, value: 40 }\n", "evidence.yaml:3:50: error:", "not a single number")]
    [TestCase("as_of: 3\nobservations:\n  - { source: s, measured: losses, at: 2, value: { lognormal: { p05: 40 } } }\n", "evidence.yaml:3:", "missing 'p95'")]
    [TestCase("as_of: 3\nobservations:\n  - { source: s, first_held: \"phase == War\", between: [3, 1] }\n", "evidence.yaml:3:55: error:", "a <= b")]
    [TestCase("as_of: 3\nobservations:\n  - { source: s, holds: \"phase == War\", measured: losses, at: 2 }\n", "evidence.yaml:3:5: error:", "holds and measured")]
    [TestCase("as_of: 3\nobservations:\n  - { source: s, holds: \"phase == War\", at: 2, by: 3 }\n", "evidence.yaml:3:48: error:", "'by' does not belong")]
    [TestCase("as_of: 3\nobservatons: []\n", "evidence.yaml:2:1: error:", "did you mean 'observations'")]
    [TestCase("as_of: 3\nobservations:\n  - { source: s, holds: \"losses + 1\", at: 2 }\n", "evidence.yaml:3:26: error:", "must be a condition")]
    public void A_bad_evidence_file_is_reported_at_its_line_and_column(string evidence, string position, string message)
    {
        var problems = Problems(evidence);
        Assert.That(problems, Has.Some.StartsWith(position).And.Contains(message), string.Join("\n", problems));
    }

    [Test]
    public void The_bundled_evidence_reads_cleanly_against_the_baseline()
    {
        var prepared = ScenarioPipeline.Prepare(Path.Combine(Support.Paths.Scenarios, "baseline.yaml"));
        var diagnostics = new Diagnostics.DiagnosticBag();
        var evidence = NorthKoreaShadowWar.Updating.EvidenceFileReader.Read(Path.Combine(Support.Paths.Scenarios, "evidence", "2024-12-31.yaml"), prepared.Model.Scenario, diagnostics);
        Assert.That(diagnostics.Items, Is.Empty, string.Join("\n", diagnostics.Items));
        Assert.That(evidence!.AsOf, Is.EqualTo(9));
        Assert.That(evidence.Observations.All(o => o.Step <= 9 && o.Source.Length > 0));
    }
}
