using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using NorthKoreaShadowWar.Compilation;
using NorthKoreaShadowWar.Diagnostics;
using NorthKoreaShadowWar.Scenarios;

namespace NorthKoreaShadowWar.Simulation;

/// <summary>
/// The hot loop: runs one trial at a time over the flat arrays of a <see cref="CompiledModel"/> and adds what
/// it saw to its own <see cref="TrialTallies"/>. One instance per worker thread; nothing is allocated per trial
/// or per step.
/// <para>
/// Step t (1..horizon) moves every machine once, reading the states and variables as they were at the start
/// of the step; then the effects of the transitions taken apply, in file order; then the <c>each_step</c>
/// effects of the states now occupied. Effect values read the variables as they were at the start of the step.
/// Outcome conditions are tested after step t (and at t = 0 on the initial state).
/// </para>
/// </summary>
internal sealed partial class TrialSimulator
{
    private readonly CompiledModel model;
    private readonly ulong seed;
    private readonly RowLayout[] rows;
    private readonly int[] stateOffset;
    private readonly int[] states;
    private readonly int[] nextStates;
    private readonly int[] contextStates;
    private readonly double[] variables;
    private readonly double[] variablesAtStepStart;
    private readonly double[] constants;
    private readonly double[] bounds;
    private readonly int[] stamps;
    private readonly double[] stack;
    private readonly double[] effective;
    private readonly int[] takenEffects;
    private readonly int[] firstStep;
    private readonly int[] stepsIn;
    private readonly bool[] stepsInHolds;
    private readonly StreamRandom parameterRandom = new();
    private readonly UniformBuffer uniforms = new();
    private readonly bool hasTimedValues;
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
    private int stamp;
    /// <summary>The trial being run, for the errors that name it.</summary>
    private long currentTrial;
    /// <summary>The effects of the transition the last dynamic row took, or -1.</summary>
    private int dynamicEffects;
    /// <summary>What the current step has gathered so far: effects taken, and the flags of the states entered.</summary>
    private int stepTaken;
    private int stepFlags;

    public TrialSimulator(CompiledModel model, ulong seed)
    {
        this.model = model;
        this.seed = seed;
        rows = model.Rows;
        stateOffset = model.StateOffset;
        states = new int[model.MachineCount];
        nextStates = new int[model.MachineCount];
        contextStates = new int[model.MachineCount];
        variables = new double[model.VariableCount];
        variablesAtStepStart = new double[model.VariableCount];
        constants = (double[])model.FixedSlots.Clone();
        bounds = model.StampCount > 0 ? (double[])model.FixedBounds.Clone() : model.FixedBounds;
        stamps = new int[model.StampCount];
        stack = new double[Math.Max(1, model.MaxStackDepth)];
        effective = new double[Math.Max(1, model.RowTransitions.Length)];
        takenEffects = new int[model.MachineCount];
        firstStep = new int[model.FirstStepConditions.Length];
        stepsIn = new int[model.StepsInConditions.Length];
        stepsInHolds = new bool[model.StepsInConditions.Length];
        Tallies = new TrialTallies(model);
        hasTimedValues = model.ValueAtStep.Any(step => step >= 0);
        tableLoop = TableTrialLoop.For(model);
        history = tableLoop is null ? [] : new int[(model.Horizon + 1) * 2 * model.MachineCount];
        secondLane = (model.Horizon + 1) * model.MachineCount;
    }

    /// <summary>What this simulator has counted so far.</summary>
    public TrialTallies Tallies { get; }

    /// <summary>
    /// Values for the random parameters (in <see cref="CompiledModel.RandomParameters"/> order) that replace their
    /// draws in the trials run from now on, or null to draw them as usual. Values computed from parameters are
    /// computed from these. Used by designs that choose the parameters themselves (sensitivity analysis).
    /// </summary>
    public double[]? FixedParameters { get; set; }

