using System.Globalization;
using NorthKoreaShadowWar.Compilation;
using NorthKoreaShadowWar.Diagnostics;
using NorthKoreaShadowWar.Randomness;

namespace NorthKoreaShadowWar.Simulation;

/// <summary>
/// Starting a trial (its parameters, variables, initial states and trackers) and finishing it (the frozen tail, the
/// tallies and the values read at its end), whichever loop runs its steps.
/// </summary>
internal sealed partial class TrialSimulator
{
    private readonly StreamRandom parameterRandom = new();
    /// <summary>
    /// Per context of each per-trial row: the <see cref="stamp"/> of the trial its bounds were built for. A new trial
    /// takes a new stamp, so that every per-trial table is rebuilt from its parameters when first used.
    /// </summary>
    private readonly int[] stamps;
    private int stamp;

    /// <summary>
    /// Sets up trial <paramref name="trial"/> up to its first step: parameters, variables, initial states and their
    /// occupancy (unless <paramref name="countInitialStates"/> is false: the table loop counts them), trackers and
    /// values due at step 0. Returns the first-step conditions still pending.
    /// </summary>
    private int StartTrial(long trial, Span<double> values, ITrialObserver? observer, bool countInitialStates)
    {
        SetUpTrial(trial);
        InitialStates.Draw(model, seed, trial, constants, states, stack);
        return BeginTrial(values, observer, countInitialStates);
    }

    /// <summary>
    /// As <see cref="StartTrial(long, Span{double}, ITrialObserver?, bool)"/>, but the initial states are drawn from <paramref name="initialStates"/> instead of
    /// the trial's own initial-state stream (the initial states counted).
    /// </summary>
    private int StartTrialFrom(long trial, ref Xoroshiro128StarStar initialStates, Span<double> values, ITrialObserver? observer)
    {
        SetUpTrial(trial);
        InitialStates.Draw(model, ref initialStates, trial, constants, states, stack);
        return BeginTrial(values, observer, countInitialStates: true);
    }

    /// <summary>A new trial's parameters and variables.</summary>
    private void SetUpTrial(long trial)
    {
        NewStamp();
        currentTrial = trial;
        DrawParameters(trial);
        InitialiseVariables();
    }

    /// <summary>The rest of a trial's start once its initial states are set: their occupancy, trackers and values due at step 0.</summary>
    private int BeginTrial(Span<double> values, ITrialObserver? observer, bool countInitialStates)
    {
        if (countInitialStates)
        {
            var occupancy = Tallies.Occupancy;
            for (var m = 0; m < states.Length; m++) occupancy[stateOffset[m] + states[m]]++;
        }
        var pendingFirstSteps = StartTrackers();
        observer?.OnStart(currentTrial, constants, states, variables);
        if (hasTimedValues) RecordValuesAt(0, values, states);
        return pendingFirstSteps;
    }

    /// <summary>Makes every per-trial table built so far stale.</summary>
    private void NewStamp()
    {
        if (++stamp == 0)
        {
            Array.Clear(stamps);
            stamp = 1;
        }
    }

    private void DrawParameters(long trial)
    {
        if (FixedParameters is { } fixedValues) ParameterDraws.Set(model, fixedValues, constants, stack);
        else ParameterDraws.Draw(model, seed, trial, constants, parameterRandom, stack);
    }

    private void InitialiseVariables()
    {
        foreach (var variable in model.VariableInitialisationOrder)
        {
            var value = model.Evaluate(~model.VariableInitialSources[variable], constants, variables, [], stack);
            if (!double.IsFinite(value))
                throw new SimulationException(string.Create(CultureInfo.InvariantCulture, $"{NonFiniteReports.OfInitialValue(model, variable, value)}, in trial {currentTrial} at step 0"));
            variables[variable] = value;
        }
    }

    /// <summary>
    /// Every machine is in a state it cannot leave and no variable changes any more: the remaining steps
    /// would repeat this one, so they are counted without being simulated.
    /// </summary>
    private void FinishFrozenTrial(ReadOnlySpan<int> current, int step)
    {
        var remaining = model.Horizon - step;
        if (remaining == 0) return;
        var tail = Tallies.OccupancyChanges;
        var from = (step + 1) * model.TotalStates;
        for (var m = 0; m < current.Length; m++) tail[from + stateOffset[m] + current[m]]++;
        for (var i = 0; i < stepsIn.Length; i++)
            if (stepsInHolds[i]) stepsIn[i] += remaining;
    }

    /// <summary>Adds a trial whose last simulated step was <paramref name="lastSimulated"/> to the tallies; fills in the values read at its end.</summary>
    private void FinishTrial(int lastSimulated, Span<double> values)
    {
        Tallies.MachineSteps += (long)lastSimulated * states.Length;
        Tallies.Trials++;
        RecordTrackers();
        // Values read after the last step, and values due after a step a frozen trial did not simulate
        // (nothing changes once a trial is frozen, so they equal the values now).
        for (var i = 0; i < values.Length; i++)
        {
            var at = model.ValueAtStep[i];
            if (at < 0 || at > lastSimulated)
                values[i] = model.Evaluate(model.ValuePrograms[i], constants, variables, states, stack);
        }
    }
}
