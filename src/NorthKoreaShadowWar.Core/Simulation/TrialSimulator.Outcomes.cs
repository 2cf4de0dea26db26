using System.Globalization;
using System.Runtime.CompilerServices;
using NorthKoreaShadowWar.Compilation;
using NorthKoreaShadowWar.Diagnostics;
using NorthKoreaShadowWar.Scenarios;

namespace NorthKoreaShadowWar.Simulation;

/// <summary>
/// The outcomes of a trial: the conditions tested after each step (first steps, steps in), the values due at a given
/// step, their counts added to the tallies when the trial ends, and what the trial gave for each outcome.
/// </summary>
internal sealed partial class TrialSimulator
{
    /// <summary>Per first-step condition: the first step it held in the current trial, or -1.</summary>
    private readonly int[] firstStep;
    /// <summary>Per steps-in condition: the steps it has held in the current trial.</summary>
    private readonly int[] stepsIn;
    /// <summary>Per steps-in condition: whether it held after the last step simulated (for a frozen tail).</summary>
    private readonly bool[] stepsInHolds;

    /// <summary>
    /// Writes what the trial just run gave for each outcome of the scenario, in scenario order, into
    /// <paramref name="outcomes"/>: 1 or 0 for <c>reached</c>; the step for <c>first_step</c> (NaN if it never held);
    /// the count for <c>steps_in</c>; the value for <c>value</c> (from <paramref name="values"/>, as
    /// <see cref="Run"/> returned them); the index of the final state for <c>final</c>.
    /// </summary>
    public void ReadOutcomes(ReadOnlySpan<double> values, Span<double> outcomes)
    {
        var definitions = model.Scenario.Outcomes;
        for (var i = 0; i < definitions.Count; i++)
        {
            var tracker = model.OutcomeTracker[i];
            outcomes[i] = definitions[i].Kind switch
            {
                OutcomeKind.Reached => HappenedWithin(firstStep[tracker], definitions[i].Within) ? 1 : 0,
                OutcomeKind.FirstStep => firstStep[tracker] >= 0 ? firstStep[tracker] : double.NaN,
                OutcomeKind.StepsIn => stepsIn[tracker],
                OutcomeKind.Value => values[tracker],
                _ => states[tracker],
            };
        }
    }

    private static bool HappenedWithin(int step, int within) => step >= 0 && step <= within;

    private int StartTrackers()
    {
        Array.Fill(firstStep, -1);
        Array.Clear(stepsIn);
        return CheckFirstSteps(states, 0, firstStep.Length);
    }

    private void RecordValuesAt(int step, Span<double> values, ReadOnlySpan<int> current)
    {
        for (var i = 0; i < values.Length; i++)
            if (model.ValueAtStep[i] == step)
                values[i] = model.Evaluate(model.ValuePrograms[i], constants, variables, current, stack);
    }

    /// <summary>Whether <paramref name="condition"/> holds: a state test inline, a program through <see cref="HoldsByProgram"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Holds(in ConditionCode condition, ReadOnlySpan<int> current, int step) =>
        condition.Program < 0 ? ((condition.Mask >> current[condition.Machine]) & 1UL) != 0 : HoldsByProgram(in condition, current, step);

    private bool HoldsByProgram(in ConditionCode condition, ReadOnlySpan<int> current, int step)
    {
        var answer = model.Evaluate(condition.Program, constants, variables, current, stack);
        if (double.IsNaN(answer)) throw Unanswered(condition.Program, current, step);
        return answer != 0;
    }

    /// <summary>The error for an outcome condition that has no answer (a comparison with a value that is not a finite number).</summary>
    private SimulationException Unanswered(int program, ReadOnlySpan<int> current, int step) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{NonFiniteReports.OfOutcome(model, program, constants, variables, current, stack)}, in trial {currentTrial} at step {step}"));

    private int CheckFirstSteps(ReadOnlySpan<int> current, int step, int pending)
    {
        var conditions = model.FirstStepConditions;
        for (var i = 0; i < conditions.Length; i++)
        {
            if (firstStep[i] >= 0 || !Holds(conditions[i], current, step)) continue;
            firstStep[i] = step;
            pending--;
        }
        return pending;
    }

    private void CountStepsIn(ReadOnlySpan<int> current, int step)
    {
        var conditions = model.StepsInConditions;
        for (var i = 0; i < conditions.Length; i++)
        {
            var holds = Holds(conditions[i], current, step);
            stepsInHolds[i] = holds;
            if (holds) stepsIn[i]++;
        }
    }

    private void RecordTrackers()
    {
        for (var i = 0; i < firstStep.Length; i++)
            Tallies.FirstStep[i][firstStep[i] < 0 ? model.Horizon + 1 : firstStep[i]]++;
        for (var i = 0; i < stepsIn.Length; i++)
            Tallies.StepsIn[i][stepsIn[i]]++;
    }
}
