using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;

namespace NorthKoreaShadowWar.Compilation.Generated;

/// <summary>
/// Generates one machine's move in a step for <see cref="TrialStepsCode"/>: a <c>switch</c> on its state whose cases are
/// that state's row with everything about it folded in as constants: nothing for a state it cannot leave, the context,
/// bounds and outcome lookup of a table row (a per-trial row's context built when first used in a trial, as
/// <see cref="TableRowCode"/> builds it), and the straight-line code of a row computed every step
/// (<see cref="RowChoiceCode"/>) with each transition's target and effects. Draws and effects noted are exactly those of
/// the general loop's interpreter (see docs/performance.md, "Generated code").
/// </summary>
internal static class MachineMovesCode
{
    private static readonly MethodInfo Pick = typeof(GeneratedOperations).GetMethod(nameof(GeneratedOperations.OutcomeOf))!;

    /// <summary>
    /// Machine <paramref name="m"/>'s move: a switch on its state (<paramref name="state"/>(m): the states at the start
    /// of the step are read through <paramref name="state"/>, the variables through <paramref name="variable"/>) that assigns the state entered to <paramref name="target"/>,
    /// or jumps to <paramref name="bail"/> when the probabilities are ones the generated code cannot use (the
    /// interpreter then moves the machine and reports them).
    /// </summary>
    public static Expression Move(CompiledModel model, int m, StepFrameLocals g, Func<int, Expression> state, Func<int, Expression> variable,
        ParameterExpression target, LabelTarget bail)
    {
        var offset = model.StateOffset[m];
        var cases = new List<SwitchCase>();
        for (var s = 0; s < model.StateCount[m]; s++)
        {
            ref readonly var row = ref model.Rows[offset + s];
            var move = row.Kind switch
            {
                RowKind.Stay => Expression.Assign(target, Expression.Constant(s)),
                RowKind.Table => TableMove(model, in row, g, state, target, bail),
                _ => DynamicMove(model, in row, s, g, state, variable, target, bail),
            };
            cases.Add(Expression.SwitchCase(Expression.Block(typeof(void), move), Expression.Constant(s)));
        }
        return Expression.Switch(state(m), Expression.Goto(bail), [.. cases]);
    }

    /// <summary>A table row: the context from the states of the machines it reads, the draw against its bounds, the outcome.</summary>
    private static Expression TableMove(CompiledModel model, in RowLayout row, StepFrameLocals g, Func<int, Expression> state, ParameterExpression target, LabelTarget bail)
    {
        var context = Expression.Variable(typeof(int), "context");
        var outcome = Expression.Variable(typeof(int), "outcome");
        var steps = new List<Expression> { RefillWhenDrawsUsedUp(g), Expression.Assign(context, Context(model, in row, state)) };
        var boundsAt = Expression.Add(Expression.Constant(row.BoundsOffset), Expression.Multiply(context, Expression.Constant(row.BoundsStride)));
        if (row.PerTrial)
        {
            // A context not built yet in this trial is built here, from the states of the machines it reads (those
            // of the context); when its probabilities are invalid the interpreter builds it again and reports why.
            var stampAt = Expression.Add(Expression.Constant(row.StampOffset), context);
            var programs = new ProgramExpressions(model, g.Constant, NoVariable, state);
            steps.Add(Expression.IfThen(Expression.NotEqual(GeneratedOperations.ReadAt(g.Stamps, stampAt), g.Stamp),
                Expression.Block(
                    TableRowCode.Build(model, in row, programs, g.Bounds, boundsAt, Expression.Goto(bail)),
                    GeneratedOperations.WriteAt(g.Stamps, stampAt, g.Stamp))));
        }
        steps.Add(Expression.Assign(outcome, Expression.Add(Expression.Constant(row.OutcomeOffset),
            Expression.Call(Pick, NextDraw(g), g.Bounds, boundsAt, Expression.Constant(row.BoundsStride)))));
        steps.Add(Expression.Assign(target, GeneratedOperations.ReadAt(g.OutcomeTargets, outcome)));
        if (model.Outcomes.AsSpan(row.OutcomeOffset, row.OutcomeCount).ToArray().Any(o => o.Effects >= 0))
        {
            var effects = Expression.Variable(typeof(int), "effects");
            steps.Add(Expression.Block([effects],
                Expression.Assign(effects, GeneratedOperations.ReadAt(g.OutcomeEffects, outcome)),
                Expression.IfThen(Expression.GreaterThanOrEqual(effects, Expression.Constant(0)), NoteEffects(g, effects))));
        }
        return Expression.Block([context, outcome], steps);
    }

