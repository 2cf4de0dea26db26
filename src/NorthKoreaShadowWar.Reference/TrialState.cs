using NorthKoreaShadowWar.Expressions;
using NorthKoreaShadowWar.Scenarios;
using NorthKoreaShadowWar.Scenarios.Validation;

namespace NorthKoreaShadowWar.Reference;

/// <summary>
/// Everything one trial carries: its parameter values, the variables and machine states now, and the copies
/// taken at the start of the current step, which every guard, probability and effect value reads.
/// </summary>
internal sealed class TrialState(ResolvedScenario scenario)
{
    /// <summary>The parameter values drawn for this trial, by parameter index.</summary>
    public double[] Parameters { get; } = new double[scenario.Parameters.Count];

    /// <summary>The variables now, by variable index.</summary>
    public double[] Variables { get; } = new double[scenario.Variables.Count];

    /// <summary>Each machine's state now; the Stateless machines read and write their state here.</summary>
    public int[] States { get; } = new int[scenario.Machines.Count];

    /// <summary>The variables as they were when the current step began.</summary>
    public double[] VariablesAtStepStart { get; } = new double[scenario.Variables.Count];

    /// <summary>The machine states as they were when the current step began.</summary>
    public int[] StatesAtStepStart { get; } = new int[scenario.Machines.Count];

    /// <summary>The effect lists of the transitions taken in the current step, in the order they were taken.</summary>
    public List<IReadOnlyList<ResolvedEffect>> EffectsTaken { get; } = [];

    /// <summary>What guards, probabilities and effect values read: the world at the start of the step.</summary>
    public ExpressionInputs AtStepStart => new(Parameters, VariablesAtStepStart, StatesAtStepStart);

    /// <summary>What outcomes read after a step: the world as it is now.</summary>
    public ExpressionInputs Now => new(Parameters, Variables, States);

    /// <summary>Takes the start-of-step copies and forgets the previous step's transitions.</summary>
    public void BeginStep()
    {
        Array.Copy(Variables, VariablesAtStepStart, Variables.Length);
        Array.Copy(States, StatesAtStepStart, States.Length);
        EffectsTaken.Clear();
    }

    /// <summary>Applies <paramref name="effects"/> in order, each value computed from the variables at the start of the step.</summary>
    public void Apply(IReadOnlyList<ResolvedEffect> effects)
    {
        foreach (var effect in effects)
        {
            var value = ReferenceEvaluator.Evaluate(effect.Value, AtStepStart);
            var current = Variables[effect.Variable];
            Variables[effect.Variable] = effect.Operator switch
            {
                EffectOperator.Add => current + value,
                EffectOperator.Subtract => current - value,
                EffectOperator.Multiply => current * value,
                EffectOperator.Set => value,
                _ => throw new InvalidOperationException($"unknown effect operator {effect.Operator}"),
            };
        }
    }
}
