using System.Globalization;
using System.Linq.Expressions;

namespace NorthKoreaShadowWar.Compilation.Generated;

/// <summary>
/// Generates one machine's move in a step for <see cref="TrialStepsCode"/>: a <c>switch</c> on its state whose cases are
/// that state's row with everything about it folded in as constants: nothing for a state it cannot leave, else the
/// straight-line code of the row's probabilities (<see cref="RowChoiceCode"/>), one draw and the pick, with each
/// choice's target, effects and the first-step conditions it meets. A table row is computed in line too, with the
/// bounds its table would hold. Draws, picks and effects noted are exactly those of the general loop's interpreter
/// (see docs/performance.md, "Generated code").
/// </summary>
internal static class MachineMovesCode
{
    /// <summary>
    /// Machine <paramref name="m"/>'s move: a switch on its state (<paramref name="state"/>(m): the states at the start
    /// of the step are read through <paramref name="state"/>, the variables through <paramref name="variable"/>) that assigns the state entered to <paramref name="target"/>,
    /// or jumps to <paramref name="bail"/> when the probabilities are ones the generated code cannot use (the
    /// interpreter then moves the machine and reports them).
    /// </summary>
    public static Expression Move(CompiledModel model, int m, StepFrameLocals g, Func<int, Expression> state, Func<int, Expression> variable,
        Expression occupancyAt, ParameterExpression target, LabelTarget bail)
    {
        var offset = model.StateOffset[m];
        var cases = new List<SwitchCase>();
        for (var s = 0; s < model.StateCount[m]; s++)
        {
            ref readonly var row = ref model.Rows[offset + s];
            var move = row.Kind switch
            {
                RowKind.Stay => Expression.Assign(target, Expression.Constant(s)),
                RowKind.Table => TableMove(model, in row, m, s, g, state, occupancyAt, target, bail),
                _ => DynamicMove(model, in row, m, s, g, state, variable, occupancyAt, target, bail),
            };
            cases.Add(Expression.SwitchCase(Expression.Block(typeof(void), move), Expression.Constant(s)));
        }
        return Expression.Switch(state(m), Expression.Goto(bail), [.. cases]);
    }

    /// <summary>
    /// A table row computed in line: its probabilities and checks as its table's build makes them (no variable read), and
    /// its outcomes in the table's order, each the transitions it groups (effect-free self-loops left out): the same
    /// cumulative bounds, so the same outcome as the table lookup, bit for bit.
    /// </summary>
    private static Expression TableMove(CompiledModel model, in RowLayout row, int m, int from, StepFrameLocals g, Func<int, Expression> state,
        Expression occupancyAt, ParameterExpression target, LabelTarget bail)
    {
        var (start, count) = (row.TransitionStart, row.TransitionCount);
        var choices = new List<Choice>();
        for (var outcome = row.OutcomeOffset; outcome < row.OutcomeOffset + row.OutcomeCount - 1; outcome++)
        {
            var grouped = model.OutcomeTransitions.AsSpan(model.OutcomeTransitionStart[outcome], model.OutcomeTransitionCount[outcome]).ToArray();
            choices.Add(new([.. grouped.Select(t => Array.IndexOf(model.RowTransitions, t, start, count) - start)],
                model.Outcomes[outcome].Target, model.Outcomes[outcome].Effects));
        }
        return ComputedMove(model, in row, m, from, g, new ProgramExpressions(model, g.Constant, NoVariable, state), choices, occupancyAt, target, bail);
    }

    /// <summary>A row computed every step: each transition a choice of its own, in row order.</summary>
    private static Expression DynamicMove(CompiledModel model, in RowLayout row, int m, int from, StepFrameLocals g, Func<int, Expression> state, Func<int, Expression> variable,
        Expression occupancyAt, ParameterExpression target, LabelTarget bail)
    {
        var choices = new List<Choice>();
        for (var i = 0; i < row.TransitionCount; i++)
        {
            ref readonly var transition = ref model.Transitions[model.RowTransitions[row.TransitionStart + i]];
            choices.Add(new([i], transition.Target, transition.Effects));
        }
        return ComputedMove(model, in row, m, from, g, new ProgramExpressions(model, g.Constant, variable, state), choices, occupancyAt, target, bail);
    }

