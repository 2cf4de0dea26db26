using System.Globalization;
using System.Text;
using NorthKoreaShadowWar.Scenarios;
using NorthKoreaShadowWar.Scenarios.Validation;
using Stateless;

namespace NorthKoreaShadowWar.Description;

/// <summary>
/// Builds a Stateless <see cref="StateMachine{TState, TTrigger}"/> with the shape of a scenario machine, for
/// Stateless's graph export. States are the state names (absorbing ones suffixed with <see cref="AbsorbingSuffix"/>);
/// every transition is one trigger, named by its <see cref="TransitionLabel">label</see>, permitted from each of its
/// source states to its target; a <c>when</c> guard becomes a Stateless guard whose description is the guard text.
/// The machine is only described, never fired: guards always return true.
/// </summary>
internal static class StatelessMachineBuilder
{
    /// <summary>What follows the name of an absorbing state in a diagram.</summary>
    public const string AbsorbingSuffix = " (absorbing)";

    /// <summary>The Stateless machine of <paramref name="machine"/>, in its initial state.</summary>
    public static StateMachine<string, string> Build(ResolvedMachine machine)
    {
        var names = Enumerable.Range(0, machine.States.Count).Select(s => StateName(machine, s)).ToList();
        var stateMachine = new StateMachine<string, string>(names[machine.InitialState]);
        foreach (var name in names) stateMachine.Configure(name);
        var triggersByState = names.Select(_ => new HashSet<string>(StringComparer.Ordinal)).ToList();
        for (var t = 0; t < machine.Transitions.Count; t++)
        {
            var transition = machine.Transitions[t];
            var label = TransitionLabel(transition.Definition);
            var guard = transition.Definition.When is { } when ? Clean(when.Text) : null;
            foreach (var from in transition.From)
            {
                var trigger = triggersByState[from].Add(label) ? label : string.Create(CultureInfo.InvariantCulture, $"{label} (transition {t + 1})");
                triggersByState[from].Add(trigger);
                Permit(stateMachine.Configure(names[from]), trigger, from == transition.To ? null : names[transition.To], guard);
            }
        }
        return stateMachine;
    }

    /// <summary>The name of <paramref name="state"/> in a diagram: its name, with <see cref="AbsorbingSuffix"/> when it is absorbing.</summary>
    public static string StateName(ResolvedMachine machine, int state) =>
        machine.Absorbing[state] ? machine.States[state] + AbsorbingSuffix : machine.States[state];

    /// <summary>
    /// The label of a transition's edge, without its guard: the probability and its multipliers as written,
    /// e.g. <c>p = combat_entry ×1.5 if arms in [Missiles, Tech]</c>. Runs of white space become one space.
    /// </summary>
    public static string TransitionLabel(TransitionDefinition transition)
    {
        var label = new StringBuilder("p = ").Append(Clean(transition.Probability.Text));
        for (var i = 0; i < transition.Multipliers.Count; i++)
        {
            var multiplier = transition.Multipliers[i];
            label.Append(i == 0 ? " " : ", ").Append('×').Append(Clean(multiplier.By.Text)).Append(" if ").Append(Clean(multiplier.When.Text));
        }
        return label.ToString();
    }

    private static void Permit(StateMachine<string, string>.StateConfiguration source, string trigger, string? target, string? guard)
    {
        if (target is null)
        {
            if (guard is null) source.PermitReentry(trigger);
            else source.PermitReentryIf(trigger, Always, guard);
        }
        else
        {
            if (guard is null) source.Permit(trigger, target);
            else source.PermitIf(trigger, target, Always, guard);
        }
    }

    private static bool Always() => true;

    private static string Clean(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
