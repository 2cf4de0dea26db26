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
    public void Every_case_of_the_generated_step_gives_the_interpreted_numbers() => AssertSameNumbersOnBothPaths(EveryStepCase, seed: 11);

    /// <summary>Runs <paramref name="scenario"/> generated and interpreted and compares every number of the results.</summary>
    private static void AssertSameNumbersOnBothPaths(string scenario, ulong seed)
    {
        var generated = Simulate.Text(scenario, trials: 3000, generatedCode: true, seed);
        var interpreted = Simulate.Text(scenario, trials: 3000, generatedCode: false, seed);
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

    [Test]
    public void An_observer_sees_the_same_steps_generated_and_interpreted()
    {
        // With an observer the generated steps run one step per call (docs/performance.md, "Generated code"); the value
        // read at step 30 makes a call return in the middle of a trial without one.
        var model = ScenarioPipeline.PrepareText(EveryStepCase, "test.yaml", null, []).Model;
        string Watched(bool generatedCode, bool observed)
        {
            var simulator = new TrialSimulator(model, seed: 5, generatedCode);
            var observer = new RecordingObserver();
            var values = new double[model.ValuePrograms.Length];
            var outcomes = new double[model.Scenario.Outcomes.Count];
            for (var trial = 0; trial < 300; trial++)
            {
                simulator.Run(trial, values, observed ? observer : null);
                simulator.ReadOutcomes(values, outcomes);
                observer.Lines.Add(string.Join(' ', outcomes.Select(o => o.ToString("R", System.Globalization.CultureInfo.InvariantCulture))));
            }
            return string.Join('\n', observer.Lines);
        }
        var interpreted = Watched(generatedCode: false, observed: true);
        Assert.Multiple(() =>
        {
            Assert.That(Watched(generatedCode: true, observed: true), Is.EqualTo(interpreted));
            Assert.That(Watched(generatedCode: true, observed: false).Split('\n'),
                Is.EqualTo(interpreted.Split('\n').Where(line => !line.StartsWith("step", StringComparison.Ordinal))));
        });
    }

    /// <summary>Machines with states they cannot leave, one with <c>each_step</c> effects in such a state: trials freeze, and their tails are counted without being simulated.</summary>
    private const string Freezing = """
        name: freezing
        horizon: 40
        parameters:
          p: { uniform: [0.05, 0.3] }
        variables:
          x: { initial: 0 }
        machines:
          a:
            initial: A0
            states: [A0, A1, A2]
            transitions:
              - { from: A0, to: A1, p: p, effects: { x: "+= 1" } }
              - { from: A0, to: A2, p: 0.05, when: "x < 3" }
          b:
            initial: B0
            states: [B0, B1, B2]
            each_step:
              B2: { x: "+= 0.5" }
            transitions:
              - { from: B0, to: B1, p: p, when: "a == A1" }
              - { from: B0, to: B2, p: 0.02 }
        outcomes:
          x_end: { value: x }
          x_mid: { value: x, at: 20 }
          b_in_B1: { steps_in: "b == B1" }
          a_done: { first_step: "a == A1 or a == A2" }
        """;

    [Test]
    public void Trials_that_freeze_give_the_interpreted_numbers() => AssertSameNumbersOnBothPaths(Freezing, seed: 3);

    /// <summary>Every step an observer sees, as a line of text.</summary>
    private sealed class RecordingObserver : ITrialObserver
    {
        public List<string> Lines { get; } = [];

        public void OnStart(long trial, IReadOnlyList<double> parameters, IReadOnlyList<int> states, IReadOnlyList<double> variables) =>
            Lines.Add($"step trial {trial}: {Numbers(parameters)} | {string.Join(' ', states)} | {Numbers(variables)}");

        public void OnStep(int step, IReadOnlyList<int> before, IReadOnlyList<int> after, IReadOnlyList<double> variables) =>
            Lines.Add($"step {step}: {string.Join(' ', before)} -> {string.Join(' ', after)} | {Numbers(variables)}");

        private static string Numbers(IReadOnlyList<double> values) =>
            string.Join(' ', values.Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>Every number of <paramref name="value"/> (of its runtime type), as text.</summary>
    private static string Json(object value) => System.Text.Json.JsonSerializer.Serialize(value, value.GetType());
}
