using System.CommandLine;
using NorthKoreaShadowWar.Batches;
using NorthKoreaShadowWar.Cli.Terminal;
using NorthKoreaShadowWar.Simulation;

namespace NorthKoreaShadowWar.Cli.Commands;

/// <summary>
/// <c>shadowwar sweep FILE --param NAME=LO:HI:N ...</c>: the scenario at every point of a grid (or, with
/// <c>--samples N</c>, of a Latin hypercube) over some parameters, each point run like <c>run --set NAME=value</c> with
/// the same seed, into one folder with a combined table, plots against each parameter and a report.
/// </summary>
internal static class SweepCommand
{
    internal sealed record Request(
        string File, IReadOnlyList<string> Parameters, int? Samples, string? Variant, IReadOnlyList<string> Overrides,
        long Trials, ulong Seed, int Threads, string? Out, bool Force);

    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "The scenario file (YAML)" };
        var parameters = new Option<string[]>("--param")
        {
            Description = "A swept parameter (repeatable): NAME=LO:HI:N for N evenly spaced values from LO to HI (a full grid over all of them), "
                + "or NAME=LO:HI with --samples",
        };
        var samples = new Option<int?>("--samples") { Description = "A Latin hypercube of this many points over the --param ranges, instead of a grid" };
        var variant = new Option<string?>("--variant") { Description = "Apply a named variant of the scenario at every point" };
        var set = new Option<string[]>("--set") { Description = "Override a parameter at every point: name=value (repeatable)" };
        var trials = new Option<long>("--trials") { Description = "Number of trials per point", DefaultValueFactory = _ => 10_000 };
        var seed = new Option<ulong>("--seed") { Description = "Seed shared by every point (common random numbers); also draws the Latin hypercube", DefaultValueFactory = _ => 1 };
        var threads = new Option<int>("--threads") { Description = "Worker threads (the numbers do not depend on it)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var output = new Option<string?>("--out") { Description = "Results folder (default out/sweep-<name>[-<variant>])" };
        var force = new Option<bool>("--force") { Description = "Replace the results folder if it exists" };
        var command = new Command("sweep", "Run a scenario at every point of a grid or a Latin hypercube over some parameters, with common random numbers")
        {
            file, parameters, samples, variant, set, trials, seed, threads, output, force,
        };
        command.SetAction(parsed => Execute(new Request(
            parsed.GetValue(file)!, parsed.GetValue(parameters) ?? [], parsed.GetValue(samples), parsed.GetValue(variant),
            parsed.GetValue(set) ?? [], parsed.GetValue(trials), parsed.GetValue(seed), parsed.GetValue(threads),
            parsed.GetValue(output), parsed.GetValue(force))));
        return command;
    }

    public static int Execute(Request request)
    {
        if (CommonOptions.TrialsAndThreadsProblem(request.Trials, request.Threads) is { } problem) return Usage(problem);
        if (ScenarioPreparation.TryPrepare(request.File, request.Variant, request.Overrides) is not { } prepared) return Program.BadInput;
        var scenario = prepared.Model.Scenario.Source;
        if (SweepDesign.Create(request.Parameters, request.Samples, request.Seed, scenario, out var error) is not { } design) return Usage(error!);
        var batch = Batch.Sweep(request.File, scenario.Name, request.Variant, request.Overrides, design);
        var defaultFolder = Path.Combine("out", $"sweep-{scenario.Name}" + (request.Variant is null ? "" : "-" + request.Variant));
        if (OutputTarget.Choose(request.Out, defaultFolder, request.Force, [request.File]) is not var (target, existing)) return Program.BadInput;
        var settings = new RunSettings { Trials = request.Trials, Seed = request.Seed, Threads = request.Threads };
        return BatchExecution.Execute(batch, settings, target, existing, prepared.Warnings, "sweep");
    }

    private static int Usage(string message)
    {
        Console.Error.WriteLine($"shadowwar sweep: {message}");
        return Program.BadInput;
    }
}