    /// <summary>
    /// Runs trial <paramref name="trial"/> and adds it to <see cref="Tallies"/>; returns the values of the value
    /// outcomes in <paramref name="values"/>. An <paramref name="observer"/>, if given, sees the initial state and
    /// every simulated step (it does not change any number).
    /// </summary>
    public void Run(long trial, Span<double> values, ITrialObserver? observer = null)
    {
        var machineCount = states.Length;
        var horizon = model.Horizon;

        var tableTrial = tableLoop is not null && observer is null;
        var pendingFirstSteps = StartTrial(trial, values, observer, countInitialStates: !tableTrial);
        uniforms.Reset(RandomStreams.For(seed, trial, RandomStreams.Transitions));
        if (tableTrial)
        {
            StartHistory(0);
            var last = tableLoop!.Run(history, 0, machineCount, 1, horizon, Tallies.Occupancy, uniforms);
            FinishTableTrial(values, pendingFirstSteps, 0, last);
            return;
        }
        var (lastSimulated, _) = RunSteps(1, horizon, trial, values, observer, ref pendingFirstSteps);
        FinishTrial(lastSimulated, values);
    }

    /// <summary>
    /// Simulates steps <paramref name="from"/> to <paramref name="to"/> of the current trial through the general loop,
    /// drawing from <see cref="uniforms"/>. Returns the last step simulated, and whether the trial froze there (every
    /// machine in a state it cannot leave, no variable changing: see <see cref="FinishFrozenTrial"/>).
    /// </summary>
    private (int Last, bool Frozen) RunSteps(int from, int to, long trial, Span<double> values, ITrialObserver? observer, ref int pendingFirstSteps)
    {
        var machineCount = states.Length;
        var effectsReadVariables = model.EffectsReadVariables;
        var timedValues = hasTimedValues;
        var current = states;
        var next = nextStates;
        var step = from;
        var frozen = false;
        for (; step <= to; step++)
        {
            if (effectsReadVariables) variables.CopyTo(variablesAtStepStart, 0);
            stepTaken = 0;
            stepFlags = 0;
            for (var m = 0; (m = MoveMachines(current, next, step, m)) < machineCount;)
                m = MoveMachineSlowly(current, next, step, m, trial);
            var taken = stepTaken;
            var allStay = (stepFlags & CompiledModel.MovableFlag) == 0;
            var anyEachStep = (stepFlags & CompiledModel.EachStepFlag) != 0;
            (current, next) = (next, current);
            if (taken > 0 || anyEachStep) ApplyStepEffects(current, taken, anyEachStep, step);
            if (pendingFirstSteps > 0) pendingFirstSteps = CheckFirstSteps(current, step, pendingFirstSteps);
            if (stepsIn.Length > 0) CountStepsIn(current, step);
            if (timedValues) RecordValuesAt(step, values, current);
            observer?.OnStep(step, next, current, variables);
            if (allStay && !anyEachStep)
            {
                FinishFrozenTrial(current, step);
                frozen = true;
                break;
            }
        }
        if (!ReferenceEquals(current, states)) current.CopyTo(states, 0);
        return (Math.Min(step, to), frozen);
    }

    /// <summary>
    /// Runs trials <paramref name="trial"/> and <paramref name="trial"/> + 1, exactly as two calls of <see cref="Run"/>
    /// would (the same tallies, the values of each in <paramref name="first"/> and <paramref name="second"/>), but
    /// through the table loop side by side when the model allows it, so that the two overlap in the processor.
    /// <see cref="ReadOutcomes"/> then reads the second trial's.
    /// </summary>
    public void RunTwo(long trial, Span<double> first, Span<double> second)
    {
        if (tableLoop is null)
        {
            Run(trial, first);
            Run(trial + 1, second);
            return;
        }
        var machineCount = states.Length;
        // The loop reads only the initial states and the draws; everything else of a trial is worked out after it,
        // one trial at a time.
        StartHistory(0);
        StartHistory(secondLane);
        uniforms.Reset(RandomStreams.For(seed, trial, RandomStreams.Transitions));
        secondUniforms.Reset(RandomStreams.For(seed, trial + 1, RandomStreams.Transitions));
        var (lastFirst, lastSecond) = tableLoop.RunTwo(history, secondLane, machineCount, model.Horizon, Tallies.Occupancy, Tallies.SecondLaneOccupancy, uniforms, secondUniforms);
        FinishTableTrial(first, StartTrial(trial, first, null, countInitialStates: false), 0, lastFirst);
        FinishTableTrial(second, StartTrial(trial + 1, second, null, countInitialStates: false), secondLane, lastSecond);
    }

