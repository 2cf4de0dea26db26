using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Simulation;

namespace NorthKoreaShadowWar.Tests.Simulation;

/// <summary>The per-trial outcomes designs are built on (comparisons, sensitivity) add up to exactly what a run reports.</summary>
public class TrialOutcomeTests
{
    private const string Scenario = """
        name: per_trial
        horizon: 12
        parameters:
          rate: { uniform: [0.1, 0.3] }
        variables:
          losses: { initial: 0 }
        machines:
          front:
            initial: Quiet
            states: [Quiet, Fighting, Over]
            each_step: { Fighting: { losses: "+= 10 * rate" } }
            transitions:
              - { from: Quiet, to: Fighting, p: rate }
              - { from: Fighting, to: Over, p: 0.2 }
        outcomes:
          fighting_by_6: { reached: front.Fighting, within: 6 }
          weeks_to_fight: { first_step: front == Fighting }
          weeks_fighting: { steps_in: front.Fighting }
          losses_end: { value: losses }
          final_front: { final: front }
        """;

    [Test]
    public void Per_trial_outcomes_add_up_to_the_run_results()
    {
        const int trials = 3000;
        var model = ScenarioPipeline.PrepareText(Scenario).Model;
        var run = ResultsBuilder.Build(MonteCarloRunner.Run(model, new RunSettings { Trials = trials, Seed = 5, Threads = 1 }));
        var simulator = new TrialSimulator(model, 5);
        var values = new double[model.ValuePrograms.Length];
        var outcomes = new double[model.Scenario.Outcomes.Count];
        double reached = 0, stepsIn = 0, losses = 0, firstSteps = 0, happened = 0;
        var finals = new int[3];
        for (var trial = 0; trial < trials; trial++)
        {
            simulator.Run(trial, values);
            simulator.ReadOutcomes(values, outcomes);
            reached += outcomes[0];
            if (!double.IsNaN(outcomes[1])) (firstSteps, happened) = (firstSteps + outcomes[1], happened + 1);
            stepsIn += outcomes[2];
            losses += outcomes[3];
            finals[(int)outcomes[4]]++;
        }
        Assert.Multiple(() =>
        {
            Assert.That(reached, Is.EqualTo(((ProbabilityResult)run.Outcomes[0]).Successes));
            Assert.That(firstSteps / happened, Is.EqualTo(((DistributionResult)run.Outcomes[1]).Mean).Within(1e-9));
            Assert.That(stepsIn / trials, Is.EqualTo(((DistributionResult)run.Outcomes[2]).Mean).Within(1e-9));
            Assert.That(losses / trials, Is.EqualTo(((DistributionResult)run.Outcomes[3]).Mean).Within(1e-9));
            var categories = ((CategoricalResult)run.Outcomes[4]).Categories;
            for (var s = 0; s < 3; s++) Assert.That(finals[s] / (double)trials, Is.EqualTo(categories[s].Probability).Within(1e-12));
        });
    }

    [Test]
    public void Fixed_parameters_replace_the_draws()
    {
        var model = ScenarioPipeline.PrepareText(Scenario).Model;
        var simulator = new TrialSimulator(model, 5) { FixedParameters = [0.0] };
        var values = new double[model.ValuePrograms.Length];
        var outcomes = new double[model.Scenario.Outcomes.Count];
        for (var trial = 0; trial < 200; trial++)
        {
            simulator.Run(trial, values);
            simulator.ReadOutcomes(values, outcomes);
            // With rate 0 the front never starts fighting.
            Assert.That(outcomes[0], Is.Zero);
            Assert.That(outcomes[1], Is.NaN);
        }
    }
}
