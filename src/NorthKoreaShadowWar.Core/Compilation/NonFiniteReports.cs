using System.Globalization;
using NorthKoreaShadowWar.Scenarios;

namespace NorthKoreaShadowWar.Compilation;

/// <summary>
/// The words of the errors for values that are not finite numbers met while running (see docs/scenario-format.md,
/// "Limits"): a condition whose comparison had such an operand (<see cref="ProgramEvaluator"/> answers it with not a
/// number), and an effect or an initial value that made a variable such a value. Used only once a run has met one,
/// to name the expression, the comparison and the values; the caller adds the trial and the step.
/// </summary>
internal static class NonFiniteReports
{
    /// <summary>What usually makes a value that is not a finite number.</summary>
    public const string Causes = "a value that is not a finite number: 0 / 0, an overflow, a division by zero or the log of a number <= 0?";

    /// <summary>
    /// The guard or the multiplier condition of transition <paramref name="transition"/> that has no answer in the given
    /// situation, described ("the guard 'x - x == 0' of the transition to 'B' compares NaN == 0 (...)"); null when every
    /// condition the transition evaluates answers.
    /// </summary>
    public static string? OfTransition(CompiledModel model, int transition, ReadOnlySpan<double> constants,
        ReadOnlySpan<double> variables, ReadOnlySpan<int> states, Span<double> stack)
    {
        ref readonly var code = ref model.Transitions[transition];
        var definition = TransitionDefinitionOf(model, transition);
        var to = model.Scenario.Machines[code.Machine].States[code.Target];
        if (code.GuardProgram >= 0)
        {
            var guard = model.Evaluate(code.GuardProgram, constants, variables, states, stack);
            if (double.IsNaN(guard))
                return $"the guard '{definition.When?.Text}' of the transition to '{to}' {Comparison(model, code.GuardProgram, constants, variables, states, stack)} ({Causes})";
            if (guard == 0) return null;
        }
        for (var i = 0; i < code.MultiplierCount; i++)
        {
            var program = model.Multipliers[code.MultiplierStart + i].ConditionProgram;
            if (double.IsNaN(model.Evaluate(program, constants, variables, states, stack)))
                return $"the condition '{definition.Multipliers[i].When.Text}' of a multiplier of the transition to '{to}' {Comparison(model, program, constants, variables, states, stack)} ({Causes})";
        }
        return null;
    }

    /// <summary>The condition of an outcome (program <paramref name="program"/>) that has no answer in the given situation, described.</summary>
    public static string OfOutcome(CompiledModel model, int program, ReadOnlySpan<double> constants,
        ReadOnlySpan<double> variables, ReadOnlySpan<int> states, Span<double> stack)
    {
        var outcomes = model.Scenario.Outcomes;
        var outcome = outcomes.FirstOrDefault(o => ConditionOf(model, o, outcomes) is { } c && c.Program == program);
        var what = outcome is null ? "a condition" : $"outcome '{outcome.Name}': the condition '{outcome.Definition.Subject.Text}'";
        return $"{what} {Comparison(model, program, constants, variables, states, stack)} ({Causes})";
    }

    /// <summary>
    /// Effect <paramref name="effect"/> (of effect list <paramref name="list"/>) made its variable
    /// <paramref name="result"/>: "machine 'M', state 'S': the each_step effect 'x *= 1e200' makes variable 'x' Infinity (...)".
    /// </summary>
    public static string OfEffect(CompiledModel model, int list, int effect, double result)
    {
        var scenario = model.Scenario;
        var offset = effect - model.EffectLists[list].Start;
        var variable = scenario.Variables[model.Effects[effect].Variable].Name;
        var makes = $"makes variable '{variable}' {Number(result)} (an overflow, a division by zero or the log of a number <= 0?)";
        for (var t = 0; t < model.Transitions.Length; t++)
        {
            if (model.Transitions[t].Effects != list) continue;
            var machine = scenario.Machines[model.Transitions[t].Machine];
            return $"machine '{machine.Name}': the effect '{Text(TransitionDefinitionOf(model, t).Effects[offset])}' of the transition to '{machine.States[model.Transitions[t].Target]}' {makes}";
        }
        for (var m = 0; m < model.MachineCount; m++)
        {
            for (var s = 0; s < model.StateCount[m]; s++)
            {
                if (model.Rows[model.StateOffset[m] + s].EachStepEffects != list) continue;
                var machine = scenario.Machines[m];
                var written = machine.Definition.EachStep.FirstOrDefault(e => e.State.Value == machine.States[s]);
                var text = written is not null && offset < written.Effects.Count ? $" '{Text(written.Effects[offset])}'" : "";
                return $"machine '{machine.Name}', state '{machine.States[s]}': the each_step effect{text} {makes}";
            }
        }
        return $"an effect {makes}";
    }

