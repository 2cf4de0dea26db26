using System.Linq.Expressions;

namespace NorthKoreaShadowWar.Compilation.Generated;

/// <summary>
/// The end of a step, after every machine has moved (the states entered in <see cref="StepFrame.Current"/>): the effects
/// of the transitions taken, in machine order; the <c>each_step</c> effects of the states now occupied, in machine
/// order; the first-step conditions not yet met (while some are pending) and the steps-in conditions. Returns
/// <see cref="StepEndCode.Done"/>, or <see cref="StepEndCode.EffectFailed"/> or <see cref="StepEndCode.ConditionFailed"/> with the frame's failure fields set.
/// </summary>
internal delegate int StepEnd(StepFrame frame);

/// <summary>
/// Generates <see cref="StepEnd"/> for a model: the effect lists inline (a <c>switch</c> on the list taken; a
/// <c>switch</c> on each machine's state for <c>each_step</c>) and every outcome condition inline, in the order and with
/// the operations of the interpreter (see docs/performance.md, "Generated code").
/// </summary>
internal static class StepEndCode
{
    public const int Done = 0;
    public const int EffectFailed = 1;
    public const int ConditionFailed = 2;

    public static StepEnd Compile(CompiledModel model)
    {
        var frame = Expression.Parameter(typeof(StepFrame), "frame");
        var g = new StepFrameLocals(frame);
        var done = Expression.Label(typeof(int), "done");
        var effectPrograms = new ProgramExpressions(model, g.Constants, g.ReadVariables, g.Current);
        var conditionPrograms = new ProgramExpressions(model, g.Constants, g.Variables, g.Current);
        var body = new List<Expression>(g.Loads());
        if (model.EffectLists.Length > 0) body.Add(TakenEffects(model, g, effectPrograms, done));
        body.AddRange(EachStepEffects(model, g, effectPrograms, done));
        if (model.FirstStepConditions.Length > 0) body.Add(FirstSteps(model, g, conditionPrograms, done));
        body.AddRange(StepsIn(model, g, conditionPrograms, done));
        body.Add(Expression.Label(done, Expression.Constant(Done)));
        return Expression.Lambda<StepEnd>(Expression.Block(typeof(int), g.All, body), frame).Compile();
    }

    /// <summary>for each list taken: switch (list) { case l: its effects }.</summary>
    private static Expression TakenEffects(CompiledModel model, StepFrameLocals g, ProgramExpressions programs, LabelTarget done)
    {
        var i = Expression.Variable(typeof(int), "taken");
        var end = Expression.Label("takenDone");
        var cases = Enumerable.Range(0, model.EffectLists.Length)
            .Select(list => Expression.SwitchCase(EffectList(model, list, g, programs, done), Expression.Constant(list)))
            .ToArray();
        return Expression.Block([i],
            Expression.Assign(i, Expression.Constant(0)),
            Expression.Loop(Expression.Block(
                Expression.IfThen(Expression.GreaterThanOrEqual(i, g.Taken), Expression.Break(end)),
                Expression.Switch(GeneratedOperations.ReadAt(g.TakenEffects, i), cases),
                Expression.PreIncrementAssign(i)), end));
    }

    /// <summary>Per machine with some <c>each_step</c> effects: switch (its state) { case s: the effects of s }.</summary>
    private static IEnumerable<Expression> EachStepEffects(CompiledModel model, StepFrameLocals g, ProgramExpressions programs, LabelTarget done)
    {
        for (var m = 0; m < model.MachineCount; m++)
        {
            var cases = new List<SwitchCase>();
            for (var s = 0; s < model.StateCount[m]; s++)
            {
                var list = model.Rows[model.StateOffset[m] + s].EachStepEffects;
                if (list >= 0) cases.Add(Expression.SwitchCase(EffectList(model, list, g, programs, done), Expression.Constant(s)));
            }
            if (cases.Count > 0) yield return Expression.Switch(GeneratedOperations.ReadAt(g.Current, Expression.Constant(m)), [.. cases]);
        }
    }

    private static Expression EffectList(CompiledModel model, int list, StepFrameLocals g, ProgramExpressions programs, LabelTarget done)
    {
        var start = model.EffectLists[list].Start;
        var statements = EffectListCode.Statements(model, list, programs, g.Variables, i => Expression.Block(
            g.Set(nameof(StepFrame.FailedList), Expression.Constant(list)),
            g.Set(nameof(StepFrame.FailedEffect), Expression.Constant(start + i)),
            Expression.Return(done, Expression.Constant(EffectFailed))));
        return Expression.Block(typeof(void), statements.Append(Expression.Empty()));
    }

    /// <summary>While some first-step condition is pending, each one not met yet is tested, and met at this step if it holds.</summary>
    private static Expression FirstSteps(CompiledModel model, StepFrameLocals g, ProgramExpressions programs, LabelTarget done)
    {
        var tests = new List<Expression>();
        for (var i = 0; i < model.FirstStepConditions.Length; i++)
        {
            var first = Expression.ArrayAccess(g.FirstStep, Expression.Constant(i));
            tests.Add(Expression.IfThen(Expression.LessThan(first, Expression.Constant(0)),
                Expression.IfThen(Holds(model.FirstStepConditions[i], g, programs, done),
                    Expression.Block(Expression.Assign(first, g.Step), Expression.PreDecrementAssign(g.Pending)))));
        }
        tests.AddRange(g.Stores(g.Pending));
        return Expression.IfThen(Expression.GreaterThan(g.Pending, Expression.Constant(0)), Expression.Block(tests));
    }

    private static IEnumerable<Expression> StepsIn(CompiledModel model, StepFrameLocals g, ProgramExpressions programs, LabelTarget done)
    {
        for (var i = 0; i < model.StepsInConditions.Length; i++)
        {
            var holds = Expression.Variable(typeof(bool), "holds");
            yield return Expression.Block([holds],
                Expression.Assign(holds, Holds(model.StepsInConditions[i], g, programs, done)),
                Expression.Assign(Expression.ArrayAccess(g.StepsInHolds, Expression.Constant(i)), holds),
                Expression.IfThen(holds, Expression.PreIncrementAssign(Expression.ArrayAccess(g.StepsIn, Expression.Constant(i)))));
        }
    }

    /// <summary>
    /// Whether a condition holds: a state test (its machine's state in the mask), or a program's answer that is not 0;
    /// a program with no answer (not a number) ends the step with <see cref="StepEndCode.ConditionFailed"/>.
    /// </summary>
    private static Expression Holds(ConditionCode condition, StepFrameLocals g, ProgramExpressions programs, LabelTarget done)
    {
        if (condition.Program < 0)
            return Expression.NotEqual(
                Expression.And(Expression.RightShift(Expression.Constant(condition.Mask), GeneratedOperations.ReadAt(g.Current, Expression.Constant(condition.Machine))), Expression.Constant(1UL)),
                Expression.Constant(0UL));
        var answer = Expression.Variable(typeof(double), "answer");
        return Expression.Block(typeof(bool), [answer],
            Expression.Assign(answer, programs.Program(condition.Program)),
            Expression.IfThen(Expression.NotEqual(answer, answer), Expression.Block(
                g.Set(nameof(StepFrame.FailedProgram), Expression.Constant(condition.Program)),
                Expression.Return(done, Expression.Constant(ConditionFailed)))),
            Expression.NotEqual(answer, Expression.Constant(0.0)));
    }
}