    /// <summary>The context of a table row: the sum of the states of the machines it reads times their strides.</summary>
    private static Expression Context(CompiledModel model, in RowLayout row, Func<int, Expression> state)
    {
        Expression context = Expression.Constant(0);
        for (var d = row.DependencyStart; d < row.DependencyStart + row.DependencyCount; d++)
        {
            if (model.DependencyStride[d] == 0) continue;
            var term = Expression.Multiply(state(model.DependencyMachine[d]), Expression.Constant(model.DependencyStride[d]));
            context = context is ConstantExpression ? term : Expression.Add(context, term);
        }
        return context;
    }

    /// <summary>
    /// A row computed every step: its transitions' probabilities and checks (<see cref="RowChoiceCode.ValidProbabilities"/>),
    /// then the pick by cumulative sums, the target and effects of the transition picked folded in.
    /// </summary>
    private static Expression DynamicMove(CompiledModel model, in RowLayout row, int from, StepFrameLocals g, Func<int, Expression> state, Func<int, Expression> variable,
        ParameterExpression target, LabelTarget bail)
    {
        var locals = new List<ParameterExpression>();
        var steps = new List<Expression> { RefillWhenDrawsUsedUp(g) };
        var programs = new ProgramExpressions(model, g.Constant, variable, state);
        var probabilities = RowChoiceCode.ValidProbabilities(model, in row, programs, locals, steps, Expression.Goto(bail));
        var u = Expression.Variable(typeof(double), "u");
        var cumulative = Expression.Variable(typeof(double), "cumulative");
        var picked = Expression.Label("picked");
        locals.Add(u);
        locals.Add(cumulative);
        steps.Add(Expression.Assign(u, NextDraw(g)));
        steps.Add(Expression.Assign(cumulative, Expression.Constant(0.0)));
        for (var i = 0; i < row.TransitionCount; i++)
        {
            ref readonly var transition = ref model.Transitions[model.RowTransitions[row.TransitionStart + i]];
            var take = new List<Expression> { Expression.Assign(target, Expression.Constant(transition.Target)) };
            if (transition.Effects >= 0) take.Add(NoteEffects(g, Expression.Constant(transition.Effects)));
            take.Add(Expression.Goto(picked));
            steps.Add(Expression.AddAssign(cumulative, probabilities[i]));
            steps.Add(Expression.IfThen(Expression.LessThan(u, cumulative), Expression.Block(take)));
        }
        steps.Add(Expression.Assign(target, Expression.Constant(from)));
        steps.Add(Expression.Label(picked));
        return Expression.Block(typeof(void), locals, steps);
    }

    /// <summary>A per-trial table is built from the trial constants and states only: its programs read no variable.</summary>
    private static Expression NoVariable(int variable) =>
        throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"a per-trial table row reads variable {variable}"));

    /// <summary>A used-up block of draws is refilled (<see cref="StepFrame.RefillDraws"/>) before the next draw, as the interpreter does.</summary>
    private static Expression RefillWhenDrawsUsedUp(StepFrameLocals g) =>
        Expression.IfThen(Expression.Equal(g.Draw, Expression.ArrayLength(g.Draws)),
            Expression.Block(Expression.Invoke(g.RefillDraws), Expression.Assign(g.Draw, Expression.Constant(0))));

    /// <summary>The next draw, moving past it.</summary>
    private static Expression NextDraw(StepFrameLocals g) => GeneratedOperations.ReadAt(g.Draws, Expression.PostIncrementAssign(g.Draw));

    private static Expression NoteEffects(StepFrameLocals g, Expression effects) =>
        GeneratedOperations.WriteAt(g.TakenEffects, Expression.PostIncrementAssign(g.Taken), effects);
}
