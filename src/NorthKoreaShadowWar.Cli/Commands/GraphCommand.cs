using System.CommandLine;
using NorthKoreaShadowWar.Cli.Terminal;
using NorthKoreaShadowWar.Description;
using NorthKoreaShadowWar.Diagnostics;

namespace NorthKoreaShadowWar.Cli.Commands;

/// <summary>
/// <c>shadowwar graph FILE [--variant V] [--format dot|mermaid]</c>: the state diagram of every machine, one after
/// another, each preceded by a comment line naming the machine.
/// </summary>
internal static class GraphCommand
{
    internal sealed record Request(string File, string? Variant, string Format);

    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "The scenario file (YAML)" };
        var variant = new Option<string?>("--variant") { Description = "Apply a named variant of the scenario" };
        var format = new Option<string>("--format") { Description = "Diagram format: mermaid or dot (Graphviz)", DefaultValueFactory = _ => "mermaid" };
        var command = new Command("graph", "Print a state diagram of every machine of a scenario (Mermaid or Graphviz DOT)")
        {
            file, variant, format,
        };
        command.SetAction(parsed => Execute(new Request(parsed.GetValue(file)!, parsed.GetValue(variant), parsed.GetValue(format) ?? "mermaid")));
        return command;
    }

    public static int Execute(Request request)
    {
        DiagramFormat format;
        if (string.Equals(request.Format, "mermaid", StringComparison.OrdinalIgnoreCase)) format = DiagramFormat.Mermaid;
        else if (string.Equals(request.Format, "dot", StringComparison.OrdinalIgnoreCase)) format = DiagramFormat.Dot;
        else return Usage($"--format must be mermaid or dot, got '{request.Format}'");
        if (ScenarioPreparation.TryPrepare(request.File, request.Variant, []) is not { } prepared) return Program.BadInput;
        var diagrams = StateDiagrams.Draw(prepared.Model.Scenario, format);
        Console.Out.Write(StateDiagrams.Join(diagrams, format));
        return Program.Ok;
    }

    private static int Usage(string message)
    {
        Console.Error.WriteLine($"shadowwar graph: {message}");
        return Program.BadInput;
    }
}
