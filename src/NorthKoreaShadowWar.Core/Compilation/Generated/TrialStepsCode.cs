using System.Globalization;
using System.Linq.Expressions;

namespace NorthKoreaShadowWar.Compilation.Generated;

/// <summary>
/// Simulates steps <paramref name="from"/> to <paramref name="to"/> of a trial, as the general loop's interpreter does,
/// through <paramref name="frame"/>; returns why it stopped (<see cref="TrialStepsCode.Done"/> and the others), with the
/// step it stopped at in <see cref="StepFrame.Step"/> and the states in <see cref="StepFrame.Current"/>.
/// </summary>
internal delegate int TrialSteps(StepFrame frame, int from, int to);

/// <summary>
/// Generates <see cref="TrialSteps"/> for a model: one function for a trial's steps, the states of the machines and the
/// variables held in locals from step to step (read from the frame's arrays at the start of a call, written back when it
/// returns). Occupancy is counted by its changes (<see cref="StepFrame.OccupancyChanges"/>): each machine's stay in its
/// state starts when the call starts and ends when it returns, and a move to another state ends one and starts the next.
/// Each step: the variables at its start (when some effect reads a variable), every machine's move
/// (<see cref="MachineMovesCode"/>) into a local of its own; the states entered become the states; the end of the step
/// (<see cref="StepEndCode"/>); then the checks that end the call: the trial froze (every
/// machine in a state it cannot leave and with no <c>each_step</c> effects, each machine's state compared with those
/// states; not tested in a model with a machine that has none), or it reached the last step asked for (the caller asks
/// for steps up to the next after which a value outcome is read, reads it, and calls again). A machine
/// whose probabilities the generated code cannot use is left to the interpreter, which finishes that step (see
/// docs/performance.md, "Generated code").
/// </summary>
internal static class TrialStepsCode
{
    /// <summary>Every step to <c>to</c> simulated.</summary>
    public const int Done = 0;
    /// <summary>The trial froze after <see cref="StepFrame.Step"/>.</summary>
    public const int Frozen = 1;
    /// <summary>
    /// Machine <see cref="StepFrame.Machine"/> is left to the interpreter in step <see cref="StepFrame.Step"/>: the
    /// machines before it have moved (their states entered in <see cref="StepFrame.Next"/>, counted; the effects they took
    /// in <see cref="StepFrame.TakenEffects"/>), <see cref="StepFrame.Current"/> holds the states at the step's start.
    /// </summary>
    public const int Bailed = 2;
    /// <summary>An effect made a variable not a finite number (<see cref="StepFrame.FailedList"/>, <see cref="StepFrame.FailedEffect"/>).</summary>
    public const int EffectFailed = 3;
    /// <summary>An outcome condition had no answer (<see cref="StepFrame.FailedProgram"/>).</summary>
    public const int ConditionFailed = 4;