    /// <summary>
    /// Sets up trial <paramref name="trial"/> up to its first step: parameters, variables, initial states and their
    /// occupancy (unless <paramref name="countInitialStates"/> is false: the table loop counts them), trackers and
    /// values due at step 0. Returns the first-step conditions still pending.
    /// </summary>
    private int StartTrial(long trial, Span<double> values, ITrialObserver? observer, bool countInitialStates)
    {
        if (++stamp == 0)
        {
            Array.Clear(stamps);
            stamp = 1;
        }
        currentTrial = trial;
        DrawParameters(trial);
        InitialiseVariables();
        model.InitialState.CopyTo(states, 0);
        if (countInitialStates)
        {
            var occupancy = Tallies.Occupancy;
            for (var m = 0; m < states.Length; m++) occupancy[stateOffset[m] + states[m]]++;
        }
        var pendingFirstSteps = StartTrackers();
        observer?.OnStart(trial, constants, states, variables);
        if (hasTimedValues) RecordValuesAt(0, values, states);
        return pendingFirstSteps;
    }

    /// <summary>Writes the initial states, numbered over all machines, to row 0 of <see cref="history"/> at <paramref name="lane"/>.</summary>
    private void StartHistory(int lane)
    {
        var initial = model.InitialState;
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

    /// <summary>
    /// Moves machines <paramref name="first"/>, <paramref name="first"/> + 1, ... once (step <paramref name="step"/>):
    /// the innermost loop. Reads <paramref name="current"/>, writes <paramref name="next"/> and the occupancy of the
    /// step, and notes the effects of the transitions taken. Draws come from <see cref="UniformBuffer"/>. It calls
    /// nothing: at a machine that needs more (a row computed every step, a per-trial table entry not built yet
    /// this trial, a used-up block of draws) it stops and returns that machine's index, for
    /// <see cref="MoveMachineSlowly"/>; it returns the machine count when every machine has moved.
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
            if (row.Kind == RowKind.Table)
            {
                if (row.DependencyCount > 2 || row.PerTrial) break;
                var context = Unsafe.Add(ref currentStates, row.FirstDependencyMachine) * row.FirstDependencyStride
                            + Unsafe.Add(ref currentStates, row.SecondDependencyMachine) * row.SecondDependencyStride;
                if (draw == UniformBuffer.Length) break;
                var u = Unsafe.Add(ref draws, draw++);
                ref readonly var outcome = ref Unsafe.Add(ref outcomeBase, row.OutcomeOffset + CountBoundsAtOrBelow(u, ref Unsafe.Add(ref boundsBase, row.BoundsOffset + context * row.BoundsStride), row.BoundsStride));
                target = outcome.Target;
                if (outcome.Effects >= 0) takenEffects[stepTaken++] = outcome.Effects;
            }
            else if (row.Kind == RowKind.Stay)
            {
                // A machine that cannot leave its state draws nothing.
                target = state;
            }
            else
            {
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
    /// read variables, a per-trial table, a row reading more than two machines, or a used-up block of draws.
    /// Returns the machine to go on from.
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
            var outcome = model.Outcomes[row.OutcomeOffset + CountBoundsAtOrBelow(uniforms.NextDouble(), ref bounds[row.BoundsOffset + context * row.BoundsStride], row.BoundsStride)];
            target = outcome.Target;
            if (outcome.Effects >= 0) takenEffects[stepTaken++] = outcome.Effects;
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

    /// <summary>The part of a row's context from its third dependency on (rows that read more than two machines).</summary>
    private int FurtherContext(in RowLayout row, int[] current)
    {
        var context = 0;
        for (var d = row.DependencyStart + 2; d < row.DependencyStart + row.DependencyCount; d++)
            context += current[model.DependencyMachine[d]] * model.DependencyStride[d];
        return context;
    }

    /// <summary>Counts the cumulative bounds at or below <paramref name="u"/>: the index of the outcome drawn.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int CountBoundsAtOrBelow(double u, ref double bounds, int stride)
    {
        if (Vector256.IsHardwareAccelerated)
        {
            var draw = Vector256.Create(u);
            var count = BitOperations.PopCount(Vector256.GreaterThanOrEqual(draw, Vector256.LoadUnsafe(ref bounds)).ExtractMostSignificantBits());
            for (var j = 4; j < stride; j += 4)
                count += BitOperations.PopCount(Vector256.GreaterThanOrEqual(draw, Vector256.LoadUnsafe(ref bounds, (nuint)j)).ExtractMostSignificantBits());
            return count;
        }
        var scalarCount = 0;
        for (var j = 0; j < stride; j++)
            scalarCount += u >= Unsafe.Add(ref bounds, j) ? 1 : 0;
        return scalarCount;
    }

    private void BuildContext(int machine, int state, int context, long trial, int step)
    {
        var error = TransitionTables.Build(model, machine, state, context, constants, bounds, contextStates, stack, effective);
        if (error is not null) throw new SimulationException($"{error}, in trial {trial} at step {step}");
        stamps[rows[stateOffset[machine] + state].StampOffset + context] = stamp;
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
                    : $"a transition has probability {p}"));
            effective[i] = p;
            total += p;
        }
        if (total > 1 + TransitionTables.Tolerance)
            throw Invalid(machine, state, trial, step, double.IsPositiveInfinity(total)
                ? "a transition's probability is infinite (a division by zero?)"
                : $"the outgoing probabilities add up to {total:G6}");
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
        return new SimulationException($"machine '{definition.Name}', state '{definition.States[state]}': {problem}, in trial {trial} at step {step}");
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
            if (!double.IsFinite(variable))
                throw new SimulationException($"{NonFiniteReports.OfEffect(model, list, i, variable)}, in trial {currentTrial} at step {step}");
        }
    }

    private void RecordValuesAt(int step, Span<double> values, ReadOnlySpan<int> current)
    {
        for (var i = 0; i < values.Length; i++)
            if (model.ValueAtStep[i] == step)
                values[i] = model.Evaluate(model.ValuePrograms[i], constants, variables, current, stack);
    }

    private void DrawParameters(long trial)
    {
        if (FixedParameters is { } fixedValues) ParameterDraws.Set(model, fixedValues, constants, stack);
        else ParameterDraws.Draw(model, seed, trial, constants, parameterRandom, stack);
    }

    private static bool HappenedWithin(int step, int within) => step >= 0 && step <= within;

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

    private void InitialiseVariables()
    {
        foreach (var variable in model.VariableInitialisationOrder)
        {
            var value = model.Evaluate(~model.VariableInitialSources[variable], constants, variables, [], stack);
            if (!double.IsFinite(value))
                throw new SimulationException($"{NonFiniteReports.OfInitialValue(model, variable, value)}, in trial {currentTrial} at step 0");
            variables[variable] = value;
        }
    }

    private int StartTrackers()
    {
        Array.Fill(firstStep, -1);
        Array.Clear(stepsIn);
        return CheckFirstSteps(states, 0, firstStep.Length);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Holds(in ConditionCode condition, ReadOnlySpan<int> current, int step)
    {
        if (condition.Program < 0) return ((condition.Mask >> current[condition.Machine]) & 1UL) != 0;
        var answer = model.Evaluate(condition.Program, constants, variables, current, stack);
        if (double.IsNaN(answer)) throw Unanswered(condition.Program, current, step);
        return answer != 0;
    }

    /// <summary>The error for an outcome condition that has no answer (a comparison with a value that is not a finite number).</summary>
    private SimulationException Unanswered(int program, ReadOnlySpan<int> current, int step) =>
        new($"{NonFiniteReports.OfOutcome(model, program, constants, variables, current, stack)}, in trial {currentTrial} at step {step}");

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

    /// <summary>
    /// Every machine is in a state it cannot leave and no variable changes any more: the remaining steps
    /// would repeat this one, so they are counted without being simulated.
    /// </summary>
    private void FinishFrozenTrial(ReadOnlySpan<int> current, int step)
    {
        var remaining = model.Horizon - step;
        if (remaining == 0) return;
        var tail = Tallies.FrozenTailStarts;
        var from = (step + 1) * model.TotalStates;
        for (var m = 0; m < current.Length; m++) tail[from + stateOffset[m] + current[m]]++;
        for (var i = 0; i < stepsIn.Length; i++)
            if (stepsInHolds[i]) stepsIn[i] += remaining;
    }

    private void RecordTrackers()
    {
        for (var i = 0; i < firstStep.Length; i++)
            Tallies.FirstStep[i][firstStep[i] < 0 ? model.Horizon + 1 : firstStep[i]]++;
        for (var i = 0; i < stepsIn.Length; i++)
            Tallies.StepsIn[i][stepsIn[i]]++;
    }
}
