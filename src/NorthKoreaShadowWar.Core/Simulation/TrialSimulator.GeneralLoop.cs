using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NorthKoreaShadowWar.Compilation;
using NorthKoreaShadowWar.Compilation.Generated;
using NorthKoreaShadowWar.Diagnostics;
using NorthKoreaShadowWar.Scenarios;

namespace NorthKoreaShadowWar.Simulation;

/// <summary>
/// The general loop: the steps of a trial of any model, machine by machine, with rows computed every step, per-trial
/// tables built when first used, effects applied after each step, and the outcome conditions tested after it.
/// </summary>
internal sealed partial class TrialSimulator
{
    /// <summary>The states the machines enter in the current step (swapped with <see cref="states"/> after it).</summary>
    private readonly int[] nextStates;
    /// <summary>The states of a context, for building a per-trial table.</summary>
    private readonly int[] contextStates;
    /// <summary>The variables at the start of the current step, which effects read when some effect reads a variable.</summary>
    private readonly double[] variablesAtStepStart;
    /// <summary>The probabilities of a row computed every step.</summary>
    private readonly double[] effective;
    /// <summary>The effect lists of the transitions taken in the current step, in machine order.</summary>
    private readonly int[] takenEffects;
    /// <summary>The effects of the transition the last dynamic row took, or -1.</summary>
    private int dynamicEffects;
    /// <summary>What the generated moves read and write, or null when the model's code is interpreted.</summary>
    private readonly StepFrame? stepFrame;
    /// <summary>What the current step has gathered so far: effects taken, and the flags of the states entered.</summary>
    private int stepTaken;
    private int stepFlags;

    /// <summary>
    /// Simulates steps <paramref name="from"/> to <paramref name="to"/> of the current trial through the general loop,
    /// drawing from <see cref="uniforms"/>: through the model's generated code when there is some
    /// (<see cref="RunStepsGenerated"/>), else through the interpreter. Returns the last step simulated, and whether the
    /// trial froze there (every machine in a state it cannot leave, no variable changing: see <see cref="FinishFrozenTrial"/>).
    /// </summary>
    private (int Last, bool Frozen) RunSteps(int from, int to, long trial, Span<double> values, ITrialObserver? observer, ref int pendingFirstSteps)
    {
        if (stepFrame is not null) return RunStepsGenerated(from, to, trial, values, observer, ref pendingFirstSteps);
        var current = states;
        var next = nextStates;
        var step = from;
        var frozen = false;
        for (; step <= to; step++)
        {
            if (model.EffectsReadVariables) variables.CopyTo(variablesAtStepStart, 0);
            stepTaken = 0;
            stepFlags = 0;
            frozen = StepInterpreted(current, next, step, 0, trial, values, observer, ref pendingFirstSteps);
            (current, next) = (next, current);
            if (frozen) break;
        }
        if (!ReferenceEquals(current, states)) current.CopyTo(states, 0);
        return (Math.Min(step, to), frozen);
    }

    /// <summary>
    /// Step <paramref name="step"/> through the interpreter from machine <paramref name="first"/> on (the machines before
    /// it have moved: their states entered in <paramref name="next"/>, counted, their effects and flags noted): the
    /// moves, the effects, the outcome conditions, the values due after it and the observer. Returns whether the trial
    /// froze at this step (its frozen tail then counted); the states after it are in <paramref name="next"/>.
    /// </summary>
    private bool StepInterpreted(int[] current, int[] next, int step, int first, long trial, Span<double> values, ITrialObserver? observer, ref int pendingFirstSteps)
    {
        for (var m = first; (m = MoveMachines(current, next, step, m)) < current.Length;)
            m = MoveMachineSlowly(current, next, step, m, trial);
        var taken = stepTaken;
        var allStay = (stepFlags & CompiledModel.MovableFlag) == 0;
        var anyEachStep = (stepFlags & CompiledModel.EachStepFlag) != 0;
        if (taken > 0 || anyEachStep) ApplyStepEffects(next, taken, anyEachStep, step);
        if (pendingFirstSteps > 0) pendingFirstSteps = CheckFirstSteps(next, step, pendingFirstSteps);
        if (stepsIn.Length > 0) CountStepsIn(next, step);
        if (hasTimedValues && valueDueAfter[step]) RecordValuesAt(step, values, next);
        observer?.OnStep(step, current, next, variables);
        if (!allStay || anyEachStep) return false;
        FinishFrozenTrial(next, step);
        return true;
    }

