using System.Numerics;
using System.Runtime.CompilerServices;
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
internal sealed class TrialSimulator
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
    private int stamp;

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
    }

    /// <summary>What this simulator has counted so far.</summary>
    public TrialTallies Tallies { get; }

    /// <summary>Runs trial <paramref name="trial"/> and adds it to <see cref="Tallies"/>; returns the final values of the value outcomes in <paramref name="values"/>.</summary>
    public void Run(long trial, Span<double> values)
    {
        var machineCount = states.Length;
        var horizon = model.Horizon;
        var totalStates = model.TotalStates;
        var occupancy = Tallies.Occupancy;
        var outcomeTarget = model.OutcomeTarget;
        var outcomeEffects = model.OutcomeEffects;
        var dependencyMachine = model.DependencyMachine;
        var dependencyStride = model.DependencyStride;
        var effectsReadVariables = model.EffectsReadVariables;

        if (++stamp == 0)
        {
            Array.Clear(stamps);
            stamp = 1;
        }
        DrawParameters(trial);
        InitialiseVariables();
        model.InitialState.CopyTo(states, 0);
        for (var m = 0; m < machineCount; m++) occupancy[stateOffset[m] + states[m]]++;
        var pendingFirstSteps = StartTrackers();

        var random = RandomStreams.For(seed, trial, RandomStreams.Transitions);
        var step = 1;
        for (; step <= horizon; step++)
        {
            if (effectsReadVariables) variables.CopyTo(variablesAtStepStart, 0);
            var taken = 0;
            var allStay = true;
            var anyEachStep = false;
            var occupancyRow = step * totalStates;
            for (var m = 0; m < machineCount; m++)
            {
                var state = states[m];
                ref readonly var row = ref rows[stateOffset[m] + state];
                int target;
                if (row.Kind == RowKind.Table)
                {
                    var context = 0;
                    for (var d = row.DependencyStart; d < row.DependencyStart + row.DependencyCount; d++)
                        context += states[dependencyMachine[d]] * dependencyStride[d];
                    if (row.PerTrial && stamps[row.StampOffset + context] != stamp)
                        BuildContext(m, state, context, trial, step);
                    var outcome = row.OutcomeOffset + CountBoundsAtOrBelow(random.NextDouble(), ref bounds[row.BoundsOffset + context * row.BoundsStride], row.BoundsStride);
                    target = outcomeTarget[outcome];
                    var effects = outcomeEffects[outcome];
                    if (effects >= 0) takenEffects[taken++] = effects;
                }
                else if (row.Kind == RowKind.Stay)
                {
                    target = state;
                }
                else
                {
                    target = StepDynamic(m, state, ref random, trial, step, out var effects);
                    if (effects >= 0) takenEffects[taken++] = effects;
                }
                nextStates[m] = target;
                ref readonly var nextRow = ref rows[stateOffset[m] + target];
                occupancy[occupancyRow + stateOffset[m] + target]++;
                allStay &= nextRow.Kind == RowKind.Stay;
                anyEachStep |= nextRow.EachStepEffects >= 0;
            }
            nextStates.CopyTo(states, 0);
            for (var i = 0; i < taken; i++) ApplyEffects(takenEffects[i]);
            if (anyEachStep)
            {
                for (var m = 0; m < machineCount; m++)
                {
                    var effects = rows[stateOffset[m] + states[m]].EachStepEffects;
                    if (effects >= 0) ApplyEffects(effects);
                }
            }
            if (pendingFirstSteps > 0) pendingFirstSteps = CheckFirstSteps(step, pendingFirstSteps);
            if (stepsIn.Length > 0) CountStepsIn();
            if (allStay && !anyEachStep)
            {
                FinishFrozenTrial(step);
                break;
            }
        }
        Tallies.MachineSteps += (long)Math.Min(step, horizon) * machineCount;
        Tallies.Trials++;
        RecordTrackers();
        for (var i = 0; i < values.Length; i++)
            values[i] = model.Evaluate(model.ValuePrograms[i], constants, variables, states, stack);
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

    private int StepDynamic(int machine, int state, ref Xoshiro256StarStar random, long trial, int step, out int effects)
    {
        ref readonly var row = ref rows[stateOffset[machine] + state];
        var total = 0.0;
        for (var i = 0; i < row.TransitionCount; i++)
        {
            var p = model.EffectiveProbability(model.RowTransitions[row.TransitionStart + i], constants, variables, states, stack);
            if (!(p >= 0)) throw Invalid(machine, state, trial, step, $"a transition has probability {p}");
            effective[i] = p;
            total += p;
        }
        if (total > 1 + TransitionTables.Tolerance)
            throw Invalid(machine, state, trial, step, $"the outgoing probabilities add up to {total:G6}");
        var u = random.NextDouble();
        var cumulative = 0.0;
        for (var i = 0; i < row.TransitionCount; i++)
        {
            cumulative += effective[i];
            if (u < cumulative)
            {
                ref readonly var transition = ref model.Transitions[model.RowTransitions[row.TransitionStart + i]];
                effects = transition.Effects;
                return transition.Target;
            }
        }
        effects = -1;
        return state;
    }

    private SimulationException Invalid(int machine, int state, long trial, int step, string problem)
    {
        var definition = model.Scenario.Machines[machine];
        return new SimulationException($"machine '{definition.Name}', state '{definition.States[state]}': {problem}, in trial {trial} at step {step}");
    }

    private void ApplyEffects(int list)
    {
        var range = model.EffectLists[list];
        var readVariables = model.EffectsReadVariables ? variablesAtStepStart : variables;
        for (var i = range.Start; i < range.Start + range.Count; i++)
        {
            ref readonly var effect = ref model.Effects[i];
            var value = model.Value(effect.Source, constants, readVariables, states, stack);
            ref var variable = ref variables[effect.Variable];
            variable = effect.Operator switch
            {
                EffectOperator.Add => variable + value,
                EffectOperator.Subtract => variable - value,
                EffectOperator.Multiply => variable * value,
                _ => value,
            };
        }
    }

    private void DrawParameters(long trial)
    {
        foreach (var parameter in model.RandomParameters)
        {
            parameterRandom.Reset(RandomStreams.For(seed, trial, RandomStreams.ForParameter(parameter)));
            constants[parameter] = model.ParameterDistributions[parameter].Sample(parameterRandom);
        }
        foreach (var (slot, program) in model.PerTrialSlotPrograms)
            constants[slot] = ModelCompiler.ClipDerived(model.Scenario, slot, model.Evaluate(program, constants, [], [], stack));
    }

    private void InitialiseVariables()
    {
        foreach (var variable in model.VariableInitialisationOrder)
            variables[variable] = model.Evaluate(~model.VariableInitialSources[variable], constants, variables, [], stack);
    }

    private int StartTrackers()
    {
        Array.Fill(firstStep, -1);
        Array.Clear(stepsIn);
        return CheckFirstSteps(0, firstStep.Length);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Holds(in ConditionCode condition) =>
        condition.Program < 0
            ? ((condition.Mask >> states[condition.Machine]) & 1UL) != 0
            : model.Evaluate(condition.Program, constants, variables, states, stack) != 0;

    private int CheckFirstSteps(int step, int pending)
    {
        var conditions = model.FirstStepConditions;
        for (var i = 0; i < conditions.Length; i++)
        {
            if (firstStep[i] >= 0 || !Holds(conditions[i])) continue;
            firstStep[i] = step;
            pending--;
        }
        return pending;
    }

    private void CountStepsIn()
    {
        var conditions = model.StepsInConditions;
        for (var i = 0; i < conditions.Length; i++)
        {
            var holds = Holds(conditions[i]);
            stepsInHolds[i] = holds;
            if (holds) stepsIn[i]++;
        }
    }

    /// <summary>
    /// Every machine is in a state it cannot leave and no variable changes any more: the remaining steps
    /// would repeat this one, so they are counted without being simulated.
    /// </summary>
    private void FinishFrozenTrial(int step)
    {
        var remaining = model.Horizon - step;
        if (remaining == 0) return;
        var tail = Tallies.FrozenTailStarts;
        var from = (step + 1) * model.TotalStates;
        for (var m = 0; m < states.Length; m++) tail[from + stateOffset[m] + states[m]]++;
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
