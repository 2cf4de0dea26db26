using NorthKoreaShadowWar.Compilation;
using NorthKoreaShadowWar.Compilation.Generated;
using NorthKoreaShadowWar.Simulation;
using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Simulation;

/// <summary>
/// The per-step code compiled to .NET code (see docs/performance.md, "Generated code"): generated once per model for
/// what the general loop would otherwise interpret. That it gives the interpreter's numbers bit for bit is pinned by
/// <see cref="PinnedNumbersTests"/>, and its rules and errors by <see cref="StepSemanticsTests"/> and
/// <see cref="NonFiniteValueTests"/>, which run both paths.
/// </summary>
public class GeneratedCodeTests
{
    private static CompiledModel Baseline() => ScenarioPipeline.Prepare(Path.Combine(Paths.Scenarios, "baseline.yaml"), null).Model;

    [Test]
    public void Every_row_computed_every_step_per_trial_table_and_effect_list_of_the_baseline_has_generated_code()
    {
        var model = Baseline();
        var code = GeneratedModelCode.For(model);
        Assert.Multiple(() =>
        {
            for (var r = 0; r < model.Rows.Length; r++)
            {
                Assert.That(code.Rows[r] is not null, Is.EqualTo(model.Rows[r].Kind == RowKind.Dynamic), $"row {r}");
                Assert.That(code.Tables[r] is not null, Is.EqualTo(model.Rows[r] is { Kind: RowKind.Table, PerTrial: true }), $"row {r}");
            }
            Assert.That(code.EffectLists, Has.Length.EqualTo(model.EffectLists.Length).And.All.Not.Null);
        });
    }

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
}