    /// <summary>
    /// A row's move: its transitions' probabilities and checks (<see cref="RowChoiceCode.ValidProbabilities"/>), one draw,
    /// then the first choice whose cumulative sum exceeds the draw, its target, first steps and effects folded in; no
    /// choice taken, the machine stays.
    /// </summary>
    private static Expression ComputedMove(CompiledModel model, in RowLayout row, int m, int from, StepFrameLocals g, ProgramExpressions programs,
        List<Choice> choices, Expression occupancyAt, ParameterExpression target, LabelTarget bail)
    {
        var locals = new List<ParameterExpression>();
        var steps = new List<Expression>();
        var probabilities = RowChoiceCode.ValidProbabilities(model, in row, programs, locals, steps, Expression.Goto(bail));
        var u = Expression.Variable(typeof(double), "u");
        var cumulative = Expression.Variable(typeof(double), "cumulative");
        var picked = Expression.Label("picked");
        locals.Add(u);
        locals.Add(cumulative);
        steps.Add(DrawCode.Next(g, u));
        steps.Add(Expression.Assign(cumulative, Expression.Constant(0.0)));
        foreach (var choice in choices)
        {
            var take = new List<Expression> { Expression.Assign(target, Expression.Constant(choice.Target)) };
            if (choice.Target != from) take.AddRange(OccupancyMoved(model, g, m, occupancyAt, from, choice.Target));
            take.AddRange(FirstEntries(model, g, m, from, choice.Target));
            if (choice.Effects >= 0) take.Add(NoteEffects(g, Expression.Constant(choice.Effects)));
            take.Add(Expression.Goto(picked));
            foreach (var i in choice.Transitions) steps.Add(Expression.AddAssign(cumulative, probabilities[i]));
            steps.Add(Expression.IfThen(Expression.LessThan(u, cumulative), Expression.Block(take)));
        }
        steps.Add(Expression.Assign(target, Expression.Constant(from)));
        steps.Add(Expression.Label(picked));
        return Expression.Block(typeof(void), locals, steps);
    }

    /// <summary>One choice of a row: the transitions whose probabilities it adds (their indices in the row), the state entered, its effect list (or -1).</summary>
    private sealed record Choice(int[] Transitions, int Target, int Effects);

    /// <summary>
    /// Machine <paramref name="m"/> leaves state <paramref name="from"/> for <paramref name="to"/> in the step whose first
    /// occupancy cell is <paramref name="occupancyAt"/>: its stay in <paramref name="from"/> ends before this step, its stay
    /// in <paramref name="to"/> starts at it (<see cref="StepFrame.OccupancyChanges"/>).
    /// </summary>
    private static IEnumerable<Expression> OccupancyMoved(CompiledModel model, StepFrameLocals g, int m, Expression occupancyAt, int from, int to)
    {
        var offset = model.StateOffset[m];
        yield return GeneratedOperations.AddAt(g.OccupancyChanges, Expression.Add(occupancyAt, Expression.Constant(offset + from)), -1);
        yield return GeneratedOperations.AddAt(g.OccupancyChanges, Expression.Add(occupancyAt, Expression.Constant(offset + to)), 1);
    }

    /// <summary>
    /// The first-step conditions that machine <paramref name="m"/> meets by moving from state <paramref name="from"/> to
    /// <paramref name="to"/>: those that test only its state (<see cref="IsMetByMoves"/>), hold in <paramref name="to"/>
    /// and not in <paramref name="from"/>; each not met yet is met at this step. Such a condition cannot start to hold
    /// otherwise, and one that held at the step's start was met then, so the end of the step need not test it.
    /// </summary>
    private static IEnumerable<Expression> FirstEntries(CompiledModel model, StepFrameLocals g, int m, int from, int to)
    {
        for (var i = 0; i < model.FirstStepConditions.Length; i++)
        {
            var condition = model.FirstStepConditions[i];
            if (!IsMetByMoves(condition) || condition.Machine != m || !Holds(condition.Mask, to) || Holds(condition.Mask, from)) continue;
            var first = Expression.ArrayAccess(g.FirstStep, Expression.Constant(i));
            yield return Expression.IfThen(Expression.LessThan(first, Expression.Constant(0)),
                Expression.Block(Expression.Assign(first, g.Step), Expression.PreDecrementAssign(g.Pending)));
        }
    }

    /// <summary>Whether a first-step condition is met where a machine moves (a test of one machine's state), not tested at the end of each step.</summary>
    public static bool IsMetByMoves(ConditionCode condition) => condition.Program < 0;

    private static bool Holds(ulong mask, int state) => ((mask >> state) & 1) != 0;

    /// <summary>A table row's probabilities read the trial constants and states only, no variable.</summary>
    private static Expression NoVariable(int variable) =>
        throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"a table row reads variable {variable}"));

    private static Expression NoteEffects(StepFrameLocals g, Expression effects) =>
        GeneratedOperations.WriteAt(g.TakenEffects, Expression.PostIncrementAssign(g.Taken), effects);
}
