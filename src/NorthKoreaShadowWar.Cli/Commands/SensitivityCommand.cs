using System.CommandLine;
using NorthKoreaShadowWar.Cli.Terminal;
using NorthKoreaShadowWar.Comparison;
using NorthKoreaShadowWar.Diagnostics;
using NorthKoreaShadowWar.Reporting;
using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Sensitivity;

namespace NorthKoreaShadowWar.Cli.Commands;

/// <summary>
/// <c>shadowwar sensitivity FILE --outcome NAME</c>: which assumption matters most for an outcome — a tornado of
/// one-at-a-time swings and first-order and total Sobol indices, into a results folder.
/// </summary>
internal static class SensitivityCommand
{
    /// <summary>The largest design one analysis may run (evaluations of the tornado, or of the Sobol design).</summary>
    private const long MaximumDesignTrials = 200_000_000;

    internal sealed record Request(
        string File, IReadOnlyList<string> Outcomes, string? Variant, IReadOnlyList<string> Overrides, int SobolSamples, int TornadoTrials,
        ulong Seed, int Threads, string? Out, bool Force);

    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "The scenario file (YAML)" };
        var outcome = new Option<string[]>("--outcome")
        {
            Description = "An outcome to analyse (repeatable); a final outcome names its state: --outcome final_sk=DirectLethal",
        };
        var variant = new Option<string?>("--variant") { Description = "Apply a named variant of the scenario" };
        var set = new Option<string[]>("--set") { Description = "Override a parameter: name=value (repeatable)" };
        var trials = new Option<int>("--trials")
        {
            Description = "Base sample size N of the Sobol design; it runs N·(2k + 3) trials for k uncertain parameters (0: no Sobol indices)",
            DefaultValueFactory = _ => SensitivitySettings.DefaultSobolSamples,
        };
        var tornadoTrials = new Option<int>("--tornado-trials")
        {
            Description = "Trials at each of the tornado's 2k + 1 settings (0: no tornado)",
            DefaultValueFactory = _ => SensitivitySettings.DefaultTornadoTrials,
        };
        var seed = new Option<ulong>("--seed") { Description = "Seed for the design and every random stream (same seed, same numbers)", DefaultValueFactory = _ => 1 };
        var threads = new Option<int>("--threads") { Description = "Worker threads (the numbers do not depend on it)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var output = new Option<string?>("--out") { Description = "Results folder (default out/sensitivity-<name>[-<variant>])" };
        var force = new Option<bool>("--force") { Description = "Replace the results folder if it exists" };
        var command = new Command("sensitivity", "Which assumption matters most for an outcome: a tornado and Sobol indices, with the trial's own chance as one more input")
        {
            file, outcome, variant, set, trials, tornadoTrials, seed, threads, output, force,
        };
        command.SetAction(parsed => Execute(new Request(
            parsed.GetValue(file)!, parsed.GetValue(outcome) ?? [], parsed.GetValue(variant), parsed.GetValue(set) ?? [],
            parsed.GetValue(trials), parsed.GetValue(tornadoTrials), parsed.GetValue(seed), parsed.GetValue(threads),
            parsed.GetValue(output), parsed.GetValue(force))));
        return command;
    }

    public static int Execute(Request request)
    {
        if (request.SobolSamples < 0 || request.TornadoTrials < 0 || request.SobolSamples + request.TornadoTrials == 0)
            return Usage($"--trials and --tornado-trials must be at least 0, and not both 0; got {request.SobolSamples} and {request.TornadoTrials}");
        if (request.Threads < 1 || request.Threads > 1024)
            return Usage($"--threads must be between 1 and 1024, got {request.Threads}");
        if (ScenarioPreparation.TryPrepare(request.File, request.Variant, request.Overrides) is not { } prepared) return Program.BadInput;
        var model = prepared.Model;
        var outcomeNames = string.Join(", ", model.Scenario.Outcomes.Select(o => o.Name));
        if (request.Outcomes.Count == 0)
            return Usage($"name at least one outcome to analyse with --outcome NAME; the scenario's outcomes are {outcomeNames}");
        var quantities = new List<ComparedQuantity>();
        foreach (var written in request.Outcomes)
        {
            if (SensitivityOutcomes.Resolve(model, written, out var problem) is not { } quantity) return Usage(problem!);
            if (!quantities.Contains(quantity)) quantities.Add(quantity);
        }
        var parameters = SensitivityRunner.UncertainParameters(model);
        if (parameters.Count == 0)
            return Usage("the scenario has no uncertain parameters (each is a fixed number or computed from others), so there is nothing to rank; "
                + "give a parameter a distribution, e.g. --set \"name={ uniform: [0.1, 0.3] }\"");
        var settings = new SensitivitySettings
        {
            SobolSamples = request.SobolSamples, TornadoTrials = request.TornadoTrials, Seed = request.Seed, Threads = request.Threads,
        };
        var (tornado, sobol) = (settings.TornadoTrialsInAll(parameters.Count), settings.SobolTrials(parameters.Count));
        if (Math.Max(tornado, sobol) * quantities.Count > MaximumDesignTrials)
            return Usage($"the analysis would keep {Math.Max(tornado, sobol) * quantities.Count:N0} results in memory (at most {MaximumDesignTrials:N0}); lower --trials or --tornado-trials");

        var scenario = model.Scenario.Source;
        var defaultFolder = Path.Combine("out", "sensitivity-" + scenario.Name + (request.Variant is null ? "" : "-" + request.Variant));
        if (OutputTarget.Choose(request.Out, defaultFolder, request.Force, [request.File]) is not var (target, existing)) return Program.BadInput;

        Console.WriteLine($"{parameters.Count} uncertain parameters; tornado: {2 * parameters.Count + 1} settings × {settings.TornadoTrials:N0} = {tornado:N0} trials; "
            + $"Sobol design: N = {settings.SobolSamples:N0} × (2k + 3 = {2 * parameters.Count + 3}) = {sobol:N0} trials; {tornado + sobol:N0} trials in all");
        SensitivityResult result;
        try
        {
            result = ProgressDisplay.Track(progress => SensitivityRunner.Run(model, quantities, settings, progress),
                tornado + sobol, $"{tornado + sobol:N0} sensitivity trials", "trials");
        }
        catch (SimulationException e)
        {
            Console.Error.WriteLine($"{request.File}: error: {e.Message}");
            return Program.RunFailure;
        }
        result = result with { Variant = request.Variant, Overrides = request.Overrides };
        foreach (var warning in result.Warnings) Console.Error.WriteLine($"{request.File}: warning: {warning}");
        if (!ResultsFolderWriting.TryWrite(target, existing, directory =>
            {
                SensitivityCsv.Write(result, Path.Combine(directory, "sensitivity.csv"));
                SensitivityReport.Write(result, directory);
            }))
            return Program.RunFailure;
        SensitivityTable.Print(result, target);
        return Program.Ok;
    }

    private static int Usage(string message)
    {
        Console.Error.WriteLine($"shadowwar sensitivity: {message}");
        return Program.BadInput;
    }
}
