using NorthKoreaShadowWar.Description;
using NorthKoreaShadowWar.Tests.Support;
using NorthKoreaShadowWar.Tracing;

namespace NorthKoreaShadowWar.Tests.Tracing;

public class TraceTests
{
    private const string Story = """
        name: story
        step: week
        horizon: 6
        variables:
          troops: { initial: 3000 }
        machines:
          deployment:
            label: "the deployment"
            initial: Training
            states:
              - { name: Training, label: "in training" }
              - { name: Combat, label: "in combat", narrative: "Units enter combat as {role}; {troops} troops deployed." }
            transitions:
              - { from: Training, to: Combat, p: 1, when: "role == LineInfantry", effects: { troops: "+= 1200" } }
          role:
            initial: Unknown
            states: [Unknown, { name: LineInfantry, label: "line infantry" }]
            transitions:
              - { from: Unknown, to: LineInfantry, p: 1, narrative: "Their role becomes clear." }
        """;

    private static string Tell(string yaml, int paths, ulong seed = 1)
    {
        var model = ScenarioPipeline.PrepareText(yaml).Model;
        var storyteller = new Storyteller(model.Scenario);
        using var writer = new StringWriter();
        foreach (var path in PathTracer.Trace(model, seed, Enumerable.Range(0, paths).Select(i => (long)i)))
            NarrativeWriter.Write(path, storyteller, $"Path {path.Trial}", writer);
        return writer.ToString();
    }

    [Test]
    public void A_path_is_told_week_by_week_from_the_narratives_with_placeholders_filled()
    {
        var text = Tell(Story, 1);
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("Week 0: the deployment: in training; role: unknown."));
            Assert.That(text, Does.Contain("Week 1: Their role becomes clear."));
            Assert.That(text, Does.Contain("Week 2: Units enter combat as line infantry; 4,200 troops deployed."));
            Assert.That(text, Does.Contain("End of week 6: the deployment: in combat; role: line infantry. troops 4,200."));
        });
    }

    [Test]
    public void The_same_seed_tells_the_same_paths_and_another_seed_other_paths()
    {
        var baseline = Path.Combine(Paths.Scenarios, "baseline.yaml");
        var model = ScenarioPipeline.Prepare(baseline).Model;
        var storyteller = new Storyteller(model.Scenario);
        string Told(ulong seed)
        {
            using var writer = new StringWriter();
            foreach (var path in PathTracer.Trace(model, seed, [0, 1, 2])) NarrativeWriter.Write(path, storyteller, "", writer);
            return writer.ToString();
        }
        var first = Told(4);
        var again = Told(4);
        Assert.Multiple(() =>
        {
            Assert.That(again, Is.EqualTo(first));
            Assert.That(Told(5), Is.Not.EqualTo(first));
        });
    }

    [Test]
    public void A_traced_trial_ends_where_the_same_trial_of_a_run_ends()
    {
        // One trial per run: the run's final state shares are 0 or 1, and must match the traced path.
        var baseline = Path.Combine(Paths.Scenarios, "baseline.yaml");
        var model = ScenarioPipeline.Prepare(baseline).Model;
        var traced = PathTracer.Trace(model, 9, [0]).Single();
        var run = Simulate.File(baseline, trials: 1, seed: 9, threads: 1);
        for (var m = 0; m < model.Scenario.Machines.Count; m++)
        {
            var machine = model.Scenario.Machines[m];
            Assert.That(run.Share(machine.Name, machine.States[traced.FinalStates[m]], model.Horizon), Is.EqualTo(1.0), machine.Name);
        }
    }

    [Test]
    public void Representatives_cover_every_final_state_reached_and_end_in_it()
    {
        var baseline = Path.Combine(Paths.Scenarios, "baseline.yaml");
        var model = ScenarioPipeline.Prepare(baseline).Model;
        var machine = model.Scenario.Machines.Select(m => m.Name).ToList().IndexOf("sk_aid");
        var groups = PathTracer.Representatives(model, 1, machine, scan: 2_000);
        Assert.Multiple(() =>
        {
            Assert.That(groups, Has.Count.GreaterThanOrEqualTo(2));
            Assert.That(groups.Sum(g => g.Trials), Is.EqualTo(2_000));
            foreach (var group in groups) Assert.That(group.Path.FinalStates[machine], Is.EqualTo(group.FinalState));
        });
    }

    [Test]
    public void A_narrative_naming_an_unknown_placeholder_is_an_error_at_the_brace()
    {
        var yaml = Story.Replace("{troops} troops", "{troop} troops");
        Assert.That(Diagnose.Text(yaml).ErrorAt(yaml, "{troop}").Message, Does.Contain("did you mean 'troops'?"));
    }

    [Test]
    public void Trace_command_prints_paths_and_representatives()
    {
        var baseline = Path.Combine(Paths.Scenarios, "baseline.yaml");
        var (exitCode, output, error) = CommandLine.Run("trace", baseline, "--paths", "2", "--seed", "3");
        var (byCode, byOutput, _) = CommandLine.Run("trace", baseline, "--by", "sk_aid", "--scan", "500");
        var (badCode, _, badError) = CommandLine.Run("trace", baseline, "--by", "sk_aidd");
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(0), error);
            Assert.That(output, Does.Contain("Path 1 (trial 0, seed 3)").And.Contain("Path 2 (trial 1, seed 3)").And.Contain("Week 0:"));
            Assert.That(byCode, Is.EqualTo(0));
            Assert.That(byOutput, Does.Contain("Ending with"));
            Assert.That(badCode, Is.EqualTo(2));
            Assert.That(badError, Does.Contain("no machine 'sk_aidd'"));
        });
    }
}
