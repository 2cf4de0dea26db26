using NorthKoreaShadowWar.Expressions;
using NorthKoreaShadowWar.Scenarios;
using NorthKoreaShadowWar.Scenarios.Validation;

namespace NorthKoreaShadowWar.Compilation;

/// <summary>
/// Compilation pass: what a trial tracks for the scenario's outcomes. Conditions whose first step is wanted
/// (<c>reached</c>, <c>first_step</c>), conditions whose steps are counted (<c>steps_in</c>), and value programs
/// read at a step; <see cref="Tracker"/> maps each outcome to its entry (or its machine, for <c>final</c>).
/// </summary>
internal sealed class OutcomeTrackers
{
    private readonly List<ConditionCode> firstStep = [];
    private readonly List<ConditionCode> stepsIn = [];
    private readonly List<int> values = [];
    private readonly List<int> valueAt = [];

    private OutcomeTrackers(int outcomeCount) => Tracker = new int[outcomeCount];

    public ConditionCode[] FirstStepConditions => [.. firstStep];
    public ConditionCode[] StepsInConditions => [.. stepsIn];
    public int[] ValuePrograms => [.. values];
    public int[] ValueAtStep => [.. valueAt];
    public int[] Tracker { get; }

    public static OutcomeTrackers Compile(IReadOnlyList<ResolvedOutcome> outcomes, ExpressionCompiler expressions)
    {
        var trackers = new OutcomeTrackers(outcomes.Count);
        for (var i = 0; i < outcomes.Count; i++) trackers.Tracker[i] = trackers.Add(outcomes[i], expressions);
        return trackers;
    }

    private int Add(ResolvedOutcome outcome, ExpressionCompiler expressions)
    {
        switch (outcome.Kind)
        {
            case OutcomeKind.Reached or OutcomeKind.FirstStep:
                firstStep.Add(Condition(outcome.Condition!, expressions));
                return firstStep.Count - 1;
            case OutcomeKind.StepsIn:
                stepsIn.Add(Condition(outcome.Condition!, expressions));
                return stepsIn.Count - 1;
            case OutcomeKind.Value:
                values.Add(expressions.Program(outcome.Value!));
                valueAt.Add(outcome.At);
                return values.Count - 1;
            default:
                return outcome.Machine;
        }
    }

    /// <summary>A condition that only tests one machine's state needs no program.</summary>
    private static ConditionCode Condition(BoundExpression condition, ExpressionCompiler expressions) =>
        condition is BoundStateTest test
            ? new ConditionCode(test.Machine, test.StateMask, -1, false)
            : new ConditionCode(-1, 0, expressions.Program(condition), BoundExpressionFacts.ReadsVariables(condition));
}
