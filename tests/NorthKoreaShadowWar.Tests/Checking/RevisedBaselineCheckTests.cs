using NorthKoreaShadowWar.Checking;
using NorthKoreaShadowWar.Tests.Support;
using NorthKoreaShadowWar.Updating;

namespace NorthKoreaShadowWar.Tests.Checking;

/// <summary>
/// The two bundled baselines checked against the bundled record to the end of 2024 (see docs/checking.md, "On the
/// bundled baseline" and "On the revised baseline"): the seed-only scenarios/baseline.yaml, and scenarios/baseline-2024-12.yaml, revised in
/// structure where the checks showed the first cannot represent what was known by then.
/// </summary>
public class RevisedBaselineCheckTests
{
    private static readonly Lazy<CheckResult> Baseline = new(() => Check("baseline.yaml"));
    private static readonly Lazy<CheckResult> Revised = new(() => Check("baseline-2024-12.yaml"));

    private static (PreparedScenario Prepared, EvidenceFile Evidence) Load(string scenario)
    {
        var prepared = ScenarioPipeline.Prepare(Path.Combine(Paths.Scenarios, scenario), null);
        var diagnostics = new NorthKoreaShadowWar.Diagnostics.DiagnosticBag();
        var evidence = EvidenceFileReader.Read(Path.Combine(Paths.Scenarios, "evidence", "2024-12-31.yaml"), prepared.Model.Scenario, diagnostics)
            ?? throw new InvalidOperationException(string.Join("; ", diagnostics.Items));
        return (prepared, evidence);
    }

    private static CheckResult Check(string scenario)
    {
        var (prepared, evidence) = Load(scenario);
        return CheckRunner.Run(prepared.Model, evidence,
            new CheckSettings { Trials = 8 * UpdateSettings.BlockSize, Replicates = UpdateSettings.BlockSize, Threads = 2, Seed = 5 });
    }

    [Test]
    public void The_revised_baseline_can_produce_every_observation_of_the_record_where_the_seed_only_one_cannot_put_the_troops_in_Kursk_in_week_1()
    {
        var (prepared, evidence) = Load("baseline-2024-12.yaml");
        Assert.Multiple(() =>
        {
            Assert.That(CheckRunner.Impossible(prepared.Model, evidence), Is.Empty, "no observation rules out every trial");
            Assert.That(Revised.Value.Observations.Where(o => o.Impossible is not null).Select(o => $"{o.Position}: {o.Impossible}"), Is.Empty,
                "no observation names a state the scenario cannot reach by its step");
            Assert.That(Baseline.Value.Observations.Where(o => o.Impossible is not null).Select(o => o.Position).ToList(),
                Has.Count.EqualTo(2).And.All.Contains("2024-12-31.yaml:5"), "the seed-only baseline: the two reports of week 1");
        });
    }

    [Test]
    public void The_record_is_far_less_surprising_under_the_revised_baseline()
    {
        var (baseline, revised) = (Baseline.Value, Revised.Value);
        var se = Math.Sqrt(baseline.LogMarginalLikelihoodSe * baseline.LogMarginalLikelihoodSe + revised.LogMarginalLikelihoodSe * revised.LogMarginalLikelihoodSe);
        Assert.Multiple(() =>
        {
            Assert.That(revised.LogMarginalLikelihood - baseline.LogMarginalLikelihood, Is.GreaterThan(5 * se),
                "the revised baseline's marginal likelihood of the record is higher, by more than 5 standard errors");
            Assert.That(revised.Surprising.Select(o => o.Description), Is.Empty, "no observation below 1% under the revised prior");
            Assert.That(baseline.Surprising.Select(o => o.Description), Has.Some.Contains("'casualties' measured at step 7"),
                "the seed-only baseline finds the casualties of week 7 surprising");
        });
    }

    [Test]
    public void In_the_revised_baseline_the_number_of_troops_sent_reaches_the_payback_sanctions_Seoul_and_Moscow()
    {
        // docs/checking.md, "Can it learn?": in the seed-only baseline these outcomes hang on weekly rates the record
        // does not inform; the revised one lets the number of troops sent (deployed_total, which the record measures)
        // drive them, so they share it with the evidence and more of their prior variance follows informed parameters.
        string[] outcomes = ["missile_or_nuclear_tech_2y", "sanctions_tightened_1y", "sk_lethal_aid_1y", "russia_acknowledges_1y"];
        Assert.Multiple(() =>
        {
            foreach (var name in outcomes)
            {
                var before = Baseline.Value.Outcomes.Single(o => o.Outcome == name);
                var after = Revised.Value.Outcomes.Single(o => o.Outcome == name);
                Assert.That(after.SharedWithEvidence, Does.Contain("deployed_total"), name);
                Assert.That(before.SharedWithEvidence, Does.Not.Contain("deployed_total"), name);
                Assert.That(after.InformedVariance, Is.GreaterThan(before.InformedVariance), name);
            }
        });
    }
}
