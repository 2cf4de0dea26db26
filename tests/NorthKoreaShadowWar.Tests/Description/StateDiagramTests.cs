using System.Text.RegularExpressions;
using NorthKoreaShadowWar.Description;
using NorthKoreaShadowWar.Scenarios.Validation;
using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Description;

public partial class StateDiagramTests
{
    private const string TwoMachines = """
        name: diagrams
        horizon: 10
        parameters:
          combat_entry: 0.1
        machines:
          deployment:
            initial: Training
            states: [Training, Combat, Withdrawn]
            absorbing: [Withdrawn]
            transitions:
              - from: Training
                to: Combat
                p: combat_entry
                when: "arms != Shells"
                multipliers:
                  - { when: "arms in [Missiles, Tech]", by: 1.5 }
              - { from: "*", to: Withdrawn, p: 0.01 }
          arms:
            initial: Shells
            states: [Shells, Missiles, Tech]
            transitions:
              - { from: Shells, to: Missiles, p: 0.2, multipliers: [ { when: "deployment == Combat", by: 2 } ] }
              - { from: [Missiles, Tech], to: Tech, p: 0.05 }
              - { from: Missiles, to: Shells, p: 0.1, when: "deployment == Withdrawn" }
              - { from: Missiles, to: Shells, p: 0.1, when: "deployment == Training" }
        """;

    private static ResolvedScenario Scenario(string yaml) => ScenarioPipeline.PrepareText(yaml).Model.Scenario;

    private static ResolvedScenario Baseline => ScenarioPipeline.Prepare(Path.Combine(Paths.Scenarios, "baseline.yaml")).Model.Scenario;

    [GeneratedRegex("""^"(?<from>[^"]+)" -> "(?<to>[^"]+)" \[.*label="(?<label>(?:[^"\\]|\\.)*)"\];$""", RegexOptions.Multiline)]
    private static partial Regex DotEdge();

    private static List<string> Edges(string dot) =>
        DotEdge().Matches(dot).Select(m => $"{m.Groups["from"].Value} -> {m.Groups["to"].Value}: {m.Groups["label"].Value}").ToList();

    [Test]
    public void Dot_has_every_state_an_edge_per_transition_and_source_with_probability_and_guard_and_the_absorbing_marker()
    {
        var diagrams = StateDiagrams.Dot(Scenario(TwoMachines));
        Assert.That(diagrams.Select(d => d.Name), Is.EqualTo(new[] { "deployment", "arms" }));
        var deployment = diagrams[0].Text;
        var arms = diagrams[1].Text;
        Assert.Multiple(() =>
        {
            Assert.That(deployment, Does.StartWith("digraph {"));
            foreach (var state in new[] { "Training", "Combat", "Withdrawn (absorbing)" })
                Assert.That(deployment, Does.Contain($"\"{state}\" [label=\"{state}\"];"));
            Assert.That(deployment, Does.Not.Contain("\"Withdrawn\""));
            Assert.That(deployment, Does.Contain("init -> \"Training\""));
            Assert.That(Edges(deployment), Is.EquivalentTo(new[]
            {
                "Training -> Combat: p = combat_entry ×1.5 if arms in [Missiles, Tech] [arms != Shells]",
                "Training -> Withdrawn (absorbing): p = 0.01",
                "Combat -> Withdrawn (absorbing): p = 0.01",
            }));

            foreach (var state in new[] { "Shells", "Missiles", "Tech" })
                Assert.That(arms, Does.Contain($"\"{state}\" [label=\"{state}\"];"));
            Assert.That(arms, Does.Contain("init -> \"Shells\""));
            Assert.That(Edges(arms), Is.EquivalentTo(new[]
            {
                "Shells -> Missiles: p = 0.2 ×2 if deployment == Combat",
                "Missiles -> Tech: p = 0.05",
                "Tech -> Tech: p = 0.05",
                "Missiles -> Shells: p = 0.1 [deployment == Withdrawn]",
                "Missiles -> Shells: p = 0.1 (transition 4) [deployment == Training]",
            }));
        });
    }

