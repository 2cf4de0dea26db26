using System.Linq.Expressions;

namespace NorthKoreaShadowWar.Compilation.Generated;

/// <summary>
/// Simulates steps <paramref name="from"/> to <paramref name="to"/> of a trial, as the general loop's interpreter does,
/// through <paramref name="frame"/>; returns why it stopped (<see cref="TrialStepsCode.Done"/> and the others), with the
/// step it stopped at in <see cref="StepFrame.Step"/> and the states in <see cref="StepFrame.Current"/>.
/// </summary>
internal delegate int TrialSteps(StepFrame frame, int from, int to);

/// <summary>
/// Generates <see cref="TrialSteps"/> for a model: one function for a trial's steps, the states of the machines held in
/// locals from step to step. Each step: the variables at its start (when some effect reads a variable), every machine's
/// move (<see cref="MachineMovesCode"/>) into a local of its own, then the state entered counted, its flags noted; the
/// states entered become the states; the end of the step (<see cref="StepEndCode"/>); then the checks that end the call:
/// the trial froze (every machine in a state it cannot leave, no <c>each_step</c> effects), it reached
/// the last step asked for, or some value outcome is read after this step (the caller reads it and calls again). A machine
/// whose probabilities the generated code cannot use is left to the interpreter, which finishes that step (see
/// docs/performance.md, "Generated code").
/// </summary>
internal static class TrialStepsCode
{
    /// <summary>Every step to <c>to</c> simulated.</summary>
    public const int Done = 0;
    /// <summary>The trial froze after <see cref="StepFrame.Step"/>.</summary>
    public const int Frozen = 1;
    /// <summary>Some value outcome is read after <see cref="StepFrame.Step"/>; the trial goes on from the next step.</summary>
    public const int ValuesDue = 2;
    /// <summary>
    /// Machine <see cref="StepFrame.Machine"/> is left to the interpreter in step <see cref="StepFrame.Step"/>: the
    /// machines before it have moved (their states entered in <see cref="StepFrame.Next"/>, counted; the effects they took
    /// in <see cref="StepFrame.TakenEffects"/>), <see cref="StepFrame.Current"/> holds the states at the step's start.
    /// </summary>
    public const int Bailed = 3;
    /// <summary>An effect made a variable not a finite number (<see cref="StepFrame.FailedList"/>, <see cref="StepFrame.FailedEffect"/>).</summary>
    public const int EffectFailed = 4;
    /// <summary>An outcome condition had no answer (<see cref="StepFrame.FailedProgram"/>).</summary>
    public const int ConditionFailed = 5;

    public static TrialSteps Compile(CompiledModel model)
    {
        var frame = Expression.Parameter(typeof(StepFrame), "frame");
        var from = Expression.Parameter(typeof(int), "from");
        var to = Expression.Parameter(typeof(int), "to");
        var g = new StepFrameLocals(frame);
        var machineCount = model.MachineCount;
        var states = Locals("state", machineCount);
        var targets = Locals("target", machineCount);
        var occupancyAt = Expression.Variable(typeof(int), "occupancyAt");
        var result = Expression.Variable(typeof(int), "result");
        var step = Expression.Label("step");
        var exit = Expression.Label("exit");
        Expression Stop(int why) => Expression.Block(Expression.Assign(result, Expression.Constant(why)), Expression.Goto(exit));
        Expression State(int m) => states[m];

        var body = new List<Expression>(g.Loads())
        {
            Expression.Assign(g.Step, from),
            Expression.Assign(occupancyAt, Expression.Multiply(from, Expression.Constant(model.TotalStates))),
        };
        for (var m = 0; m < machineCount; m++) body.Add(Expression.Assign(states[m], GeneratedOperations.ReadAt(g.Current, Expression.Constant(m))));
        body.Add(Expression.Label(step));
        if (model.EffectsReadVariables)
            for (var v = 0; v < model.VariableCount; v++)
                body.Add(Expression.Assign(Expression.ArrayAccess(g.ReadVariables, Expression.Constant(v)), GeneratedOperations.ReadAt(g.Variables, Expression.Constant(v))));
        body.Add(Expression.Assign(g.Taken, Expression.Constant(0)));
        body.Add(Expression.Assign(g.Flags, Expression.Constant(0)));
        var bails = new LabelTarget[machineCount];
        for (var m = 0; m < machineCount; m++)
        {
            bails[m] = Expression.Label($"bail{m}");
            var cell = Expression.Add(Expression.Constant(model.StateOffset[m]), targets[m]);
            body.Add(MachineMovesCode.Move(model, m, g, State, targets[m], bails[m]));
            body.Add(GeneratedOperations.IncrementAt(g.Occupancy, Expression.Add(occupancyAt, cell)));
            body.Add(Expression.OrAssign(g.Flags, GeneratedOperations.ReadAt(g.RowFlags, cell)));
        }
        for (var m = 0; m < machineCount; m++) body.Add(Expression.Assign(states[m], targets[m]));
        body.AddRange(StepEndCode.Statements(model, g, State, why => Stop(why)));
        body.Add(Expression.IfThen(
            Expression.Equal(Expression.And(g.Flags, Expression.Constant(CompiledModel.MovableFlag | CompiledModel.EachStepFlag)), Expression.Constant(0)),
            Stop(Frozen)));
        body.Add(Expression.IfThen(Expression.GreaterThanOrEqual(g.Step, to), Stop(Done)));
        body.Add(Expression.IfThen(Expression.ArrayIndex(g.ValueDueAfter, g.Step), Stop(ValuesDue)));
        body.Add(Expression.PreIncrementAssign(g.Step));
        body.Add(Expression.AddAssign(occupancyAt, Expression.Constant(model.TotalStates)));
        body.Add(Expression.Goto(step));
        for (var m = 0; m < machineCount; m++)
        {
            body.Add(Expression.Label(bails[m]));
            for (var k = 0; k < m; k++) body.Add(GeneratedOperations.WriteAt(g.Next, Expression.Constant(k), targets[k]));
            body.Add(g.Set(nameof(StepFrame.Machine), Expression.Constant(m)));
            body.Add(Stop(Bailed));
        }
        body.Add(Expression.Label(exit));
        for (var m = 0; m < machineCount; m++) body.Add(GeneratedOperations.WriteAt(g.Current, Expression.Constant(m), states[m]));
        body.AddRange(g.Stores(g.Draw, g.Taken, g.Flags, g.Step, g.Pending));
        body.Add(result);
        return Expression.Lambda<TrialSteps>(
            Expression.Block(typeof(int), [.. g.All, .. states, .. targets, occupancyAt, result], body), frame, from, to).Compile();
    }

    private static ParameterExpression[] Locals(string name, int count) =>
        [.. Enumerable.Range(0, count).Select(i => Expression.Variable(typeof(int), $"{name}{i}"))];
}
