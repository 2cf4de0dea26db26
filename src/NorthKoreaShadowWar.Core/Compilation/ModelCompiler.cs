using NorthKoreaShadowWar.Expressions;
using NorthKoreaShadowWar.Scenarios;
using NorthKoreaShadowWar.Scenarios.Validation;

namespace NorthKoreaShadowWar.Compilation;

/// <summary>Compiles a resolved scenario into a <see cref="CompiledModel"/>.</summary>
public static class ModelCompiler
{
    /// <summary>A table row with more contexts than this is evaluated dynamically instead.</summary>
    public const int MaximumContextsPerRow = 4096;

    /// <summary>Compiles <paramref name="scenario"/>.</summary>
    public static CompiledModel Compile(ResolvedScenario scenario)
    {
        var parameterIsRandom = scenario.Parameters.Select(p => !p.Distribution.IsFixed && p.Derived is null).ToList();
        var expressions = new ExpressionCompiler(parameterIsRandom);
        foreach (var index in scenario.ParameterEvaluationOrder)
            if (scenario.Parameters[index].Derived is { } derived)
                expressions.DefineParameterSlot(index, derived);

        var machines = scenario.Machines;
        var stateCount = machines.Select(m => m.States.Count).ToArray();
        var stateOffset = new int[machines.Count];
        for (var m = 1; m < machines.Count; m++) stateOffset[m] = stateOffset[m - 1] + stateCount[m - 1];

        var effects = new List<EffectCode>();
        var effectLists = new List<EffectList>();
        var effectsReadVariables = false;
        int CompileEffects(IReadOnlyList<ResolvedEffect> list)
        {
            if (list.Count == 0) return -1;
            effectLists.Add(new EffectList(effects.Count, list.Count));
            foreach (var effect in list)
            {
                effectsReadVariables |= BoundExpressionFacts.ReadsVariables(effect.Value);
                effects.Add(new EffectCode(effect.Variable, effect.Operator, expressions.Source(effect.Value)));
            }
            return effectLists.Count - 1;
        }

        var transitions = new List<TransitionCode>();
        var multipliers = new List<MultiplierCode>();
        var transitionReadsVariables = new List<bool>();
        var transitionMachinesRead = new List<int[]>();
        var transitionIsRandom = new List<bool>();
        var transitionIds = new List<List<int>>();
        foreach (var (machine, m) in machines.Select((machine, m) => (machine, m)))
        {
            var ids = new List<int>();
            foreach (var transition in machine.Transitions)
            {
                var multiplierStart = multipliers.Count;
                var reads = new List<BoundExpression> { transition.Probability };
                if (transition.Guard is { } guard) reads.Add(guard);
                foreach (var (condition, factor) in transition.Multipliers)
                {
                    multipliers.Add(new MultiplierCode(expressions.Program(condition), expressions.Source(factor)));
                    reads.Add(condition);
                    reads.Add(factor);
                }
                var probability = expressions.Source(transition.Probability);
                transitions.Add(new TransitionCode(
                    m, transition.To, transition.Guard is null ? -1 : expressions.Program(transition.Guard),
                    probability, multiplierStart, multipliers.Count - multiplierStart, CompileEffects(transition.Effects)));
                transitionReadsVariables.Add(reads.Any(BoundExpressionFacts.ReadsVariables));
                transitionMachinesRead.Add(reads.SelectMany(BoundExpressionFacts.MachinesRead).Where(x => x != m).Distinct().Order().ToArray());
                transitionIsRandom.Add(expressions.SourceIsRandom(probability) ||
                    multipliers.Skip(multiplierStart).Any(x => expressions.SourceIsRandom(x.FactorSource)));
                ids.Add(transitions.Count - 1);
            }
            transitionIds.Add(ids);
        }

        var rows = new RowLayout[stateOffset[^1] + stateCount[^1]];
        var dependencyMachine = new List<int>();
        var dependencyStride = new List<int>();
        var outcomeTarget = new List<int>();
        var outcomeEffects = new List<int>();
        var outcomeTransitionStart = new List<int>();
        var outcomeTransitionCount = new List<int>();
        var outcomeTransitions = new List<int>();
        var rowTransitions = new List<int>();
        var boundsLength = 0;
        var stampCount = 0;
        void AddStayOutcome(int state)
        {
            outcomeTarget.Add(state);
            outcomeEffects.Add(-1);
            outcomeTransitionStart.Add(outcomeTransitions.Count);
            outcomeTransitionCount.Add(0);
        }
        for (var m = 0; m < machines.Count; m++)
        {
            for (var s = 0; s < stateCount[m]; s++)
            {
                ref var row = ref rows[stateOffset[m] + s];
                row.EachStepEffects = CompileEffects(machines[m].EachStep[s]);
                var leaving = transitionIds[m].Where(t => machines[m].Transitions[transitionIds[m].IndexOf(t)].From.Contains(s)).ToList();
                row.TransitionStart = rowTransitions.Count;
                row.TransitionCount = leaving.Count;
                rowTransitions.AddRange(leaving);
                var groups = OutcomeGroups(leaving, transitions, s);
                if (groups.Count == 0 && leaving.All(t => transitions[t].Effects < 0))
                {
                    row.Kind = RowKind.Stay;
                    row.ContextCount = 1;
                    row.OutcomeOffset = outcomeTarget.Count;
                    row.OutcomeCount = 1;
                    AddStayOutcome(s);
                    row.BoundsStride = 4;
                    row.BoundsOffset = boundsLength;
                    boundsLength += row.BoundsStride;
                    continue;
                }
                var dependencies = leaving.SelectMany(t => transitionMachinesRead[t]).Distinct().Order().ToArray();
                var contexts = 1L;
                foreach (var d in dependencies) contexts = Math.Min(contexts * stateCount[d], long.MaxValue / 64);
                if (leaving.Any(t => transitionReadsVariables[t]) || contexts > MaximumContextsPerRow)
                {
                    row.Kind = RowKind.Dynamic;
                    continue;
                }
                row.Kind = RowKind.Table;
                row.PerTrial = leaving.Any(t => transitionIsRandom[t]);
                row.DependencyStart = dependencyMachine.Count;
                row.DependencyCount = dependencies.Length;
                var stride = 1;
                foreach (var d in dependencies.Reverse())
                {
                    dependencyMachine.Add(d);
                    dependencyStride.Add(stride);
                    stride *= stateCount[d];
                }
                if (dependencies.Length > 0) (row.FirstDependencyMachine, row.FirstDependencyStride) = (dependencyMachine[row.DependencyStart], dependencyStride[row.DependencyStart]);
                if (dependencies.Length > 1) (row.SecondDependencyMachine, row.SecondDependencyStride) = (dependencyMachine[row.DependencyStart + 1], dependencyStride[row.DependencyStart + 1]);
                row.ContextCount = (int)contexts;
                row.OutcomeOffset = outcomeTarget.Count;
                row.OutcomeCount = groups.Count + 1;
                foreach (var group in groups)
                {
                    outcomeTarget.Add(transitions[group[0]].Target);
                    outcomeEffects.Add(transitions[group[0]].Effects);
                    outcomeTransitionStart.Add(outcomeTransitions.Count);
                    outcomeTransitionCount.Add(group.Count);
                    outcomeTransitions.AddRange(group);
                }
                AddStayOutcome(s);
                row.BoundsStride = Math.Max(4, (groups.Count + 3) / 4 * 4);
                row.BoundsOffset = boundsLength;
                boundsLength += row.ContextCount * row.BoundsStride;
                if (row.PerTrial)
                {
                    row.StampOffset = stampCount;
                    stampCount += row.ContextCount;
                }
            }
        }

        for (var r = 0; r < rows.Length; r++)
            rows[r].Flags = (byte)((rows[r].Kind == RowKind.Stay ? 0 : CompiledModel.MovableFlag) | (rows[r].EachStepEffects >= 0 ? CompiledModel.EachStepFlag : 0));

        var firstStep = new List<ConditionCode>();
        var stepsIn = new List<ConditionCode>();
        var values = new List<int>();
        var valueAt = new List<int>();
        var outcomeTracker = new int[scenario.Outcomes.Count];
        foreach (var (outcome, i) in scenario.Outcomes.Select((o, i) => (o, i)))
        {
            switch (outcome.Kind)
            {
                case OutcomeKind.Reached or OutcomeKind.FirstStep:
                    outcomeTracker[i] = firstStep.Count;
                    firstStep.Add(Condition(outcome.Condition!, expressions));
                    break;
                case OutcomeKind.StepsIn:
                    outcomeTracker[i] = stepsIn.Count;
                    stepsIn.Add(Condition(outcome.Condition!, expressions));
                    break;
                case OutcomeKind.Value:
                    outcomeTracker[i] = values.Count;
                    values.Add(expressions.Program(outcome.Value!));
                    valueAt.Add(outcome.At);
                    break;
                default:
                    outcomeTracker[i] = outcome.Machine;
                    break;
            }
        }
        var variableInitialSources = scenario.Variables.Select(v => ~expressions.Program(v.Initial)).ToArray();
        var initialDistributions = machines.Select((machine, m) => machine.InitialShares.Count == 0 ? null
                : new InitialDistributionCode(m, machine.InitialShares.Select(s => s.State).ToArray(),
                    machine.InitialShares.Select(s => expressions.Source(s.Probability)).ToArray()))
            .OfType<InitialDistributionCode>().ToArray();

        var code = expressions.Code.ToArray();
        var programs = expressions.Programs.Select(p => new ProgramRange(p.Start, p.Length)).ToArray();
        var maxStack = expressions.Programs.Count == 0 ? 1 : expressions.Programs.Max(p => p.StackDepth);
        var fixedSlots = new double[expressions.SlotCount];
        var parameterDistributions = scenario.Parameters.Select(p => p.Distribution).ToArray();
        for (var p = 0; p < scenario.Parameters.Count; p++)
            if (parameterDistributions[p] is FixedValue fixedValue) fixedSlots[p] = fixedValue.Value;
        var stack = new double[maxStack];
        var perTrialSlotPrograms = new List<(int, int)>();
        foreach (var (slot, program) in expressions.SlotPrograms)
        {
            if (expressions.SlotIsRandom[slot])
            {
                perTrialSlotPrograms.Add((slot, program));
                continue;
            }
            var range = programs[program];
            var value = ProgramEvaluator.Evaluate(code.AsSpan(range.Start, range.Length), fixedSlots, [], [], stack);
            fixedSlots[slot] = ClipDerived(scenario, slot, value);
        }

        var correlatedGroups = CorrelatedGroup.Compile(scenario);
        var model = new CompiledModel
        {
            Scenario = scenario,
            StateOffset = stateOffset,
            StateCount = stateCount,
            InitialState = machines.Select(m => m.InitialState).ToArray(),
            InitialDistributions = initialDistributions,
            Code = code,
            Programs = programs,
            MaxStackDepth = maxStack,
            FixedSlots = fixedSlots,
            RandomParameters = Enumerable.Range(0, scenario.Parameters.Count).Where(p => parameterIsRandom[p]).ToArray(),
            IndependentParameters = Enumerable.Range(0, scenario.Parameters.Count)
                .Where(p => parameterIsRandom[p] && !correlatedGroups.Any(g => g.Parameters.Contains(p))).ToArray(),
            CorrelatedGroups = correlatedGroups,
            ParameterDistributions = parameterDistributions,
            PerTrialSlotPrograms = [.. perTrialSlotPrograms],
            VariableInitialisationOrder = [.. scenario.VariableInitialisationOrder],
            VariableInitialSources = variableInitialSources,
            Rows = rows,
            DependencyMachine = [.. dependencyMachine],
            DependencyStride = [.. dependencyStride],
            Outcomes = outcomeTarget.Zip(outcomeEffects, (target, effects) => new OutcomeCode(target, effects)).ToArray(),
            OutcomeTransitionStart = [.. outcomeTransitionStart],
            OutcomeTransitionCount = [.. outcomeTransitionCount],
            OutcomeTransitions = [.. outcomeTransitions],
            FixedBounds = new double[boundsLength],
            StampCount = stampCount,
            Transitions = [.. transitions],
            RowTransitions = [.. rowTransitions],
            Multipliers = [.. multipliers],
            Effects = [.. effects],
            EffectLists = [.. effectLists],
            EffectsReadVariables = effectsReadVariables,
            FirstStepConditions = [.. firstStep],
            StepsInConditions = [.. stepsIn],
            ValuePrograms = [.. values],
            ValueAtStep = [.. valueAt],
            OutcomeTracker = outcomeTracker,
        };
        TransitionTables.FillFixedRows(model);
        return model;
    }

