using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;

namespace NorthKoreaShadowWar.Compilation.Generated;

/// <summary>
/// Moves machines <paramref name="first"/>, <paramref name="first"/> + 1, ... once, as the general loop's fast loop
/// does, through <paramref name="frame"/>; returns the machine count when every machine has moved, or the index of the
/// machine the interpreter must move (probabilities the generated code cannot use: the interpreter reports them).
/// </summary>
internal delegate int MachineMoves(StepFrame frame, int first);

/// <summary>
/// Generates <see cref="MachineMoves"/> for a model: the machines one after the other (no loop), each a <c>switch</c> on
/// its state whose cases are that state's row with everything about it folded in as constants: nothing for a state it
/// cannot leave, the context, bounds and outcome lookup of a table row (a per-trial row's context built when first used in
/// a trial, as <see cref="TableRowCode"/> builds it), and the straight-line code of a row computed
/// every step (<see cref="RowChoiceCode"/>) with each transition's target and effects. Draws, effects noted, occupancy
/// and flags are exactly those of the general loop's fast loop (see docs/performance.md, "Generated code").
/// </summary>
internal static class MachineMovesCode
{
    private static readonly MethodInfo Pick = typeof(GeneratedOperations).GetMethod(nameof(GeneratedOperations.OutcomeOf))!;

    public static MachineMoves Compile(CompiledModel model)
    {
        var frame = Expression.Parameter(typeof(StepFrame), "frame");
        var first = Expression.Parameter(typeof(int), "first");
        var g = new StepFrameLocals(frame);
        var machineCount = model.MachineCount;
        var starts = new LabelTarget[machineCount];
        for (var m = 0; m < machineCount; m++) starts[m] = Expression.Label(string.Create(CultureInfo.InvariantCulture, $"machine{m}"));
        var bail = Expression.Label("bail");
        var end = Expression.Label("end");
        var machine = Expression.Variable(typeof(int), "machine");
        var body = new List<Expression>(g.Loads())
        {
            Expression.Switch(first, Expression.Goto(end),
                [.. Enumerable.Range(0, machineCount).Select(m => Expression.SwitchCase(Expression.Goto(starts[m]), Expression.Constant(m)))]),
        };
        // Each machine leaves for the interpreter through a label of its own, which notes the machine.
        var bails = new LabelTarget[machineCount];
        for (var m = 0; m < machineCount; m++)
        {
            bails[m] = Expression.Label(string.Create(CultureInfo.InvariantCulture, $"bail{m}"));
            body.Add(Expression.Label(starts[m]));
            body.Add(MoveMachine(model, m, g, bails[m]));
        }
        body.Add(Expression.Label(end));
        body.Add(Expression.Assign(machine, Expression.Constant(machineCount)));
        body.Add(Expression.Goto(bail));
        for (var m = 0; m < machineCount; m++)
        {
            body.Add(Expression.Label(bails[m]));
            body.Add(Expression.Assign(machine, Expression.Constant(m)));
            body.Add(Expression.Goto(bail));
        }
        body.Add(Expression.Label(bail));
        body.AddRange(g.Stores(g.Draw, g.Taken, g.Flags));
        body.Add(machine);
        return Expression.Lambda<MachineMoves>(Expression.Block(typeof(int), [.. g.All, machine], body), frame, first).Compile();
    }

    /// <summary>One machine's move: a switch on its state, then the state entered, its occupancy and its flags.</summary>
    private static Expression MoveMachine(CompiledModel model, int m, StepFrameLocals g, LabelTarget bail)
    {
        var offset = model.StateOffset[m];
        var state = Expression.Variable(typeof(int), string.Create(CultureInfo.InvariantCulture, $"state{m}"));
        var target = Expression.Variable(typeof(int), string.Create(CultureInfo.InvariantCulture, $"target{m}"));
        var cases = new List<SwitchCase>();
        for (var s = 0; s < model.StateCount[m]; s++)
        {
            ref readonly var row = ref model.Rows[offset + s];
            var move = row.Kind switch
            {
                RowKind.Stay => Expression.Assign(target, Expression.Constant(s)),
                RowKind.Table => TableMove(model, in row, g, target, bail),
                _ => DynamicMove(model, in row, s, g, target, bail),
            };
            cases.Add(Expression.SwitchCase(Expression.Block(typeof(void), move), Expression.Constant(s)));
        }
        var cell = Expression.Add(g.OccupancyAt, Expression.Add(Expression.Constant(offset), target));
        return Expression.Block([state, target],
            Expression.Assign(state, GeneratedOperations.ReadAt(g.Current, Expression.Constant(m))),
            Expression.Switch(state, Expression.Goto(bail), [.. cases]),
            GeneratedOperations.WriteAt(g.Next, Expression.Constant(m), target),
            GeneratedOperations.IncrementAt(g.Occupancy, cell),
            Expression.OrAssign(g.Flags, GeneratedOperations.ReadAt(g.RowFlags, Expression.Add(Expression.Constant(offset), target))));
    }

