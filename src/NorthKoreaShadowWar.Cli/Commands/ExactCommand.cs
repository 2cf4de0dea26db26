using System.CommandLine;
using NorthKoreaShadowWar.Cli.Terminal;
using NorthKoreaShadowWar.Diagnostics;
using NorthKoreaShadowWar.Exact;
using NorthKoreaShadowWar.Reporting;
using NorthKoreaShadowWar.Results;

namespace NorthKoreaShadowWar.Cli.Commands;

/// <summary>
/// <c>shadowwar exact FILE</c>: exact answers by propagating the joint distribution of the machines' states,
/// for scenarios with fixed parameters whose transitions and outcomes read only states. Writes the same results
/// folder as <c>run</c>, with intervals of zero width.
/// </summary>
internal static class ExactCommand
{
    internal sealed record Request(string File, string? Variant, IReadOnlyList<string> Overrides, string? Out, bool Force);

    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "The scenario file (YAML)" };
        var variant = new Option<string?>("--variant") { Description = "Apply a named variant of the scenario" };
        var set = new Option<string[]>("--set") { Description = "Override a parameter: name=value (repeatable)" };
        var output = new Option<string?>("--out") { Description = "Results folder (default out/<name>[-<variant>]-exact)" };
        var force = new Option<bool>("--force") { Description = "Replace the results folder if it exists" };
        var command = new Command("exact", "Exact answers by propagating the joint distribution (fixed parameters, outcomes over states)")
        {
            file, variant, set, output, force,
        };
        command.SetAction(parsed => Execute(new Request(parsed.GetValue(file)!, parsed.GetValue(variant), parsed.GetValue(set) ?? [],
            parsed.GetValue(output), parsed.GetValue(force))));
        return command;
    }

    public static int Execute(Request request)
    {
        if (ScenarioPreparation.TryPrepare(request.File, request.Variant, request.Overrides) is not { } prepared) return Program.BadInput;
        var scenario = prepared.Model.Scenario.Source;
        if (OutputTarget.Choose(request.Out, CommonOptions.DefaultFolder(scenario.Name, request.Variant) + "-exact", request.Force, [request.File])
            is not var (target, existing)) return Program.BadInput;
        RunResult result;
        try
        {
            result = ExactSolver.Solve(prepared.Model);
        }
        catch (ExactNotPossibleException e)
        {
            Console.Error.WriteLine($"{request.File}: error: no exact answer: {e.Message}");
            return Program.BadInput;
        }
        catch (SimulationException e)
        {
            Console.Error.WriteLine($"{request.File}: error: {e.Message}");
            return Program.RunFailure;
        }
        if (!ResultsFolderWriting.TryWrite(target, existing, directory =>
        {
            ResultsWriter.WriteAll(result, directory);
            ReportWriter.Write(result, prepared.Model.Scenario, directory);
        })) return Program.RunFailure;
        OutcomeTable.Print(result, target);
        return Program.Ok;
    }

    private static int Usage(string message)
    {
        Console.Error.WriteLine($"shadowwar exact: {message}");
        return Program.BadInput;
    }
}