    /// <summary>
    /// <see cref="RunSteps"/> through the model's generated steps (<see cref="TrialStepsCode"/>): as many steps in one
    /// call as it can (one at a time with an <paramref name="observer"/>, which sees each), back here only for values due
    /// after a step, a frozen trial, an error, or a machine whose probabilities it cannot use: the interpreter then
    /// finishes that step (<see cref="StepInterpreted"/>), and reports the problem.
    /// </summary>
    private (int Last, bool Frozen) RunStepsGenerated(int from, int to, long trial, Span<double> values, ITrialObserver? observer, ref int pendingFirstSteps)
    {
        var frame = stepFrame!;
        var step = from;
        for (; step <= to; step++)
        {
            if (observer is not null) states.CopyTo(nextStates, 0);
            frame.Draw = uniforms.Next;
            (frame.RandomState0, frame.RandomState1) = uniforms.GeneratorState;
            frame.Pending = pendingFirstSteps;
            // The generated steps stop after the last step asked for, or the first after which a value is read.
            var stopped = generated!.Steps(frame, step, observer is null ? Math.Min(to, nextValueDue[step]) : step);
            uniforms.Next = frame.Draw;
            uniforms.GeneratorState = (frame.RandomState0, frame.RandomState1);
            pendingFirstSteps = frame.Pending;
            step = frame.Step;
            switch (stopped)
            {
                case TrialStepsCode.Bailed:
                    stepTaken = frame.Taken;
                    stepFlags = frame.Flags;
                    var frozen = StepInterpreted(states, nextStates, step, frame.Machine, trial, values, observer, ref pendingFirstSteps);
                    nextStates.CopyTo(states, 0);
                    if (frozen) return (step, true);
                    continue;
                case TrialStepsCode.EffectFailed: throw EffectFailed(frame.FailedList, frame.FailedEffect, step);
                case TrialStepsCode.ConditionFailed: throw Unanswered(frame.FailedProgram, states, step);
            }
            if (hasTimedValues && valueDueAfter[step]) RecordValuesAt(step, values, states);
            observer?.OnStep(step, nextStates, states, variables);
            if (stopped != TrialStepsCode.Frozen) continue;
            FinishFrozenTrial(states, step);
            return (step, true);
        }
        return (Math.Min(step, to), false);
    }

    /// <summary>The frame of the generated steps, its arrays those of this simulator.</summary>
    private StepFrame NewStepFrame() => new()
    {
        Draws = uniforms.Values,
        Current = states,
        Next = nextStates,
        OccupancyChanges = Tallies.OccupancyChanges,
        Constants = constants,
        Variables = variables,
        RowFlags = [.. rows.Select(row => (int)row.Flags)],
        TakenEffects = takenEffects,
        ReadVariables = model.EffectsReadVariables ? variablesAtStepStart : variables,
        FirstStep = firstStep,
        StepsIn = stepsIn,
        StepsInHolds = stepsInHolds,
    };