    [Test]
    public void Mermaid_is_a_state_diagram_with_the_initial_state_the_transitions_and_the_absorbing_marker()
    {
        var diagrams = StateDiagrams.Mermaid(Scenario(TwoMachines));
        var deployment = diagrams[0].Text;
        var arms = diagrams[1].Text;
        Assert.Multiple(() =>
        {
            Assert.That(diagrams.Select(d => d.Name), Is.EqualTo(new[] { "deployment", "arms" }));
            Assert.That(deployment, Does.StartWith("stateDiagram-v2"));
            Assert.That(arms, Does.StartWith("stateDiagram-v2"));
            Assert.That(deployment, Does.Contain("[*] --> Training"));
            Assert.That(deployment, Does.Contain("Withdrawn(absorbing) : Withdrawn (absorbing)"));
            Assert.That(deployment, Does.Contain("Training --> Combat : p = combat_entry ×1.5 if arms in [Missiles, Tech] [arms != Shells]"));
            Assert.That(deployment, Does.Contain("Training --> Withdrawn(absorbing) : p = 0.01"));
            Assert.That(deployment, Does.Contain("Combat --> Withdrawn(absorbing) : p = 0.01"));
            Assert.That(arms, Does.Contain("[*] --> Shells"));
            Assert.That(arms, Does.Contain("Shells --> Missiles : p = 0.2 ×2 if deployment == Combat"));
            Assert.That(arms, Does.Contain("Tech --> Tech : p = 0.05"));
            Assert.That(arms, Does.Contain("Missiles --> Shells : p = 0.1 [deployment == Withdrawn]"));
        });
    }

    [Test]
    public void Joined_diagrams_are_each_preceded_by_a_comment_naming_the_machine()
    {
        var scenario = Scenario(TwoMachines);
        var dot = StateDiagrams.Join(StateDiagrams.Dot(scenario), DiagramFormat.Dot).Split('\n');
        var mermaid = StateDiagrams.Join(StateDiagrams.Mermaid(scenario), DiagramFormat.Mermaid).Split('\n');
        Assert.Multiple(() =>
        {
            Assert.That(dot[0], Is.EqualTo("// machine: deployment"));
            Assert.That(dot[1], Is.EqualTo("digraph {"));
            Assert.That(dot.Where(l => l.StartsWith("// ", StringComparison.Ordinal)), Is.EqualTo(new[] { "// machine: deployment", "// machine: arms" }));
            Assert.That(dot.Count(l => l == "digraph {"), Is.EqualTo(2));
            Assert.That(mermaid[0], Is.EqualTo("%% machine: deployment"));
            Assert.That(mermaid[1], Is.EqualTo("stateDiagram-v2"));
            Assert.That(mermaid.Where(l => l.StartsWith("%%", StringComparison.Ordinal)), Is.EqualTo(new[] { "%% machine: deployment", "%% machine: arms" }));
        });
    }

    [Test]
    public void The_baseline_has_one_diagram_per_machine_with_every_state_and_an_edge_per_transition_and_source()
    {
        var scenario = Baseline;
        var dot = StateDiagrams.Dot(scenario);
        var mermaid = StateDiagrams.Mermaid(scenario);
        Assert.Multiple(() =>
        {
            Assert.That(dot.Select(d => d.Name), Is.EqualTo(scenario.Machines.Select(m => m.Name)));
            Assert.That(mermaid.Select(d => d.Name), Is.EqualTo(scenario.Machines.Select(m => m.Name)));
            for (var i = 0; i < scenario.Machines.Count; i++)
            {
                var machine = scenario.Machines[i];
                for (var s = 0; s < machine.States.Count; s++)
                {
                    var name = StatelessMachineBuilder.StateName(machine, s);
                    Assert.That(dot[i].Text, Does.Contain($"\"{name}\" [label=\"{name}\"];"), $"{machine.Name}.{machine.States[s]}");
                }
                Assert.That(Edges(dot[i].Text), Has.Count.EqualTo(machine.Transitions.Sum(t => t.From.Count)), machine.Name);
                Assert.That(mermaid[i].Text, Does.StartWith("stateDiagram-v2"), machine.Name);
                Assert.That(mermaid[i].Text, Does.Contain($"[*] --> {machine.States[machine.InitialState]}"), machine.Name);
            }
            var skAid = mermaid.Single(d => d.Name == "sk_aid").Text;
            Assert.That(skAid, Does.Contain("IndirectLethal --> NonLethal : p = sk_rollback [deployment == Withdrawn]"));
            Assert.That(mermaid.Single(d => d.Name == "deployment").Text, Does.Contain("Withdrawn(absorbing) : Withdrawn (absorbing)"));
        });
    }

    [Test]
    public void A_transition_label_shows_the_probability_and_each_multiplier_as_written()
    {
        var skAid = Baseline.Machines.Single(m => m.Name == "sk_aid");
        Assert.That(StatelessMachineBuilder.TransitionLabel(skAid.Transitions[1].Definition), Is.EqualTo(
            "p = sk_shift ×2 if deployment == Combat, ×2 if reciprocity in [MissileTech, NuclearTech], ×1.5 if tension == Crisis"));
    }
}
