using System.Runtime.CompilerServices;
using NorthKoreaShadowWar.Diagnostics;

namespace NorthKoreaShadowWar.Tests.Library;

/// <summary>
/// A scenario built in code is the scenario its YAML would be: the same numbers, the same checks and messages, each
/// problem placed at the builder call that caused it.
/// </summary>
public class ScenarioBuilderTests
{
    /// <summary>The README's scenario in one screen, as a file (<see cref="ReadmeExampleTests"/> checks that the README still shows it).</summary>
    internal const string Example = """
        name: example
        horizon: 52
        step: week
        parameters:
          shift: { pert: { min: 0.01, mode: 0.05, max: 0.3 } }
          troops0: { lognormal: { p05: 3000, p95: 12000 } }
        variables:
          troops: { initial: troops0 }
          casualties: { initial: 0 }
        machines:
          deployment:
            initial: Training
            states: [Training, Combat, Withdrawn]
            absorbing: [Withdrawn]
            each_step: { Combat: { casualties: "+= troops * 0.004" } }
            transitions:
              - { from: Training, to: Combat, p: 0.1 }
              - { from: "*", to: Withdrawn, p: 0.01 }
          seoul:
            initial: Neutral
            states: [Neutral, Lethal]
            transitions:
              - from: Neutral
                to: Lethal
                p: shift
                multipliers: [ { when: "deployment == Combat", by: 3 } ]
        outcomes:
          lethal_within_half_year: { reached: seoul.Lethal, within: 26 }
          weeks_to_combat: { first_step: "deployment == Combat" }
          casualties_end: { value: casualties }
          final_seoul: { final: seoul }
          combat_weeks: { steps_in: deployment.Combat }
        variants:
          hawkish: { parameters: { shift: 0.2 } }
        """;

    /// <summary>The same scenario, built in code.</summary>
    private static ScenarioBuilder ExampleBuilder() =>
        ScenarioBuilder.Create("example")
            .Horizon(52)
            .Step("week")
            .Parameter("shift", Distribution.Pert(0.01, 0.05, 0.3))
            .Parameter("troops0", Distribution.LogNormalWithin90(3000, 12000))
            .Variable("troops", "troops0")
            .Variable("casualties", 0)
            .Machine("deployment", m => m
                .Initial("Training")
                .States("Training", "Combat", "Withdrawn")
                .Absorbing("Withdrawn")
                .EachStep("Combat", "casualties", "+= troops * 0.004")
                .Transition("Training", "Combat", 0.1)
                .Transition("*", "Withdrawn", 0.01))
            .Machine("seoul", m => m
                .Initial("Neutral")
                .States("Neutral", "Lethal")
                .Transition("Neutral", "Lethal", "shift", t => t.Multiplier("deployment == Combat", 3)))
            .Reached("lethal_within_half_year", "seoul.Lethal", within: 26)
            .FirstStep("weeks_to_combat", "deployment == Combat")
            .Value("casualties_end", "casualties")
            .Final("final_seoul", "seoul")
            .StepsIn("combat_weeks", "deployment.Combat")
            .Variant("hawkish", v => v.Parameter("shift", 0.2));

    private static int Here([CallerLineNumber] int line = 0) => line;

    [Test]
    public void A_built_scenario_runs_to_the_numbers_of_its_yaml()
    {
        var options = new RunOptions { Trials = 4096, Seed = 3, Threads = 2 };
        var built = ExampleBuilder().Build();
        var written = EscalationScenario.Parse(Example);
        Assert.Multiple(() =>
        {
            Assert.That(built.Run(options).ToString(), Is.EqualTo(written.Run(options).ToString()));
            Assert.That(built.WithVariant("hawkish").Run(options).ToString(), Is.EqualTo(written.WithVariant("hawkish").Run(options).ToString()));
            Assert.That(built.Machines.Select(m => m.Name), Is.EqualTo(new[] { "deployment", "seoul" }));
            Assert.That(built.Variants, Is.EqualTo(new[] { "hawkish" }));
            Assert.That(built.DescribeParameter("shift"), Is.EqualTo(written.DescribeParameter("shift")));
        });
    }

