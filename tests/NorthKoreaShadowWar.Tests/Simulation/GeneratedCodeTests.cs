using NorthKoreaShadowWar.Compilation;
using NorthKoreaShadowWar.Compilation.Generated;
using NorthKoreaShadowWar.Diagnostics;
using NorthKoreaShadowWar.Simulation;
using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Simulation;

/// <summary>
/// The per-step code compiled to .NET code (see docs/performance.md, "Generated code"): generated once per model for
/// what the general loop would otherwise interpret. That it gives the interpreter's numbers bit for bit is pinned by
/// <see cref="PinnedNumbersTests"/>, and its rules and errors by <see cref="Semantics.StepRuleTests"/> and
/// <see cref="NonFiniteValueTests"/>, which run both paths.
/// </summary>
public class GeneratedCodeTests
{
    private static CompiledModel Baseline() => ScenarioPipeline.Prepare(Path.Combine(Paths.Scenarios, "baseline.yaml"), null).Model;

    [Test]
    public void A_model_is_compiled_once_and_its_code_shared()
    {
        var model = Baseline();
        var first = GeneratedModelCode.For(model);
        Assert.That(GeneratedModelCode.For(model), Is.SameAs(first));
    }

    [Test]
    public void Models_that_differ_only_in_parameter_values_share_their_code_and_models_of_another_structure_do_not()
    {
        // As the explorer prepares a new model for each position of a slider: compiling its code each time would make
        // an update slower than interpreting it.
        var path = Path.Combine(Paths.Scenarios, "baseline.yaml");
        var model = ScenarioPipeline.Prepare(path, null).Model;
        var otherValues = ScenarioPipeline.Prepare(path, null, ["front_exposure=0.2", "heavy_losses=5000"]).Model;
        var otherStructure = ScenarioPipeline.Prepare(path, null, ["sk_shift=0.005"]).Model;
        Assert.Multiple(() =>
        {
            Assert.That(otherValues, Is.Not.SameAs(model));
            Assert.That(GeneratedModelCode.For(otherValues), Is.SameAs(GeneratedModelCode.For(model)));
            Assert.That(GeneratedModelCode.For(otherStructure), Is.Not.SameAs(GeneratedModelCode.For(model)));
        });
    }

    [Test]
    public void A_trial_gives_the_same_outcomes_generated_and_interpreted()
    {
        var model = Baseline();
        var generated = new TrialSimulator(model, seed: 7, generatedCode: true);
        var interpreted = new TrialSimulator(model, seed: 7, generatedCode: false);
        var values = new double[model.ValuePrograms.Length];
        var outcomes = new double[2][];
        for (var trial = 0; trial < 200; trial++)
        {
            foreach (var (simulator, i) in new[] { (generated, 0), (interpreted, 1) })
            {
                simulator.Run(trial, values);
                outcomes[i] = new double[model.Scenario.Outcomes.Count];
                simulator.ReadOutcomes(values, outcomes[i]);
            }
            Assert.That(outcomes[0], Is.EqualTo(outcomes[1]).AsCollection, $"trial {trial}");
        }
    }

    /// <summary>
    /// Every case of the generated step code (docs/performance.md, "Generated code"): a per-trial table row reading three
    /// machines, per-trial table rows with effects, rows computed every step with guards and multipliers made of state
    /// tests and of comparisons, each_step effects, first-step and steps-in conditions on states and on variables, and
    /// enough draws per trial to use up several blocks of them.
    /// </summary>
    private const string EveryStepCase = """
        name: every_step_case
        horizon: 60
        parameters:
          p: { uniform: [0.05, 0.3] }
          q: { uniform: [0.02, 0.2] }
          f: { uniform: [1.2, 2.5] }
          r: 0.05
        variables:
          x: { initial: 10 }
          y: { initial: 1 }
        machines:
          a:
            initial: A0
            states: [A0, A1, A2]
            transitions:
              - { from: A0, to: A1, p: p, effects: { x: "+= 3" } }
              - { from: A1, to: A2, p: q, multipliers: [ { when: "b == B1 or c == C1", by: f } ] }
              - { from: A2, to: A0, p: q, when: "not (b == B0)" }
          b:
            initial: B0
            states: [B0, B1]
            transitions:
              - { from: B0, to: B1, p: p, when: "x > 12", multipliers: [ { when: "a == A1", by: f } ] }
              - { from: B1, to: B0, p: q, multipliers: [ { when: "y >= 3", by: 2 } ], effects: { y: "*= 1.5" } }
          c:
            initial: C0
            states: [C0, C1]
            each_step:
              C1: { x: "+= y * 0.5" }
            transitions:
              - { from: C0, to: C1, p: q, when: "a == A1", multipliers: [ { when: "b == B1 and d == D1", by: f } ] }
              - { from: C1, to: C0, p: p, effects: { y: "+= 1" } }
          d:
            initial: D0
            states: [D0, D1]
            transitions:
              - { from: D0, to: D1, p: r, multipliers: [ { when: "a == A2", by: f }, { when: "b == B1", by: f }, { when: "c == C1", by: f } ] }
              - { from: D1, to: D0, p: p }
        outcomes:
          a_reaches_A2: { reached: a.A2 }
          x_big: { first_step: "x > 20" }
          b_B1_with_c: { steps_in: "b == B1 and c == C1" }
          y_big: { steps_in: "y > 2" }
          x_end: { value: x }
          y_end: { value: y }
          y_mid: { value: y, at: 30 }
        """;

    [Test]
    public void Every_case_of_the_generated_step_gives_the_interpreted_numbers()
    {
        var generated = Simulate.Text(EveryStepCase, trials: 3000, generatedCode: true, seed: 11);
        var interpreted = Simulate.Text(EveryStepCase, trials: 3000, generatedCode: false, seed: 11);
        Assert.Multiple(() =>
        {
            Assert.That(Json(generated.Occupancy), Is.EqualTo(Json(interpreted.Occupancy)));
            Assert.That(generated.Outcomes.Select(Json), Is.EqualTo(interpreted.Outcomes.Select(Json)));
        });
    }

    [Test]
    public void A_per_trial_table_the_generated_step_cannot_build_is_reported_as_the_interpreter_reports_it()
    {
        // With r = 0.2 and every multiplier of d active, d's probabilities add up to more than 1 in some trial.
        string Error(bool generatedCode) =>
            Assert.Throws<SimulationException>(() => Simulate.Text(EveryStepCase, trials: 3000, generatedCode, seed: 11, overrides: "r=0.2"))!.Message;
        Assert.That(Error(true), Does.Contain("the outgoing probabilities add up to").And.EqualTo(Error(false)));
    }

    /// <summary>Every number of <paramref name="value"/> (of its runtime type), as text.</summary>
    private static string Json(object value) => System.Text.Json.JsonSerializer.Serialize(value, value.GetType());
}
