using NorthKoreaShadowWar.Scenarios;
using NorthKoreaShadowWar.Scenarios.Validation;

namespace NorthKoreaShadowWar.Compilation;

/// <summary>
/// A scenario flattened into arrays for the simulator: machines and states as small integers, every
/// condition and expression as a program or a trial constant slot, and transition probabilities as
/// cumulative bounds per row and context. Immutable once built; shared by all worker threads.
/// </summary>
internal sealed class CompiledModel
{
    /// <summary>
    /// Gathers what the passes of <see cref="ModelCompiler.Compile"/> produced. Every property is get-only and set
    /// here, so the nullable analysis (warnings are errors) refuses a model with an array left out.
    /// </summary>
    internal CompiledModel(ResolvedScenario scenario, DrawnParameters parameters, MachineStates states, CompiledTransitions transitions,
        EffectListCompiler effects, RowLayoutBuilder rows, OutcomeTrackers trackers, int[] variableInitialSources,
        InitialDistributionCode[] initialDistributions, TrialConstants constants)
    {
        Scenario = scenario;
        StateOffset = states.Offset;
        StateCount = states.Count;
        InitialState = scenario.Machines.Select(m => m.InitialState).ToArray();
        InitialDistributions = initialDistributions;
        Code = constants.Code;
        Programs = constants.Programs;
        MaxStackDepth = constants.MaxStackDepth;
        FixedSlots = constants.FixedSlots;
        RandomParameters = parameters.Random;
        IndependentParameters = parameters.Independent;
        CorrelatedGroups = parameters.CorrelatedGroups;
        ParameterDistributions = parameters.Distributions;
        PerTrialSlotPrograms = constants.PerTrialSlotPrograms;
        VariableInitialisationOrder = [.. scenario.VariableInitialisationOrder];
        VariableInitialSources = variableInitialSources;
        Rows = rows.Rows;
        DependencyMachine = rows.DependencyMachine;
        DependencyStride = rows.DependencyStride;
        Outcomes = rows.Outcomes;
        OutcomeTransitionStart = rows.OutcomeTransitionStart;
        OutcomeTransitionCount = rows.OutcomeTransitionCount;
        OutcomeTransitions = rows.OutcomeTransitions;
        FixedBounds = new double[rows.BoundsLength];
        StampCount = rows.StampCount;
        Transitions = [.. transitions.Codes];
        RowTransitions = rows.RowTransitions;
        Multipliers = [.. transitions.Multipliers];
        Effects = effects.Effects;
        EffectLists = effects.Lists;
        EffectsReadVariables = effects.ReadVariables;
        FirstStepConditions = trackers.FirstStepConditions;
        StepsInConditions = trackers.StepsInConditions;
        ValuePrograms = trackers.ValuePrograms;
        ValueAtStep = trackers.ValueAtStep;
        OutcomeTracker = trackers.Tracker;
    }

    /// <summary>The resolved scenario this was compiled from (names, for reporting).</summary>
    public ResolvedScenario Scenario { get; }

    /// <summary>Steps per trial.</summary>
    public int Horizon => Scenario.Horizon;

    internal int[] StateOffset { get; }
    internal int[] StateCount { get; }
    internal int[] InitialState { get; }
    /// <summary>The machines whose initial state is drawn, in file order (drawn at each trial's setup: docs/scenario-format.md, "Uncertain starting points").</summary>
    internal InitialDistributionCode[] InitialDistributions { get; }
    internal int MachineCount => StateCount.Length;
    internal int TotalStates => StateOffset[^1] + StateCount[^1];

    internal Instruction[] Code { get; }
    internal ProgramRange[] Programs { get; }
    internal int MaxStackDepth { get; }

    /// <summary>Slot values that are the same in every trial, computed once; the others are overwritten each trial.</summary>
    internal double[] FixedSlots { get; }
    internal int[] RandomParameters { get; }
    /// <summary>The random parameters drawn on their own: those of <see cref="RandomParameters"/> in no correlated group.</summary>
    internal int[] IndependentParameters { get; }
    /// <summary>Random parameters drawn together through a Gaussian copula (the scenario's <c>correlations</c>).</summary>
    internal CorrelatedGroup[] CorrelatedGroups { get; }
    internal ParameterDistribution[] ParameterDistributions { get; }
    /// <summary>Programs that fill random slots each trial, in dependency order.</summary>
    internal (int Slot, int Program)[] PerTrialSlotPrograms { get; }