    [Test]
    public void The_yaml_it_writes_loads_as_a_file()
    {
        var yaml = ExampleBuilder().Title("An \"example\"\nover two lines").Source("the README").ToYaml();
        var scenario = EscalationScenario.Parse(yaml);
        Assert.Multiple(() =>
        {
            Assert.That(scenario.Title, Is.EqualTo("An \"example\"\nover two lines"));
            Assert.That(scenario.Outcomes, Has.Count.EqualTo(5));
        });
    }

    [Test]
    public void A_problem_is_reported_at_the_builder_call_that_caused_it()
    {
        var line = Here() + 6;
        var problem = Assert.Throws<ScenarioException>(() => ScenarioBuilder.Create("broken")
            .Horizon(10)
            .Machine("m", m => m
                .Initial("Off")
                .States("Off", "On")
                .Transition("Off", "Onn", 0.1))
            .Build())!;
        var diagnostic = problem.Diagnostics.Single();
        Assert.Multiple(() =>
        {
            Assert.That(diagnostic.Message, Does.Contain("'Onn'").And.Contain("did you mean 'On'"));
            Assert.That(diagnostic.Position.Line, Is.EqualTo(line));
        });
    }

    [Test]
    public void Each_call_is_placed_on_its_own_line_in_the_callers_file()
    {
        var expected = Here() + 4;
        var problem = Assert.Throws<ScenarioException>(() => ScenarioBuilder.Create("broken")
            .Horizon(10)
            .Parameter("p", 0.1)
            .Parameter("q", Distribution.Beta(-1, 2))
            .Machine("m", m => m.Initial("Off").States("Off", "On").Transition("Off", "On", "p"))
            .Build())!;
        var diagnostic = problem.Diagnostics.Single();
        Assert.Multiple(() =>
        {
            Assert.That(diagnostic.Position.File, Does.EndWith("ScenarioBuilderTests.cs"));
            Assert.That(diagnostic.Position.Line, Is.EqualTo(expected));
            Assert.That(diagnostic.Position.Column, Is.EqualTo(1));
        });
    }

    [Test]
    public void The_messages_are_those_of_the_same_scenario_written_as_yaml()
    {
        // One broken thing of each kind the builder can write: a name, a distribution's arguments, an expression, an
        // effect, an outcome over a missing machine, a variant of a missing parameter, a bad step, a missing horizon.
        var built = ScenarioBuilder.Create("bad name")
            .Step("fortnight")
            .Parameter("q", Distribution.Beta(-1, 2))
            .Parameter("r", Distribution.Uniform(double.NaN, 1))
            .Variable("x", "q +")
            .Machine("m", m => m.Initial("Off").States("Off", "On").EachStep("On", "y", "+= 1").Transition("Off", "On", "q", t => t.When("m == Of")))
            .Final("f", "n")
            .Variant("v", v => v.Parameter("s", 1));
        var fromBuilder = Assert.Throws<ScenarioException>(() => built.Build())!.Diagnostics.Select(d => d.Message).Order();
        var fromYaml = ScenarioPipeline.ValidateText(built.ToYaml(), "same.yaml")
            .Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Message).Order();
        Assert.That(fromBuilder, Is.EqualTo(fromYaml).And.Not.Empty);
    }

    [Test]
    public void A_distribution_is_written_as_the_format_writes_it()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Distribution.Fixed(0.05).ToString(), Is.EqualTo("0.05"));
            Assert.That(Distribution.Uniform(0.1, 0.3).ToString(), Is.EqualTo("{ uniform: [0.1, 0.3] }"));
            Assert.That(Distribution.Pert(1, 2, 4).Clipped(1.5, 3).ToString(), Is.EqualTo("{ pert: { min: 1, mode: 2, max: 4 }, clip: [1.5, 3] }"));
            Assert.That(Distribution.Derived("troops0 * 2").ToString(), Is.EqualTo("\"troops0 * 2\""));
            Assert.That(() => Distribution.Fixed(1).Clipped(0, 2), Throws.InvalidOperationException);
            Assert.That(EscalationScenario.Parse(Example).WithParameter("troops0", Distribution.Triangular(1000, 2000, 5000)).DescribeParameter("troops0"),
                Does.StartWith("triangular"));
        });
    }
}
