using NorthKoreaShadowWar.Scenarios.Validation;

namespace NorthKoreaShadowWar.Description;

/// <summary>
/// A machine with an initial distribution has one start arrow per state it may start in, each labelled with its
/// probability as written (<c>p = 1 - p0</c>), in place of the single start arrow Stateless draws to the first of them.
/// </summary>
internal static class InitialDistributionEdges
{
    public static string Apply(string diagram, ResolvedMachine machine, DiagramFormat format)
    {
        if (machine.InitialShares.Count == 0) return diagram;
        var lines = diagram.ReplaceLineEndings("\n").Split('\n').ToList();
        var start = format == DiagramFormat.Dot ? "init ->" : "[*] -->";
        var at = lines.FindIndex(line => line.TrimStart().StartsWith(start, StringComparison.Ordinal));
        if (at < 0) return diagram;
        var indent = lines[at][..(lines[at].Length - lines[at].TrimStart().Length)];
        var edges = machine.InitialShares.Select(share =>
        {
            var name = StatelessMachineBuilder.StateName(machine, share.State);
            var label = "p = " + string.Join(' ', share.Definition.Probability.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            return format == DiagramFormat.Dot
                ? $"{indent}init -> \"{name}\"[style = \"solid\", label=\"{label.Replace("\"", "\\\"", StringComparison.Ordinal)}\"]"
                : $"{indent}[*] --> {name.Replace(" ", "", StringComparison.Ordinal)} : {label}";
        });
        lines.RemoveAt(at);
        lines.InsertRange(at, edges);
        return string.Join('\n', lines);
    }
}
