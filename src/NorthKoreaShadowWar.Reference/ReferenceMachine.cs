using NorthKoreaShadowWar.Expressions;
using NorthKoreaShadowWar.Diagnostics;
using NorthKoreaShadowWar.Scenarios.Validation;
using Stateless;

namespace NorthKoreaShadowWar.Reference;

/// <summary>
/// One scenario machine as a real Stateless <see cref="StateMachine{TState, TTrigger}"/>: each transition is a
/// trigger permitted from each of its source states, its <c>when</c> guard is the Stateless guard clause, and
/// entering its target through that trigger queues its effects. Stateless keeps the machine's state in
/// <see cref="TrialState.States"/>, so the rest of the trial sees every move.
/// </summary>
internal sealed class ReferenceMachine
{
    /// <summary>Beyond this much above 1, a state's outgoing probabilities are an error (rounding aside).</summary>
    public const double SumTolerance = 1e-9;

    private readonly ResolvedMachine definition;
    private readonly int index;
    private readonly TrialState trial;
    private readonly StateMachine<string, string> machine;
    private readonly Dictionary<string, int> stateIndex;
    /// <summary>For each state, the transitions leaving it, in file order.</summary>
    private readonly List<Trigger>[] leaving;
    /// <summary>The enabled transitions of the current move and their effective probabilities (kept to save allocations).</summary>
    private readonly List<Trigger> enabled = [];
    private readonly List<double> probabilities = [];

    public ReferenceMachine(ResolvedMachine definition, int index, TrialState trial)
    {
        this.definition = definition;
        this.index = index;
        this.trial = trial;
        stateIndex = definition.States.Select((name, s) => (name, s)).ToDictionary(x => x.name, x => x.s, StringComparer.Ordinal);
        machine = new StateMachine<string, string>(
            () => definition.States[trial.States[index]],
            state => trial.States[index] = stateIndex[state]);
        foreach (var state in definition.States) machine.Configure(state);
        leaving = definition.States.Select(_ => new List<Trigger>()).ToArray();
        for (var t = 0; t < definition.Transitions.Count; t++) Configure(definition.Transitions[t], $"transition {t + 1}");
    }

    /// <summary>A transition as a Stateless trigger, with the guard clause Stateless was given for it.</summary>
    private sealed record Trigger(string Name, ResolvedTransition Transition, Func<bool> Guard);

    private void Configure(ResolvedTransition transition, string name)
    {
        var target = definition.States[transition.To];
        // Guards read the states and variables as they were at the start of the step, never a machine that
        // has already moved in this step: that is what makes the update synchronous.
        Func<bool> guard = transition.Guard is { } condition ? () => ReferenceEvaluator.IsTrue(condition, trial.AtStepStart) : () => true;
        var guardText = transition.Definition.When?.Text ?? "always";
        foreach (var from in transition.From.Distinct())
        {
            leaving[from].Add(new Trigger(name, transition, guard));
            var source = machine.Configure(definition.States[from]);
            // Stateless refuses Permit to the same state; a self-loop is a re-entry.
            if (from == transition.To) source.PermitReentryIf(name, guard, guardText);
            else source.PermitIf(name, target, guard, guardText);
        }
        // Effects wait until every machine has moved, so entering the target only queues them.
        machine.Configure(target).OnEntryFrom(name, () => trial.EffectsTaken.Add(transition.Effects), "queue the transition's effects");
    }

    /// <summary>
    /// Moves the machine once: each enabled transition (leaving the current state, guard true) is taken with its
    /// effective probability, using one uniform draw; with the remaining probability the machine stays.
    /// </summary>
    /// <exception cref="SimulationException">A probability is negative, or they add up to more than 1.</exception>
    public void Move(Random random, long trialNumber, int step)
    {
        // The enabled transitions are those whose guard clause holds. The guards are asked here directly rather
        // than through Stateless's CanFire, which costs about a microsecond a call; Fire checks the same guard
        // again, so a transition Stateless would refuse can never be taken.
        enabled.Clear();
        probabilities.Clear();
        foreach (var trigger in leaving[trial.States[index]])
        {
            if (!trigger.Guard()) continue;
            var p = EffectiveProbability(trigger.Transition);
            if (!(p >= 0)) throw Invalid($"a transition has probability {p}", trialNumber, step);
            enabled.Add(trigger);
            probabilities.Add(p);
        }
        var sum = probabilities.Sum();
        if (sum > 1 + SumTolerance) throw Invalid($"the outgoing probabilities add up to {sum:G6}", trialNumber, step);

        var draw = random.NextDouble();
        var cumulative = 0.0;
        for (var i = 0; i < enabled.Count; i++)
        {
            cumulative += probabilities[i];
            if (draw < cumulative)
            {
                machine.Fire(enabled[i].Name);
                return;
            }
        }
    }

    /// <summary>p times the factor of every multiplier whose condition holds, all read at the start of the step.</summary>
    private double EffectiveProbability(ResolvedTransition transition)
    {
        var inputs = trial.AtStepStart;
        var p = ReferenceEvaluator.Evaluate(transition.Probability, inputs);
        foreach (var (condition, factor) in transition.Multipliers)
            if (ReferenceEvaluator.IsTrue(condition, inputs)) p *= ReferenceEvaluator.Evaluate(factor, inputs);
        return p;
    }

    private SimulationException Invalid(string problem, long trialNumber, int step) =>
        new($"machine '{definition.Name}', state '{definition.States[trial.StatesAtStepStart[index]]}': {problem}, in trial {trialNumber} at step {step}");
}
