using NorthKoreaShadowWar.Compilation;
using NorthKoreaShadowWar.Simulation;
using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Simulation;

/// <summary>
/// The specialised loop for table-only models (<see cref="TableTrialLoop"/>) gives exactly what the general loop gives.
/// An observer makes the simulator take the general loop, so the two can be run side by side on the same trials.
/// </summary>
public class TableTrialLoopTests
{
    /// <summary>Rows reading none, one and two other machines, up to seven outcomes, a stay state and every kind of outcome.</summary>
    private const string Scenario = """
        name: tables
        horizon: 30
        parameters:
          start: { uniform: [0, 10] }
        variables:
          stock: { initial: start }
        machines:
          a:
            initial: A0
            states: [A0, A1, A2, A3, A4, A5, A6, Gone]
            absorbing: [Gone]
            transitions:
              - { from: A0, to: A1, p: 0.1 }
              - { from: A0, to: A2, p: 0.1 }
              - { from: A0, to: A3, p: 0.1 }
              - { from: A0, to: A4, p: 0.1 }
              - { from: A0, to: A5, p: 0.1 }
              - { from: A0, to: A6, p: 0.1, when: "b == On" }
              - { from: [A1, A2, A3, A4, A5, A6], to: A0, p: 0.3 }
              - { from: [A1, A2, A3, A4, A5, A6], to: Gone, p: 0.05, when: "b == On and c == Up" }
          b:
            initial: Off
            states: [Off, On]
            transitions:
              - { from: Off, to: On, p: 0.2, when: "a != A0" }
              - { from: On, to: Off, p: 0.1 }
          c:
            initial: Down
            states: [Down, Up, Out]
            absorbing: [Out]
            transitions:
              - { from: Down, to: Up, p: 0.25 }
              - { from: Up, to: Down, p: 0.1 }
              - { from: Up, to: Out, p: 0.02 }
        outcomes:
          gone_by_10: { reached: a.Gone, within: 10 }
          first_on_and_up: { first_step: "b == On and c == Up" }
          weeks_on: { steps_in: b.On }
          stock_at_5: { value: stock, at: 5 }
          stock_end: { value: stock }
          final_a: { final: a }
          final_c: { final: c }
        """;

    [Test]
    public void The_table_loop_gives_what_the_general_loop_gives()
    {
        var model = ScenarioPipeline.PrepareText(Scenario).Model;
        Assert.That(TableTrialLoop.For(model), Is.Not.Null, "the scenario should be one the table loop takes");
        AssertSameTrials(model, trials: 3000);
    }

    [Test]
    public void The_table_loop_gives_what_the_general_loop_gives_on_ref4x6()
    {
        var model = ScenarioPipeline.Prepare(Path.Combine(Paths.Scenarios, "bench", "ref4x6.yaml")).Model;
        Assert.That(TableTrialLoop.For(model), Is.Not.Null);
        AssertSameTrials(model, trials: 2000);
    }

    [Test]
    public void Two_trials_side_by_side_give_what_they_give_one_at_a_time()
    {
        foreach (var model in new[]
                 {
                     ScenarioPipeline.PrepareText(Scenario).Model,
                     ScenarioPipeline.Prepare(Path.Combine(Paths.Scenarios, "bench", "ref4x6.yaml")).Model,
                 })
        {
            var paired = new TrialSimulator(model, seed: 5);
            var single = new TrialSimulator(model, seed: 5);
            var first = new double[model.ValuePrograms.Length];
            var second = new double[model.ValuePrograms.Length];
            var values = new double[model.ValuePrograms.Length];
            var outcomes = new double[model.Scenario.Outcomes.Count];
            var singleOutcomes = new double[model.Scenario.Outcomes.Count];
            for (var trial = 0; trial < 2000; trial += 2)
            {
                paired.RunTwo(trial, first, second);
                single.Run(trial, values);
                Assert.That(first, Is.EqualTo(values), $"values of trial {trial}");
                single.Run(trial + 1, values);
                Assert.That(second, Is.EqualTo(values), $"values of trial {trial + 1}");
                paired.ReadOutcomes(second, outcomes);
                single.ReadOutcomes(values, singleOutcomes);
                Assert.That(outcomes, Is.EqualTo(singleOutcomes), $"outcomes of trial {trial + 1}");
            }
            Assert.Multiple(() =>
            {
                Assert.That(paired.Tallies.Trials, Is.EqualTo(single.Tallies.Trials));
                Assert.That(paired.Tallies.MachineSteps, Is.EqualTo(single.Tallies.MachineSteps));
                Assert.That(paired.Tallies.CompleteOccupancy(), Is.EqualTo(single.Tallies.CompleteOccupancy()));
                Assert.That(paired.Tallies.OccupancyChanges, Is.EqualTo(single.Tallies.OccupancyChanges));
                Assert.That(paired.Tallies.FirstStep, Is.EqualTo(single.Tallies.FirstStep));
                Assert.That(paired.Tallies.StepsIn, Is.EqualTo(single.Tallies.StepsIn));
            });
        }
    }

    [Test]
    public void A_model_with_effects_takes_the_general_loop()
    {
        var model = ScenarioPipeline.PrepareText("""
            name: effects
            horizon: 5
            variables:
              x: { initial: 0 }
            machines:
              a: { initial: A, states: [A, B], transitions: [ { from: A, to: B, p: 0.5, effects: { x: 1 } } ] }
            outcomes:
              x_end: { value: x }
            """).Model;
        Assert.That(TableTrialLoop.For(model), Is.Null);
    }

    private static void AssertSameTrials(CompiledModel model, int trials)
    {
        var table = new TrialSimulator(model, seed: 9);
        var general = new TrialSimulator(model, seed: 9);
        var observer = new SilentObserver();
        var values = new double[model.ValuePrograms.Length];
        var generalValues = new double[model.ValuePrograms.Length];
        var outcomes = new double[model.Scenario.Outcomes.Count];
        var generalOutcomes = new double[model.Scenario.Outcomes.Count];
        for (var trial = 0; trial < trials; trial++)
        {
            table.Run(trial, values);
            general.Run(trial, generalValues, observer);
            table.ReadOutcomes(values, outcomes);
            general.ReadOutcomes(generalValues, generalOutcomes);
            Assert.That(outcomes, Is.EqualTo(generalOutcomes), $"trial {trial}");
        }
        Assert.Multiple(() =>
        {
            Assert.That(table.Tallies.MachineSteps, Is.EqualTo(general.Tallies.MachineSteps));
            Assert.That(table.Tallies.CompleteOccupancy(), Is.EqualTo(general.Tallies.CompleteOccupancy()));
            Assert.That(table.Tallies.FirstStep, Is.EqualTo(general.Tallies.FirstStep));
            Assert.That(table.Tallies.StepsIn, Is.EqualTo(general.Tallies.StepsIn));
        });
    }

    private sealed class SilentObserver : ITrialObserver
    {
        public void OnStart(long trial, IReadOnlyList<double> parameters, IReadOnlyList<int> states, IReadOnlyList<double> variables)
        {
        }

        public void OnStep(int step, IReadOnlyList<int> before, IReadOnlyList<int> after, IReadOnlyList<double> variables)
        {
        }
    }
}
