using System.Linq.Expressions;

namespace NorthKoreaShadowWar.Compilation.Generated;

/// <summary>
/// Generates the end of a step for <see cref="TrialStepsCode"/>, after every machine has moved (the states entered read
/// through a function of the machine): the effects of the transitions taken, in machine order (a <c>switch</c> on the
/// list taken); the <c>each_step</c> effects of the states now occupied, in machine order (a <c>switch</c> on each
/// machine's state); the first-step conditions not yet met (while some are pending) and the steps-in conditions; in the
/// order and with the operations of the interpreter (see docs/performance.md, "Generated code").
/// </summary>
internal static class StepEndCode
{
    /// <summary>
    /// The statements of the end of a step, the states after it read through <paramref name="state"/>, the variables
    /// through <paramref name="variable"/> (those at the start of the step, which effects read when some effect reads a
    /// variable, through <paramref name="variableAtStart"/>). An effect that
    /// makes a variable not a finite number, or a condition with no answer, sets the frame's failure fields and runs
    /// <paramref name="fail"/> of <see cref="TrialStepsCode.EffectFailed"/> or <see cref="TrialStepsCode.ConditionFailed"/>.
    /// </summary>
    public static IEnumerable<Expression> Statements(CompiledModel model, StepFrameLocals g, Func<int, Expression> state,
        Func<int, Expression> variable, Func<int, Expression> variableAtStart, Func<int, Expression> fail)
    {
        var effectPrograms = new ProgramExpressions(model, g.Constant, variableAtStart, state);
        var conditionPrograms = new ProgramExpressions(model, g.Constant, variable, state);
        var body = new List<Expression>();
        if (model.EffectLists.Length > 0) body.Add(TakenEffects(model, g, variable, effectPrograms, fail));
        body.AddRange(EachStepEffects(model, g, state, variable, effectPrograms, fail));
        if (model.FirstStepConditions.Any(c => !MachineMovesCode.IsMetByMoves(c))) body.Add(FirstSteps(model, g, state, conditionPrograms, fail));
        body.AddRange(StepsIn(model, g, state, conditionPrograms, fail));
        return body;
    }

    /// <summary>for each list taken: switch (list) { case l: its effects }.</summary>
    private static Expression TakenEffects(CompiledModel model, StepFrameLocals g, Func<int, Expression> variable, ProgramExpressions programs, Func<int, Expression> fail)
    {
        var i = Expression.Variable(typeof(int), "taken");
        var end = Expression.Label("takenDone");
        var cases = Enumerable.Range(0, model.EffectLists.Length)
            .Select(list => Expression.SwitchCase(EffectList(model, list, g, variable, programs, fail), Expression.Constant(list)))
            .ToArray();
        return Expression.Block([i],
            Expression.Assign(i, Expression.Constant(0)),
            Expression.Loop(Expression.Block(
                Expression.IfThen(Expression.GreaterThanOrEqual(i, g.Taken), Expression.Break(end)),
                Expression.Switch(GeneratedOperations.ReadAt(g.TakenEffects, i), cases),
                Expression.PreIncrementAssign(i)), end));
    }

    /// <summary>Per machine with some <c>each_step</c> effects: switch (its state) { case s: the effects of s }.</summary>
    private static IEnumerable<Expression> EachStepEffects(CompiledModel model, StepFrameLocals g, Func<int, Expression> state, Func<int, Expression> variable, ProgramExpressions programs, Func<int, Expression> fail)
    {
        for (var m = 0; m < model.MachineCount; m++)
        {
            var cases = new List<SwitchCase>();
            for (var s = 0; s < model.StateCount[m]; s++)
            {
                var list = model.Rows[model.StateOffset[m] + s].EachStepEffects;
                if (list >= 0) cases.Add(Expression.SwitchCase(EffectList(model, list, g, variable, programs, fail), Expression.Constant(s)));
            }
            if (cases.Count > 0) yield return Expression.Switch(state(m), [.. cases]);
        }
    }

    private static Expression EffectList(CompiledModel model, int list, StepFrameLocals g, Func<int, Expression> variable, ProgramExpressions programs, Func<int, Expression> fail)
    {
        var start = model.EffectLists[list].Start;
        var statements = EffectListCode.Statements(model, list, programs, variable, i => Expression.Block(
            g.Set(nameof(StepFrame.FailedList), Expression.Constant(list)),
            g.Set(nameof(StepFrame.FailedEffect), Expression.Constant(start + i)),
            fail(TrialStepsCode.EffectFailed)));
        return Expression.Block(typeof(void), statements.Append(Expression.Empty()));
    }

    /// <summary>While some first-step condition is pending, each one not met yet is tested, and met at this step if it holds.</summary>
    private static Expression FirstSteps(CompiledModel model, StepFrameLocals g, Func<int, Expression> state, ProgramExpressions programs, Func<int, Expression> fail)
    {
        var tests = new List<Expression>();
        for (var i = 0; i < model.FirstStepConditions.Length; i++)
        {
            if (MachineMovesCode.IsMetByMoves(model.FirstStepConditions[i])) continue;
            var first = Expression.ArrayAccess(g.FirstStep, Expression.Constant(i));
            tests.Add(Expression.IfThen(Expression.LessThan(first, Expression.Constant(0)),
                Expression.IfThen(Holds(model.FirstStepConditions[i], g, state, programs, fail),
                    Expression.Block(Expression.Assign(first, g.Step), Expression.PreDecrementAssign(g.Pending)))));
        }
        return Expression.IfThen(Expression.GreaterThan(g.Pending, Expression.Constant(0)), Expression.Block(tests));
    }

    private static IEnumerable<Expression> StepsIn(CompiledModel model, StepFrameLocals g, Func<int, Expression> state, ProgramExpressions programs, Func<int, Expression> fail)
    {
        for (var i = 0; i < model.StepsInConditions.Length; i++)
        {
            var holds = Expression.Variable(typeof(bool), "holds");
            yield return Expression.Block([holds],
                Expression.Assign(holds, Holds(model.StepsInConditions[i], g, state, programs, fail)),
                Expression.Assign(Expression.ArrayAccess(g.StepsInHolds, Expression.Constant(i)), holds),
                Expression.IfThen(holds, Expression.PreIncrementAssign(Expression.ArrayAccess(g.StepsIn, Expression.Constant(i)))));
        }
    }

    /// <summary>
    /// Whether a condition holds: a state test (its machine's state in the mask), or a program's answer that is not 0;
    /// a program with no answer (not a number) ends the step with <see cref="TrialStepsCode.ConditionFailed"/>.
    /// </summary>
    private static Expression Holds(ConditionCode condition, StepFrameLocals g, Func<int, Expression> state, ProgramExpressions programs, Func<int, Expression> fail)
    {
        if (condition.Program < 0)
            return Expression.NotEqual(
                Expression.And(Expression.RightShift(Expression.Constant(condition.Mask), state(condition.Machine)), Expression.Constant(1UL)),
                Expression.Constant(0UL));
        var answer = Expression.Variable(typeof(double), "answer");
        return Expression.Block(typeof(bool), [answer],
            Expression.Assign(answer, programs.Program(condition.Program)),
            Expression.IfThen(Expression.NotEqual(answer, answer), Expression.Block(
                g.Set(nameof(StepFrame.FailedProgram), Expression.Constant(condition.Program)),
                fail(TrialStepsCode.ConditionFailed))),
            Expression.NotEqual(answer, Expression.Constant(0.0)));
    }
}
