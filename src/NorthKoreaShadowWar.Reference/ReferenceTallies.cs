using NorthKoreaShadowWar.Expressions;
using NorthKoreaShadowWar.Scenarios;
using NorthKoreaShadowWar.Scenarios.Validation;

namespace NorthKoreaShadowWar.Reference;

/// <summary>
/// Watches every trial after each step and counts what the outcomes and the occupancy ask for. Per-trial
/// observations (first steps, steps in, values read at a step) are kept until the trial ends.
/// </summary>
internal sealed class ReferenceTallies
{
    private readonly ResolvedScenario scenario;
    private readonly long[][][] occupancy;
    private readonly long[] successes;
    private readonly long[] never;
    private readonly ReferenceMoments[] moments;
    private readonly long[][] finalCounts;
    private readonly int[] firstStep;
    private readonly int[] stepsIn;
    private readonly double[] valueAtStep;
    private long trials;

    public ReferenceTallies(ResolvedScenario scenario)
    {
        this.scenario = scenario;
        var outcomes = scenario.Outcomes.Count;
        occupancy = scenario.Machines
            .Select(m => m.States.Select(_ => new long[scenario.Horizon + 1]).ToArray())
            .ToArray();
        successes = new long[outcomes];
        never = new long[outcomes];
        moments = scenario.Outcomes.Select(_ => new ReferenceMoments()).ToArray();
        finalCounts = scenario.Outcomes
            .Select(o => o.Kind == OutcomeKind.Final ? new long[scenario.Machines[o.Machine].States.Count] : [])
            .ToArray();
        firstStep = new int[outcomes];
        stepsIn = new int[outcomes];
        valueAtStep = new double[outcomes];
    }

    /// <summary>Starts a trial and observes its initial state as step 0.</summary>
    public void StartTrial(ExpressionInputs initial)
    {
        Array.Fill(firstStep, -1);
        Array.Clear(stepsIn);
        ObserveStep(0, initial);
    }

    /// <summary>Observes the world after step <paramref name="step"/> (0 for the initial state).</summary>
    public void ObserveStep(int step, ExpressionInputs now)
    {
        for (var m = 0; m < occupancy.Length; m++) occupancy[m][now.States[m]][step]++;
        for (var o = 0; o < scenario.Outcomes.Count; o++)
        {
            var outcome = scenario.Outcomes[o];
            switch (outcome.Kind)
            {
                case OutcomeKind.Reached or OutcomeKind.FirstStep:
                    if (firstStep[o] < 0 && ReferenceEvaluator.IsTrue(outcome.Condition!, now)) firstStep[o] = step;
                    break;
                case OutcomeKind.StepsIn:
                    // steps_in counts steps 1..horizon: the initial state is not a step spent anywhere.
                    if (step >= 1 && ReferenceEvaluator.IsTrue(outcome.Condition!, now)) stepsIn[o]++;
                    break;
                case OutcomeKind.Value:
                    if (outcome.At == step) valueAtStep[o] = ReferenceEvaluator.Evaluate(outcome.Value!, now);
                    break;
            }
        }
    }

    /// <summary>Ends a trial whose world after the last step is <paramref name="final"/>, and adds it to the totals.</summary>
    public void EndTrial(ExpressionInputs final)
    {
        trials++;
        for (var o = 0; o < scenario.Outcomes.Count; o++)
        {
            var outcome = scenario.Outcomes[o];
            switch (outcome.Kind)
            {
                case OutcomeKind.Reached:
                    if (firstStep[o] >= 0 && firstStep[o] <= outcome.Within) successes[o]++;
                    break;
                case OutcomeKind.FirstStep:
                    if (firstStep[o] < 0) never[o]++;
                    else moments[o].Add(firstStep[o]);
                    break;
                case OutcomeKind.StepsIn:
                    moments[o].Add(stepsIn[o]);
                    break;
                case OutcomeKind.Value:
                    moments[o].Add(outcome.At >= 0 ? valueAtStep[o] : ReferenceEvaluator.Evaluate(outcome.Value!, final));
                    break;
                case OutcomeKind.Final:
                    finalCounts[o][final.States[outcome.Machine]]++;
                    break;
            }
        }
    }

    /// <summary>The counts so far as a result.</summary>
    public ReferenceResult ToResult()
    {
        var outcomes = scenario.Outcomes.Select((outcome, o) => outcome.Kind switch
        {
            OutcomeKind.Reached => new ReferenceProbability(outcome.Name, successes[o], trials),
            OutcomeKind.Final => new ReferenceCategorical(outcome.Name,
                scenario.Machines[outcome.Machine].States.Select((state, s) => (state, finalCounts[o][s])).ToList(), trials),
            _ => (ReferenceOutcome)new ReferenceDistribution(outcome.Name, moments[o].Count,
                moments[o].Count == 0 ? double.NaN : moments[o].Mean, moments[o].StandardDeviation,
                outcome.Kind == OutcomeKind.FirstStep ? (double)never[o] / trials : null),
        }).ToList();
        var occupancies = scenario.Machines.Select((machine, m) => new ReferenceOccupancy(machine.Name, machine.States, occupancy[m], trials)).ToList();
        return new ReferenceResult(trials, outcomes, occupancies);
    }
}
