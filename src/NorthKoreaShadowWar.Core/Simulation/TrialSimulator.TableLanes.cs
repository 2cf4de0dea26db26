namespace NorthKoreaShadowWar.Simulation;

/// <summary>
/// Trials of a model that <see cref="TableTrialLoop"/> can run, one at a time or two side by side: the loop moves the
/// machines and counts occupancy; everything else of a trial (its setup, trackers and values) is worked out before and
/// after it, one trial at a time, from the states of each step it wrote to <see cref="history"/>.
/// </summary>
internal sealed partial class TrialSimulator
{
    /// <summary>The specialised loop when the model allows it (see <see cref="TableTrialLoop"/>), else null.</summary>
    private readonly TableTrialLoop? tableLoop;
    /// <summary>
    /// The states after each step of the current trial for <see cref="tableLoop"/>, row t at t * machine count; the
    /// second trial of <see cref="RunTwo"/> from <see cref="secondLane"/> on.
    /// </summary>
    private readonly int[] history;
    /// <summary>The draws of the second trial of <see cref="RunTwo"/>.</summary>
    private readonly UniformBuffer secondUniforms = new();
    /// <summary>Where the second trial of <see cref="RunTwo"/> starts in <see cref="history"/>.</summary>
    private readonly int secondLane;

    /// <summary>
    /// Runs trials <paramref name="trial"/> and <paramref name="trial"/> + 1, exactly as two calls of <see cref="Run"/>
    /// would (the same tallies, the values of each in <paramref name="first"/> and <paramref name="second"/>), but
    /// through the table loop side by side when the model allows it, so that the two overlap in the processor.
    /// <see cref="ReadOutcomes"/> then reads the second trial's.
    /// </summary>
    public void RunTwo(long trial, Span<double> first, Span<double> second)
    {
        // Drawn initial states are known only once a trial is set up, and setting up the second trial would overwrite
        // the first's parameters, so such models run their two trials one after the other.
        if (tableLoop is null || model.InitialDistributions.Length > 0)
        {
            Run(trial, first);
            Run(trial + 1, second);
            return;
        }
        var machineCount = states.Length;
        // The loop reads only the initial states and the draws; everything else of a trial is worked out after it,
        // one trial at a time.
        StartHistory(0, model.InitialState);
        StartHistory(secondLane, model.InitialState);
        uniforms.Reset(RandomStreams.For(seed, trial, RandomStreams.Transitions));
        secondUniforms.Reset(RandomStreams.For(seed, trial + 1, RandomStreams.Transitions));
        var (lastFirst, lastSecond) = tableLoop.RunTwo(history, secondLane, machineCount, model.Horizon, Tallies.Occupancy, Tallies.SecondLaneOccupancy, uniforms, secondUniforms);
        FinishTableTrial(first, StartTrial(trial, first, null, countInitialStates: false), 0, lastFirst);
        FinishTableTrial(second, StartTrial(trial + 1, second, null, countInitialStates: false), secondLane, lastSecond);
    }

    /// <summary>Runs trial <paramref name="trial"/> alone through the table loop (see <see cref="Run"/>).</summary>
    private void RunTableTrial(long trial, Span<double> values)
    {
        var pendingFirstSteps = StartTrial(trial, values, null, countInitialStates: false);
        uniforms.Reset(RandomStreams.For(seed, trial, RandomStreams.Transitions));
        StartHistory(0, states);
        var last = tableLoop!.Run(history, 0, states.Length, 1, model.Horizon, Tallies.Occupancy, uniforms);
        FinishTableTrial(values, pendingFirstSteps, 0, last);
    }

    /// <summary>Writes the initial states <paramref name="initial"/>, numbered over all machines, to row 0 of <see cref="history"/> at <paramref name="lane"/>.</summary>
    private void StartHistory(int lane, ReadOnlySpan<int> initial)
    {
        for (var m = 0; m < initial.Length; m++) history[lane + m] = stateOffset[m] + initial[m];
    }

    /// <summary>
    /// Finishes a trial the table loop ran in <paramref name="lane"/> of <see cref="history"/> up to step
    /// <paramref name="last"/>. Nothing in such a model changes a variable, so the trackers and the values due after
    /// each step are worked out afterwards from the states of each step, exactly as the general loop works them out
    /// step by step.
    /// </summary>
    private void FinishTableTrial(Span<double> values, int pendingFirstSteps, int lane, int last)
    {
        var trackStepsIn = stepsIn.Length > 0;
        if (pendingFirstSteps > 0 || trackStepsIn || hasTimedValues)
        {
            for (var step = 1; step <= last; step++)
            {
                StatesAfter(step, lane, states);
                if (pendingFirstSteps > 0) pendingFirstSteps = CheckFirstSteps(states, step, pendingFirstSteps);
                if (trackStepsIn) CountStepsIn(states, step);
                if (hasTimedValues) RecordValuesAt(step, values, states);
            }
        }
        StatesAfter(last, lane, states);
        FinishFrozenTrial(states, last);
        FinishTrial(last, values);
    }

    /// <summary>The states of the machines after step <paramref name="step"/> in <paramref name="lane"/> of <see cref="history"/>, numbered within each machine.</summary>
    private void StatesAfter(int step, int lane, int[] into)
    {
        var row = lane + step * into.Length;
        for (var m = 0; m < into.Length; m++) into[m] = history[row + m] - stateOffset[m];
    }
}