    /// <summary>A derived parameter's value, clipped when its definition says so.</summary>
    internal static double ClipDerived(ResolvedScenario scenario, int slot, double value) =>
        slot < scenario.Parameters.Count && scenario.Parameters[slot].Distribution.Clip is { } clip
            ? Math.Clamp(value, clip.Lower, clip.Upper)
            : value;

    /// <summary>
    /// Groups the transitions leaving state <paramref name="state"/> into outcomes: transitions without effects
    /// and the same target add up into one outcome; a transition with effects is an outcome of its own (so its
    /// effects apply only when it is the one taken). Effect-free self-loops are the same as staying and are left out.
    /// </summary>
    private static List<List<int>> OutcomeGroups(List<int> leaving, List<TransitionCode> transitions, int state)
    {
        var groups = new List<List<int>>();
        foreach (var t in leaving)
        {
            var transition = transitions[t];
            if (transition.Effects < 0 && transition.Target == state) continue;
            var group = transition.Effects < 0
                ? groups.FirstOrDefault(g => transitions[g[0]].Effects < 0 && transitions[g[0]].Target == transition.Target)
                : null;
            if (group is null) groups.Add([t]);
            else group.Add(t);
        }
        return groups;
    }

    private static ConditionCode Condition(BoundExpression condition, ExpressionCompiler expressions) =>
        condition is BoundStateTest test
            ? new ConditionCode(test.Machine, test.StateMask, -1, false)
            : new ConditionCode(-1, 0, expressions.Program(condition), BoundExpressionFacts.ReadsVariables(condition));
}