    /// <summary>
    /// Moves machines <paramref name="first"/>, <paramref name="first"/> + 1, ... once (step <paramref name="step"/>):
    /// the interpreter's innermost loop. Reads <paramref name="current"/>, writes <paramref name="next"/> and the
    /// occupancy of the step, and notes the effects of the transitions taken. Draws come from <see cref="UniformBuffer"/>.
    /// It calls nothing but <see cref="TableTarget"/>, inlined: at a machine that needs more (a row computed every step,
    /// a per-trial table entry not built yet this trial, a row reading more than two machines, a used-up block of draws)
    /// it stops and returns that machine's index, for <see cref="MoveMachineSlowly"/>; it returns the machine count when
    /// every machine has moved.
    /// </summary>
    private int MoveMachines(int[] current, int[] next, int step, int first)
    {
        ref var draws = ref MemoryMarshal.GetArrayDataReference(uniforms.Values);
        var draw = uniforms.Next;
        // The arrays are sized by the compiler to hold every index the model can produce, so this loop
        // reads them through references without bounds checks.
        ref var rowBase = ref MemoryMarshal.GetArrayDataReference(rows);
        ref var offsetBase = ref MemoryMarshal.GetArrayDataReference(stateOffset);
        ref var boundsBase = ref MemoryMarshal.GetArrayDataReference(bounds);
        ref var outcomeBase = ref MemoryMarshal.GetArrayDataReference(model.Outcomes);
        ref var currentStates = ref MemoryMarshal.GetArrayDataReference(current);
        ref var nextStates = ref MemoryMarshal.GetArrayDataReference(next);
        ref var occupancyCells = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(Tallies.Occupancy), step * model.TotalStates);
        var flags = stepFlags;
        var m = first;
        for (; m < current.Length; m++)
        {
            var state = Unsafe.Add(ref currentStates, m);
            var offset = Unsafe.Add(ref offsetBase, m);
            ref readonly var row = ref Unsafe.Add(ref rowBase, offset + state);
            int target;
            if (draw == UniformBuffer.Length && row.Kind != RowKind.Stay) break;
            if (row.Kind == RowKind.Table)
            {
                if (row.DependencyCount > 2) break;
                var context = Unsafe.Add(ref currentStates, row.FirstDependencyMachine) * row.FirstDependencyStride
                            + Unsafe.Add(ref currentStates, row.SecondDependencyMachine) * row.SecondDependencyStride;
                // A per-trial table not built yet in this trial is built by MoveMachineSlowly.
                if (row.PerTrial && stamps[row.StampOffset + context] != stamp) break;
                target = TableTarget(in row, context, Unsafe.Add(ref draws, draw++), ref boundsBase, ref outcomeBase);
            }
            else if (row.Kind == RowKind.Stay)
            {
                // A machine that cannot leave its state draws nothing.
                target = state;
            }
            else
            {
                // A row computed every step: MoveMachineSlowly interprets it.
                break;
            }
            Unsafe.Add(ref nextStates, m) = target;
            Unsafe.Add(ref occupancyCells, offset + target)++;
            flags |= Unsafe.Add(ref rowBase, offset + target).Flags;
        }
        stepFlags = flags;
        uniforms.Next = draw;
        return m;
    }

    /// <summary>
    /// Moves machine <paramref name="machine"/> when <see cref="MoveMachines"/> cannot: a row whose probabilities
    /// read variables, a per-trial table, a row reading more than two machines, or a used-up block of draws; with
    /// generated code, only a row whose probabilities are invalid, which it reports. Returns the machine to go on from.
    /// </summary>
    private int MoveMachineSlowly(int[] current, int[] next, int step, int machine, long trial)
    {
        var state = current[machine];
        var offset = stateOffset[machine];
        ref readonly var row = ref rows[offset + state];
        int target;
        if (row.Kind == RowKind.Table)
        {
            var context = current[row.FirstDependencyMachine] * row.FirstDependencyStride
                        + current[row.SecondDependencyMachine] * row.SecondDependencyStride;
            if (row.DependencyCount > 2) context += FurtherContext(in row, current);
            if (row.PerTrial && stamps[row.StampOffset + context] != stamp) BuildContext(machine, state, context, trial, step);
            target = TableTarget(in row, context, uniforms.NextDouble(),
                ref MemoryMarshal.GetArrayDataReference(bounds), ref MemoryMarshal.GetArrayDataReference(model.Outcomes));
        }
        else
        {
            target = StepDynamic(current, machine, state, uniforms.NextDouble(), trial, step);
            if (dynamicEffects >= 0) takenEffects[stepTaken++] = dynamicEffects;
        }
        next[machine] = target;
        Tallies.Occupancy[step * model.TotalStates + offset + target]++;
        stepFlags |= rows[offset + target].Flags;
        return machine + 1;
    }

    /// <summary>
    /// Moves a machine by table row <paramref name="row"/> in context <paramref name="context"/>: the draw
    /// <paramref name="u"/> picks the outcome whose cumulative bounds it falls between (see <see cref="CumulativeBounds"/>),
    /// whose effects, if any, are noted for the end of the step. Returns the state entered. The one place the general
    /// loop moves a machine by a table, for both <see cref="MoveMachines"/> and <see cref="MoveMachineSlowly"/>;
    /// <paramref name="boundsBase"/> and <paramref name="outcomeBase"/> are the starts of <see cref="bounds"/> and the
    /// model's outcomes, which a caller in a loop keeps in registers.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int TableTarget(in RowLayout row, int context, double u, ref double boundsBase, ref OutcomeCode outcomeBase)
    {
        var boundsAt = row.BoundsOffset + context * row.BoundsStride;
        Debug.Assert(context >= 0 && context < row.ContextCount && boundsAt + row.BoundsStride <= bounds.Length, "a table row's context lies outside its bounds");
        var outcomeAt = row.OutcomeOffset + CumulativeBounds.CountAtOrBelow(u, ref Unsafe.Add(ref boundsBase, boundsAt), row.BoundsStride);
        Debug.Assert(outcomeAt < row.OutcomeOffset + row.OutcomeCount, "a draw picked an outcome beyond its row's");
        ref readonly var outcome = ref Unsafe.Add(ref outcomeBase, outcomeAt);
        if (outcome.Effects >= 0) takenEffects[stepTaken++] = outcome.Effects;
        return outcome.Target;
    }

    /// <summary>The part of a row's context from its third dependency on (rows that read more than two machines).</summary>
    private int FurtherContext(in RowLayout row, int[] current)
    {
        var context = 0;
        for (var d = row.DependencyStart + 2; d < row.DependencyStart + row.DependencyCount; d++)
            context += current[model.DependencyMachine[d]] * model.DependencyStride[d];
        return context;
    }

    private void BuildContext(int machine, int state, int context, long trial, int step)
    {
        ref readonly var row = ref rows[stateOffset[machine] + state];
        var error = TransitionTables.Build(model, machine, state, context, constants, bounds, contextStates, stack, effective);
        if (error is not null) throw new SimulationException(string.Create(CultureInfo.InvariantCulture, $"{error}, in trial {trial} at step {step}"));
        stamps[row.StampOffset + context] = stamp;
    }

    private int StepDynamic(int[] current, int machine, int state, double u, long trial, int step)
    {
        ref readonly var row = ref rows[stateOffset[machine] + state];
        var total = 0.0;
        for (var i = 0; i < row.TransitionCount; i++)
        {
            var transition = model.RowTransitions[row.TransitionStart + i];
            var p = model.EffectiveProbability(transition, constants, variables, current, stack);
            if (!(p >= 0)) throw Invalid(machine, state, trial, step,
                NonFiniteReports.OfTransition(model, transition, constants, variables, current, stack) ?? (double.IsNaN(p)
                    ? "a transition's probability is not a number (0 / 0, or the log of a negative number?)"
                    : string.Create(CultureInfo.InvariantCulture, $"a transition has probability {p}")));
            effective[i] = p;
            total += p;
        }
        if (total > 1 + TransitionTables.Tolerance)
            throw Invalid(machine, state, trial, step, double.IsPositiveInfinity(total)
                ? "a transition's probability is infinite (a division by zero?)"
                : string.Create(CultureInfo.InvariantCulture, $"the outgoing probabilities add up to {total:G6}"));
        var cumulative = 0.0;
        for (var i = 0; i < row.TransitionCount; i++)
        {
            cumulative += effective[i];
            if (u < cumulative)
            {
                ref readonly var transition = ref model.Transitions[model.RowTransitions[row.TransitionStart + i]];
                dynamicEffects = transition.Effects;
                return transition.Target;
            }
        }
        dynamicEffects = -1;
        return state;
    }

    private SimulationException Invalid(int machine, int state, long trial, int step, string problem)
    {
        var definition = model.Scenario.Machines[machine];
        return new SimulationException(string.Create(CultureInfo.InvariantCulture, $"machine '{definition.Name}', state '{definition.States[state]}': {problem}, in trial {trial} at step {step}"));
    }

    private void ApplyStepEffects(int[] current, int taken, bool anyEachStep, int step)
    {
        for (var i = 0; i < taken; i++) ApplyEffects(takenEffects[i], current, step);
        if (!anyEachStep) return;
        for (var m = 0; m < current.Length; m++)
        {
            var effects = rows[stateOffset[m] + current[m]].EachStepEffects;
            if (effects >= 0) ApplyEffects(effects, current, step);
        }
    }

    /// <summary>
    /// Applies effect list <paramref name="list"/>. A variable is checked where it is assigned: an effect that makes it
    /// a value that is not a finite number stops the run, so no later condition ever reads one.
    /// </summary>
    private void ApplyEffects(int list, int[] current, int step)
    {
        var range = model.EffectLists[list];
        var readVariables = model.EffectsReadVariables ? variablesAtStepStart : variables;
        for (var i = range.Start; i < range.Start + range.Count; i++)
        {
            ref readonly var effect = ref model.Effects[i];
            var value = model.Value(effect.Source, constants, readVariables, current, stack);
            ref var variable = ref variables[effect.Variable];
            variable = effect.Operator switch
            {
                EffectOperator.Add => variable + value,
                EffectOperator.Subtract => variable - value,
                EffectOperator.Multiply => variable * value,
                _ => value,
            };
            if (!double.IsFinite(variable)) throw EffectFailed(list, i, step);
        }
    }

    /// <summary>The error for effect <paramref name="effect"/> of list <paramref name="list"/>, which made its variable a value that is not a finite number.</summary>
    private SimulationException EffectFailed(int list, int effect, int step) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{NonFiniteReports.OfEffect(model, list, effect, variables[model.Effects[effect].Variable])}, in trial {currentTrial} at step {step}"));
}