    internal int[] VariableInitialisationOrder { get; }
    internal int[] VariableInitialSources { get; }
    internal int VariableCount => VariableInitialSources.Length;

    internal RowLayout[] Rows { get; }

    /// <summary>Bit of <see cref="RowLayout.Flags"/>: the machine can still leave this state (the row is not <see cref="RowKind.Stay"/>).</summary>
    internal const int MovableFlag = 1;

    /// <summary>Bit of <see cref="RowLayout.Flags"/>: the state has <c>each_step</c> effects.</summary>
    internal const int EachStepFlag = 2;
    internal int[] DependencyMachine { get; }
    internal int[] DependencyStride { get; }
    internal OutcomeCode[] Outcomes { get; }
    /// <summary>For each non-stay outcome of a table row, the transitions whose probabilities add up to it.</summary>
    internal int[] OutcomeTransitionStart { get; }
    internal int[] OutcomeTransitionCount { get; }
    internal int[] OutcomeTransitions { get; }
    internal double[] FixedBounds { get; }
    internal int StampCount { get; }

    internal TransitionCode[] Transitions { get; }
    internal int[] RowTransitions { get; }
    internal MultiplierCode[] Multipliers { get; }
    internal EffectCode[] Effects { get; }
    internal EffectList[] EffectLists { get; }
    /// <summary>True when some effect reads a variable, so variables are copied at the start of each step.</summary>
    internal bool EffectsReadVariables { get; }

    internal ConditionCode[] FirstStepConditions { get; }
    internal ConditionCode[] StepsInConditions { get; }
    internal int[] ValuePrograms { get; }
    /// <summary>For each value outcome, the step after which it is read, or -1 for after the last step.</summary>
    internal int[] ValueAtStep { get; }
    /// <summary>For each outcome of the scenario, the index of its tracker (first-step, steps-in or value), or its machine for <c>final</c>.</summary>
    internal int[] OutcomeTracker { get; }

    /// <summary>Evaluates program <paramref name="program"/> without allocating.</summary>
    internal double Evaluate(int program, ReadOnlySpan<double> constants, ReadOnlySpan<double> variables, ReadOnlySpan<int> states, Span<double> stack)
    {
        var range = Programs[program];
        return ProgramEvaluator.Evaluate(Code.AsSpan(range.Start, range.Length), constants, variables, states, stack);
    }

    /// <summary>The value of a source: a trial constant slot (&gt;= 0) or <c>~program</c>.</summary>
    internal double Value(int source, ReadOnlySpan<double> constants, ReadOnlySpan<double> variables, ReadOnlySpan<int> states, Span<double> stack) =>
        source >= 0 ? constants[source] : Evaluate(~source, constants, variables, states, stack);

    /// <summary>
    /// The probability with which transition <paramref name="transition"/> is taken in the given situation:
    /// 0 while its guard is false, else <c>p</c> times the factors of the multipliers whose conditions hold. Not a
    /// number when a condition it evaluates has no answer (a comparison with a value that is not a finite number, see
    /// <see cref="ProgramEvaluator"/>); <see cref="NonFiniteReports.OfTransition"/> then says which.
    /// </summary>
    internal double EffectiveProbability(int transition, ReadOnlySpan<double> constants, ReadOnlySpan<double> variables, ReadOnlySpan<int> states, Span<double> stack)
    {
        ref readonly var code = ref Transitions[transition];
        // A condition is 1, 0 or not a number; multiplying by 1 changes nothing, and not a number is passed on.
        var guard = 1.0;
        if (code.GuardProgram >= 0 && (guard = Evaluate(code.GuardProgram, constants, variables, states, stack)) == 0) return 0;
        var probability = guard * Value(code.ProbabilitySource, constants, variables, states, stack);
        for (var i = code.MultiplierStart; i < code.MultiplierStart + code.MultiplierCount; i++)
        {
            ref readonly var multiplier = ref Multipliers[i];
            var holds = Evaluate(multiplier.ConditionProgram, constants, variables, states, stack);
            if (holds != 0)
                probability *= holds * Value(multiplier.FactorSource, constants, variables, states, stack);
        }
        return probability;
    }
}
