using System.CommandLine;
using System.Globalization;
using NorthKoreaShadowWar.Cli.Terminal;
using NorthKoreaShadowWar.Description;
using NorthKoreaShadowWar.Diagnostics;
using NorthKoreaShadowWar.Tracing;

namespace NorthKoreaShadowWar.Cli.Commands;

/// <summary>
/// <c>shadowwar trace FILE</c>: sample paths told step by step in plain English, from the scenario's labels and
/// narratives. <c>--by MACHINE</c> tells one representative path per state the machine ends in.
/// </summary>
internal static class TraceCommand
{
    internal sealed record Request(string File, string? Variant, int Paths, ulong Seed, string? By, long Scan, IReadOnlyList<string> Overrides);

    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "The scenario file (YAML)" };
        var variant = new Option<string?>("--variant") { Description = "Apply a named variant of the scenario" };
        var paths = new Option<int>("--paths") { Description = "Number of sample paths (trials 0, 1, ... of a run with the same seed)", DefaultValueFactory = _ => 3 };
        var seed = new Option<ulong>("--seed") { Description = "Seed (the same as for run)", DefaultValueFactory = _ => 1 };
        var by = new Option<string?>("--by") { Description = "Tell one representative path per final state of this machine" };
        var scan = new Option<long>("--scan") { Description = "Trials scanned to find representatives with --by", DefaultValueFactory = _ => 10_000 };
        var set = new Option<string[]>("--set") { Description = "Override a parameter: name=value (repeatable)" };
        var command = new Command("trace", "Tell sample paths of a scenario step by step in plain English")
        {
            file, variant, paths, seed, by, scan, set,
        };
        command.SetAction(parsed => Execute(new Request(parsed.GetValue(file)!, parsed.GetValue(variant), parsed.GetValue(paths),
            parsed.GetValue(seed), parsed.GetValue(by), parsed.GetValue(scan), parsed.GetValue(set) ?? [])));
        return command;
    }

    public static int Execute(Request request)
    {
        if (request.Paths < 1 || request.Paths > 1000)
            return Usage($"--paths must be between 1 and 1,000, got {request.Paths}");
        if (request.Scan < 1 || request.Scan > 10_000_000)
            return Usage($"--scan must be between 1 and 10,000,000, got {request.Scan}");
        if (ScenarioPreparation.TryPrepare(request.File, request.Variant, request.Overrides) is not { } prepared) return Program.BadInput;
        var model = prepared.Model;
        var storyteller = new Storyteller(model.Scenario);
        var output = Console.Out;
        try
        {
            if (request.By is null)
            {
                foreach (var path in PathTracer.Trace(model, request.Seed, Enumerable.Range(0, request.Paths).Select(i => (long)i)))
                {
                    NarrativeWriter.Write(path, storyteller, $"Path {path.Trial + 1} (trial {path.Trial}, seed {request.Seed})", output);
                    output.WriteLine();
                }
                return Program.Ok;
            }
            var machine = model.Scenario.Machines.Select(m => m.Name).ToList().IndexOf(request.By);
            if (machine < 0)
                return Usage($"--by names no machine '{request.By}'; the machines are {string.Join(", ", model.Scenario.Machines.Select(m => m.Name))}");
            foreach (var group in PathTracer.Representatives(model, request.Seed, machine, request.Scan))
            {
                var share = (double)group.Trials / group.Scanned;
                var heading = $"Ending with {storyteller.MachineLabel(machine)}: {storyteller.StateLabel(machine, group.FinalState)} " +
                              $"({share.ToString("P1", CultureInfo.InvariantCulture)} of {group.Scanned:N0} trials) — trial {group.Path.Trial}";
                NarrativeWriter.Write(group.Path, storyteller, heading, output);
                output.WriteLine();
            }
            return Program.Ok;
        }
        catch (SimulationException e)
        {
            Console.Error.WriteLine($"{request.File}: error: {e.Message}");
            return Program.RunFailure;
        }
    }

    private static int Usage(string message)
    {
        Console.Error.WriteLine($"shadowwar trace: {message}");
        return Program.BadInput;
    }
}