    /// <summary>A table row: the context from the states of the machines it reads, the draw against its bounds, the outcome.</summary>
    private static Expression TableMove(CompiledModel model, in RowLayout row, StepFrameLocals g, ParameterExpression target, LabelTarget bail)
    {
        var context = Expression.Variable(typeof(int), "context");
        var outcome = Expression.Variable(typeof(int), "outcome");
        var steps = new List<Expression> { RefillWhenDrawsUsedUp(g), Expression.Assign(context, Context(model, in row, g)) };
        var boundsAt = Expression.Add(Expression.Constant(row.BoundsOffset), Expression.Multiply(context, Expression.Constant(row.BoundsStride)));
        if (row.PerTrial)
        {
            // A context not built yet in this trial is built here, from the states of the machines it reads (those
            // of the context); when its probabilities are invalid the interpreter builds it again and reports why.
            var stampAt = Expression.Add(Expression.Constant(row.StampOffset), context);
            var programs = new ProgramExpressions(model, g.Constants, Expression.Constant(Array.Empty<double>()), g.Current);
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
    private static Expression Context(CompiledModel model, in RowLayout row, StepFrameLocals g)
    {
        Expression context = Expression.Constant(0);
        for (var d = row.DependencyStart; d < row.DependencyStart + row.DependencyCount; d++)
        {
            if (model.DependencyStride[d] == 0) continue;
            var term = Expression.Multiply(GeneratedOperations.ReadAt(g.Current, Expression.Constant(model.DependencyMachine[d])), Expression.Constant(model.DependencyStride[d]));
            context = context is ConstantExpression ? term : Expression.Add(context, term);
        }
        return context;
    }

    /// <summary>
    /// A row computed every step: its transitions' probabilities and checks (<see cref="RowChoiceCode.ValidProbabilities"/>),
    /// then the pick by cumulative sums, the target and effects of the transition picked folded in.
    /// </summary>
    private static Expression DynamicMove(CompiledModel model, in RowLayout row, int state, StepFrameLocals g, ParameterExpression target, LabelTarget bail)
    {
        var locals = new List<ParameterExpression>();
        var steps = new List<Expression> { RefillWhenDrawsUsedUp(g) };
        var programs = new ProgramExpressions(model, g.Constants, g.Variables, g.Current);
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
        steps.Add(Expression.Assign(target, Expression.Constant(state)));
        steps.Add(Expression.Label(picked));
        return Expression.Block(typeof(void), locals, steps);
    }

    /// <summary>A used-up block of draws is refilled (<see cref="StepFrame.RefillDraws"/>) before the next draw, as the interpreter does.</summary>
    private static Expression RefillWhenDrawsUsedUp(StepFrameLocals g) =>
        Expression.IfThen(Expression.Equal(g.Draw, Expression.ArrayLength(g.Draws)),
            Expression.Block(Expression.Invoke(g.RefillDraws), Expression.Assign(g.Draw, Expression.Constant(0))));

    /// <summary>The next draw, moving past it.</summary>
    private static Expression NextDraw(StepFrameLocals g) => GeneratedOperations.ReadAt(g.Draws, Expression.PostIncrementAssign(g.Draw));

    private static Expression NoteEffects(StepFrameLocals g, Expression effects) =>
        GeneratedOperations.WriteAt(g.TakenEffects, Expression.PostIncrementAssign(g.Taken), effects);
}
