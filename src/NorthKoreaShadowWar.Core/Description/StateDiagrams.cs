using System.Text;
using NorthKoreaShadowWar.Scenarios.Validation;
using Stateless.Graph;

namespace NorthKoreaShadowWar.Description;

/// <summary>
/// State diagrams of a scenario's machines, one per machine in file order, drawn by Stateless's own graph export
/// (<see cref="UmlDotGraph"/> and <see cref="MermaidGraph"/>) from the machines <see cref="StatelessMachineBuilder"/> builds.
/// Edges are labelled with the probability, its multipliers and, in brackets, the guard; absorbing states are
/// marked with <see cref="StatelessMachineBuilder.AbsorbingSuffix"/>; a machine with an initial distribution has a
/// labelled start arrow to each state it may start in (<see cref="InitialDistributionEdges"/>).
/// </summary>
internal static class StateDiagrams
{
    /// <summary>The Graphviz DOT diagram of every machine.</summary>
    public static IReadOnlyList<MachineDiagram> Dot(ResolvedScenario scenario) => Draw(scenario, DiagramFormat.Dot);

    /// <summary>The Mermaid <c>stateDiagram-v2</c> diagram of every machine.</summary>
    public static IReadOnlyList<MachineDiagram> Mermaid(ResolvedScenario scenario) => Draw(scenario, DiagramFormat.Mermaid);

    /// <summary>The diagram of every machine in <paramref name="format"/>.</summary>
    public static IReadOnlyList<MachineDiagram> Draw(ResolvedScenario scenario, DiagramFormat format) =>
        scenario.Machines.Select(machine => new MachineDiagram(machine.Name, Draw(machine, format))).ToList();

    /// <summary>The diagram of one machine in <paramref name="format"/>.</summary>
    public static string Draw(ResolvedMachine machine, DiagramFormat format)
    {
        var info = StatelessMachineBuilder.Build(machine).GetInfo();
        var diagram = format switch
        {
            DiagramFormat.Dot => UmlDotGraph.Format(info),
            DiagramFormat.Mermaid => MermaidGraph.Format(info),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown diagram format"),
        };
        return InitialDistributionEdges.Apply(diagram, machine, format);
    }

    /// <summary>
    /// The diagrams one after another, each preceded by a comment line naming its machine
    /// (<c>// machine: name</c> in DOT, <c>%% machine: name</c> in Mermaid) and separated by a blank line.
    /// </summary>
    public static string Join(IEnumerable<MachineDiagram> diagrams, DiagramFormat format)
    {
        var comment = format == DiagramFormat.Dot ? "//" : "%%";
        var text = new StringBuilder();
        foreach (var diagram in diagrams)
        {
            if (text.Length > 0) text.Append('\n');
            text.Append(comment).Append(" machine: ").Append(diagram.Name).Append('\n');
            text.Append(diagram.Text.ReplaceLineEndings("\n").TrimEnd()).Append('\n');
        }
        return text.ToString();
    }
}