    public static TrialSteps Compile(CompiledModel model)
    {
        var frame = Expression.Parameter(typeof(StepFrame), "frame");
        var from = Expression.Parameter(typeof(int), "from");
        var to = Expression.Parameter(typeof(int), "to");
        var g = new StepFrameLocals(frame);
        var machineCount = model.MachineCount;
        var states = Locals("state", machineCount);
        var targets = Locals("target", machineCount);
        var variables = Locals<double>("variable", model.VariableCount);
        var variablesAtStart = model.EffectsReadVariables ? Locals<double>("variableAtStart", model.VariableCount) : variables;
        var occupancyAt = Expression.Variable(typeof(int), "occupancyAt");
        var result = Expression.Variable(typeof(int), "result");
        var step = Expression.Label("step");
        var exit = Expression.Label("exit");
        var counted = Expression.Label("counted");
        Expression Stop(int why) => Expression.Block(Expression.Assign(result, Expression.Constant(why)), Expression.Goto(exit));
        Expression State(int m) => states[m];
        Expression Variable(int v) => variables[v];
        Expression VariableAtStart(int v) => variablesAtStart[v];

        var body = new List<Expression>(g.Loads())
        {
            Expression.Assign(g.Step, from),
            Expression.Assign(occupancyAt, Expression.Multiply(from, Expression.Constant(model.TotalStates))),
        };
        for (var m = 0; m < machineCount; m++) body.Add(Expression.Assign(states[m], GeneratedOperations.ReadAt(g.Current, Expression.Constant(m))));
        // Each machine's stay in its state is counted from this step on (ended when it moves, or when the call returns).
        for (var m = 0; m < machineCount; m++) body.Add(ChangeOccupancy(model, g, occupancyAt, nextStep: false, m, states[m], 1));
        for (var v = 0; v < variables.Length; v++) body.Add(Expression.Assign(variables[v], GeneratedOperations.ReadAt(g.Variables, Expression.Constant(v))));
        body.Add(Expression.Label(step));
        if (model.EffectsReadVariables)
            for (var v = 0; v < variables.Length; v++) body.Add(Expression.Assign(variablesAtStart[v], variables[v]));
        body.Add(Expression.Assign(g.Taken, Expression.Constant(0)));
        var bails = new LabelTarget[machineCount];
        for (var m = 0; m < machineCount; m++)
        {
            bails[m] = Expression.Label(string.Create(CultureInfo.InvariantCulture, $"bail{m}"));
            body.Add(MachineMovesCode.Move(model, m, g, State, Variable, occupancyAt, targets[m], bails[m]));
        }
        for (var m = 0; m < machineCount; m++) body.Add(Expression.Assign(states[m], targets[m]));
        body.AddRange(StepEndCode.Statements(model, g, State, Variable, VariableAtStart, why => Stop(why)));
        if (FrozenTest(model, states) is { } frozen) body.Add(Expression.IfThen(frozen, Stop(Frozen)));
        body.Add(Expression.IfThen(Expression.GreaterThanOrEqual(g.Step, to), Stop(Done)));
        body.Add(Expression.PreIncrementAssign(g.Step));
        body.Add(Expression.AddAssign(occupancyAt, Expression.Constant(model.TotalStates)));
        body.Add(Expression.Goto(step));
        for (var m = 0; m < machineCount; m++)
        {
            body.Add(Expression.Label(bails[m]));
            // The interpreter goes on from here with the variables at the start of the step and the flags of the states entered.
            body.Add(Expression.Assign(g.Flags, Expression.Constant(0)));
            for (var k = 0; k < m; k++)
            {
                body.Add(GeneratedOperations.WriteAt(g.Next, Expression.Constant(k), targets[k]));
                body.Add(Expression.OrAssign(g.Flags, GeneratedOperations.ReadAt(g.RowFlags, Expression.Add(Expression.Constant(model.StateOffset[k]), targets[k]))));
            }
            if (model.EffectsReadVariables)
                for (var v = 0; v < variables.Length; v++)
                    body.Add(Expression.Assign(Expression.ArrayAccess(g.ReadVariables, Expression.Constant(v)), variablesAtStart[v]));
            body.Add(g.Set(nameof(StepFrame.Machine), Expression.Constant(m)));
            // The machines before it are counted through this step, it and those after it through the step before.
            for (var k = 0; k < machineCount; k++)
                body.Add(k < m ? ChangeOccupancy(model, g, occupancyAt, nextStep: true, k, targets[k], -1) : ChangeOccupancy(model, g, occupancyAt, nextStep: false, k, states[k], -1));
            body.Add(Expression.Assign(result, Expression.Constant(Bailed)));
            body.Add(Expression.Goto(counted));
        }
        body.Add(Expression.Label(exit));
        // Every machine is counted through this step.
        for (var m = 0; m < machineCount; m++) body.Add(ChangeOccupancy(model, g, occupancyAt, nextStep: true, m, states[m], -1));
        body.Add(Expression.Label(counted));
        for (var m = 0; m < machineCount; m++) body.Add(GeneratedOperations.WriteAt(g.Current, Expression.Constant(m), states[m]));
        for (var v = 0; v < variables.Length; v++) body.Add(Expression.Assign(Expression.ArrayAccess(g.Variables, Expression.Constant(v)), variables[v]));
        body.AddRange(g.Stores(g.Draw, g.RandomState0, g.RandomState1, g.Taken, g.Flags, g.Step, g.Pending));
        body.Add(result);
        body.InsertRange(g.All.Length, g.ConstantLoads());
        return Expression.Lambda<TrialSteps>(
            Expression.Block(typeof(int), [.. g.All, .. g.ConstantLocals, .. states, .. targets, .. variables, .. (model.EffectsReadVariables ? variablesAtStart : []), occupancyAt, result], body), frame, from, to).Compile();
    }

    /// <summary>
    /// Adds <paramref name="change"/> to the occupancy change of machine <paramref name="m"/> in <paramref name="state"/>
    /// in the current step's cells (<paramref name="occupancyAt"/>) or, with <paramref name="nextStep"/>, the next step's.
    /// </summary>
    private static Expression ChangeOccupancy(CompiledModel model, StepFrameLocals g, ParameterExpression occupancyAt, bool nextStep, int m, Expression state, long change) =>
        GeneratedOperations.AddAt(g.OccupancyChanges,
            Expression.Add(occupancyAt, Expression.Add(Expression.Constant((nextStep ? model.TotalStates : 0) + model.StateOffset[m]), state)), change);

    /// <summary>
    /// Whether the trial is frozen after a step: every machine in a state it cannot leave and that has no <c>each_step</c>
    /// effects (a row's <see cref="CompiledModel.MovableFlag"/> and <see cref="CompiledModel.EachStepFlag"/> both clear),
    /// each machine's state compared with such states; null when some machine has none (the model never
    /// freezes).
    /// </summary>
    private static Expression? FrozenTest(CompiledModel model, ParameterExpression[] states)
    {
        Expression? frozen = null;
        for (var m = 0; m < model.MachineCount; m++)
        {
            var frozenStates = Enumerable.Range(0, model.StateCount[m])
                .Where(s => (model.Rows[model.StateOffset[m] + s].Flags & (CompiledModel.MovableFlag | CompiledModel.EachStepFlag)) == 0)
                .ToArray();
            if (frozenStates.Length == 0) return null;
            var test = frozenStates.Length == 1
                ? Expression.Equal(states[m], Expression.Constant(frozenStates[0]))
                : frozenStates.Select(s => (Expression)Expression.Equal(states[m], Expression.Constant(s))).Aggregate(Expression.OrElse);
            frozen = frozen is null ? test : Expression.AndAlso(frozen, test);
        }
        return frozen;
    }

    private static ParameterExpression[] Locals(string name, int count) => Locals<int>(name, count);

    private static ParameterExpression[] Locals<T>(string name, int count) =>
        [.. Enumerable.Range(0, count).Select(i => Expression.Variable(typeof(T), string.Create(CultureInfo.InvariantCulture, $"{name}{i}")))];
}
