using NorthKoreaShadowWar.Scenarios.Validation;

namespace NorthKoreaShadowWar.Description;

/// <summary>A machine in words: its states and transitions, labelled, and its diagram.</summary>
/// <param name="Name">The machine's name.</param>
/// <param name="Label">Its readable name (<see cref="Storyteller.MachineLabel"/>).</param>
/// <param name="Initial">The index of its initial state.</param>
/// <param name="InitialDistribution">Its initial distribution, or null when it starts in one state.</param>
/// <param name="States">Its states, in file order.</param>
/// <param name="Transitions">Its transitions, in file order.</param>
/// <param name="Svg">Its diagram as SVG, or null where none could be drawn.</param>
internal sealed record MachineOutline(
    string Name,
    string Label,
    int Initial,
    IReadOnlyList<InitialShareOutline>? InitialDistribution,
    IReadOnlyList<StateOutline> States,
    IReadOnlyList<TransitionOutline> Transitions,
    string? Svg)
{
    /// <summary>The outline of <paramref name="machine"/>, machine number <paramref name="index"/>, with diagram <paramref name="svg"/>.</summary>
    public static MachineOutline Of(ResolvedMachine machine, int index, Storyteller storyteller, string? svg) => new(
        machine.Name,
        storyteller.MachineLabel(index),
        machine.InitialState,
        machine.InitialShares.Count == 0 ? null
            : machine.InitialShares.Select(s => new InitialShareOutline(s.State, s.Definition.Probability.Text)).ToList(),
        machine.States.Select((state, s) => new StateOutline(state, storyteller.StateLabel(index, s), machine.Absorbing[s])).ToList(),
        machine.Transitions.Select(t => new TransitionOutline(t.From, t.To, StatelessMachineBuilder.TransitionLabel(t.Definition), t.Definition.When?.Text)).ToList(),
        svg);
}

/// <summary>A state a machine may start in, with its probability as written.</summary>
internal sealed record InitialShareOutline(int State, string Probability);

/// <summary>A state, its readable label, and whether it is absorbing.</summary>
internal sealed record StateOutline(string Name, string Label, bool Absorbing);

/// <summary>A transition: the states it leaves from, the one it enters, its edge label (<see cref="StatelessMachineBuilder.TransitionLabel"/>) and its guard as written.</summary>
internal sealed record TransitionOutline(IReadOnlyList<int> From, int To, string Label, string? Guard);
