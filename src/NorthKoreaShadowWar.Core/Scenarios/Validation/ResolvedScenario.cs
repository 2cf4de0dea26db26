using NorthKoreaShadowWar.Expressions;

namespace NorthKoreaShadowWar.Scenarios.Validation;

/// <summary>
/// A scenario whose names are resolved to indices and whose expressions are type-checked: the input of
/// the compiler. Only produced for a scenario without errors.
/// </summary>
internal sealed class ResolvedScenario
{
    /// <summary>The scenario as written, with the variant and overrides applied.</summary>
    public required Scenario Source { get; init; }
    /// <summary>The parameters, in file order.</summary>
    public required IReadOnlyList<ResolvedParameter> Parameters { get; init; }
    /// <summary>The correlations that take effect (between two drawn parameters), in file order.</summary>
    public IReadOnlyList<ResolvedCorrelation> Correlations { get; init; } = [];
    /// <summary>The variables, in file order.</summary>
    public required IReadOnlyList<ResolvedVariable> Variables { get; init; }
    /// <summary>The machines, in file order.</summary>
    public required IReadOnlyList<ResolvedMachine> Machines { get; init; }
    /// <summary>The outcomes, in file order.</summary>
    public required IReadOnlyList<ResolvedOutcome> Outcomes { get; init; }
    /// <summary>Indices of parameters in an order where every derived parameter follows what it reads.</summary>
    internal IReadOnlyList<int> ParameterEvaluationOrder { get; init; } = [];
    /// <summary>Indices of variables in an order where every initial value follows the variables it reads.</summary>
    internal IReadOnlyList<int> VariableInitialisationOrder { get; init; } = [];
    /// <summary>Steps per trial.</summary>
    public int Horizon => Source.Horizon.Value;
}

/// <summary>A parameter with its distribution; derived parameters carry their bound expression.</summary>
internal sealed class ResolvedParameter
{
    /// <summary>The parameter's name.</summary>
    public required string Name { get; init; }
    /// <summary>How its value is chosen each trial.</summary>
    public required ParameterDistribution Distribution { get; init; }
    internal BoundExpression? Derived { get; init; }
}

/// <summary>A variable and its initial value.</summary>
internal sealed class ResolvedVariable
{
    /// <summary>The variable's name.</summary>
    public required string Name { get; init; }
    internal BoundExpression Initial { get; init; } = null!;
}

/// <summary>A machine with states as indices 0..n-1.</summary>
internal sealed class ResolvedMachine
{
    /// <summary>The machine's name.</summary>
    public required string Name { get; init; }
    /// <summary>State names by index.</summary>
    public required IReadOnlyList<string> States { get; init; }
    /// <summary>The state every trial starts in; with an initial distribution, the first state it lists.</summary>
    public required int InitialState { get; init; }
    /// <summary>The initial distribution in the order written, or empty when every trial starts in <see cref="InitialState"/>.</summary>
    public IReadOnlyList<ResolvedInitialShare> InitialShares { get; init; } = [];
    /// <summary>For each state, whether it is declared absorbing.</summary>
    public required IReadOnlyList<bool> Absorbing { get; init; }
    /// <summary>The machine's transitions, in file order.</summary>
    public required IReadOnlyList<ResolvedTransition> Transitions { get; init; }
    /// <summary>For each state, the effects applied at the end of every step spent in it.</summary>
    public required IReadOnlyList<IReadOnlyList<ResolvedEffect>> EachStep { get; init; }
    /// <summary>The machine as written.</summary>
    public required MachineDefinition Definition { get; init; }
}

/// <summary>One entry of a machine's initial distribution: a state and the probability of starting in it.</summary>
internal sealed class ResolvedInitialShare
{
    /// <summary>The state.</summary>
    public required int State { get; init; }
    internal BoundExpression Probability { get; init; } = null!;
    /// <summary>The entry as written.</summary>
    public required InitialShare Definition { get; init; }
}

/// <summary>A transition with its source states expanded (<c>"*"</c> becomes every non-absorbing state).</summary>
internal sealed class ResolvedTransition
{
    /// <summary>The states it leaves from.</summary>
    public required IReadOnlyList<int> From { get; init; }
    /// <summary>The state it enters.</summary>
    public required int To { get; init; }
    internal BoundExpression Probability { get; init; } = null!;
    internal BoundExpression? Guard { get; init; }
    internal IReadOnlyList<(BoundExpression Condition, BoundExpression Factor)> Multipliers { get; init; } = [];
    /// <summary>Effects applied when the transition is taken, in file order.</summary>
    public required IReadOnlyList<ResolvedEffect> Effects { get; init; }
    /// <summary>The transition as written.</summary>
    public required TransitionDefinition Definition { get; init; }
}

/// <summary>A change to one variable.</summary>
internal sealed class ResolvedEffect
{
    /// <summary>The index of the variable changed.</summary>
    public required int Variable { get; init; }
    /// <summary>How it is changed.</summary>
    public required EffectOperator Operator { get; init; }
    internal BoundExpression Value { get; init; } = null!;
}

/// <summary>An outcome with its subject resolved.</summary>
internal sealed class ResolvedOutcome
{
    /// <summary>The outcome's name.</summary>
    public required string Name { get; init; }
    /// <summary>What kind of result it is.</summary>
    public required OutcomeKind Kind { get; init; }
    /// <summary>For <c>reached</c>: the last step that counts.</summary>
    public int Within { get; init; }
    /// <summary>For <c>value</c>: the step after which the value is read, or -1 for after the last step.</summary>
    public int At { get; init; } = -1;
    /// <summary>For <c>final</c>: the machine.</summary>
    public int Machine { get; init; } = -1;
    internal BoundExpression? Condition { get; init; }
    internal BoundExpression? Value { get; init; }
    /// <summary>The outcome as written.</summary>
    public required OutcomeDefinition Definition { get; init; }
}