    /// <summary>Variable <paramref name="variable"/>'s initial value came out <paramref name="value"/>.</summary>
    public static string OfInitialValue(CompiledModel model, int variable, double value)
    {
        var name = model.Scenario.Variables[variable].Name;
        var written = model.Scenario.Source.Variables.FirstOrDefault(v => v.Name == name);
        return $"variable '{name}': its initial value{(written is null ? "" : $" '{written.Initial.Text}'")} is {Number(value)} ({Causes})";
    }

    /// <summary>
    /// "compares NaN == 0": the first comparison in program <paramref name="program"/> with an operand that is not a
    /// finite number, with its operands as they are in the given situation. Each comparison's operands are found by
    /// evaluating the program up to it: the values on the stack at that point.
    /// </summary>
    private static string Comparison(CompiledModel model, int program, ReadOnlySpan<double> constants,
        ReadOnlySpan<double> variables, ReadOnlySpan<int> states, Span<double> stack)
    {
        var range = model.Programs[program];
        var code = model.Code.AsSpan(range.Start, range.Length);
        var depth = 0;
        for (var i = 0; i < code.Length; i++)
        {
            if (ProgramEvaluator.IsComparison(code[i].Code))
            {
                ProgramEvaluator.Evaluate(code[..i], constants, variables, states, stack);
                var (left, right) = (stack[depth - 2], stack[depth - 1]);
                if (!double.IsFinite(left) || !double.IsFinite(right))
                    return $"compares {Number(left)} {Symbol(code[i].Code)} {Number(right)}";
            }
            depth += ProgramEvaluator.StackEffect(code[i].Code);
        }
        return "has no answer";
    }

    private static ConditionCode? ConditionOf(CompiledModel model, Scenarios.Validation.ResolvedOutcome outcome, IReadOnlyList<Scenarios.Validation.ResolvedOutcome> outcomes)
    {
        var tracker = model.OutcomeTracker[IndexOf(outcomes, outcome)];
        return outcome.Kind switch
        {
            OutcomeKind.Reached or OutcomeKind.FirstStep => model.FirstStepConditions[tracker],
            OutcomeKind.StepsIn => model.StepsInConditions[tracker],
            _ => null,
        };
    }

    private static int IndexOf<T>(IReadOnlyList<T> list, T item) where T : class
    {
        for (var i = 0; i < list.Count; i++)
            if (ReferenceEquals(list[i], item)) return i;
        return -1;
    }

    /// <summary>The transition as written; compiled transitions are numbered machine by machine, in file order.</summary>
    private static TransitionDefinition TransitionDefinitionOf(CompiledModel model, int transition)
    {
        foreach (var machine in model.Scenario.Machines)
        {
            if (transition < machine.Transitions.Count) return machine.Transitions[transition].Definition;
            transition -= machine.Transitions.Count;
        }
        throw new ArgumentOutOfRangeException(nameof(transition));
    }

    private static string Text(EffectDefinition effect) => effect.Operator switch
    {
        EffectOperator.Add => $"{effect.Variable.Value} += {effect.Value.Text}",
        EffectOperator.Subtract => $"{effect.Variable.Value} -= {effect.Value.Text}",
        EffectOperator.Multiply => $"{effect.Variable.Value} *= {effect.Value.Text}",
        _ => $"{effect.Variable.Value} = {effect.Value.Text}",
    };

    private static string Symbol(OpCode code) => code switch
    {
        OpCode.Less => "<",
        OpCode.LessOrEqual => "<=",
        OpCode.Greater => ">",
        OpCode.GreaterOrEqual => ">=",
        OpCode.Equal => "==",
        _ => "!=",
    };

    /// <summary>A number as the errors write it: NaN, Infinity, -Infinity, or its shortest round-trip form.</summary>
    internal static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
