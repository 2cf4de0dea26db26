using System.CommandLine;
using NorthKoreaShadowWar.Checking;
using NorthKoreaShadowWar.Cli.Terminal;
using NorthKoreaShadowWar.Updating;

namespace NorthKoreaShadowWar.Cli.Commands;

/// <summary><c>shadowwar check FILE --evidence E.yaml</c>: can the scenario learn from the evidence (see docs/checking.md).</summary>
internal static class CheckCommand
{
    internal sealed record Request(
        string File, string Evidence, string? Variant, long Trials, long Replicates, double Threshold, ulong Seed, int Threads,
        IReadOnlyList<string> Overrides, string? Out, bool Force);

    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "The scenario file (YAML)" };
        var evidence = new Option<string>("--evidence") { Description = "The evidence file (YAML, see docs/updating.md)", Required = true };
        var variant = new Option<string?>("--variant") { Description = "Apply a named variant of the scenario" };
        var trials = new Option<long>("--trials") { Description = $"Trials from the prior, and particles of the posterior, in blocks of {UpdateSettings.BlockSize:N0}", DefaultValueFactory = _ => 65_536 };
        var replicates = new Option<long>("--replicates") { Description = "Trials simulated from the posterior for the predictive checks", DefaultValueFactory = _ => 16_384 };
        var threshold = new Option<double>("--surprise") { Description = "Observations less likely than this are surprising (default 0.01)", DefaultValueFactory = _ => 0.01 };
        var seed = new Option<ulong>("--seed") { Description = "Seed for all random streams (same seed, same numbers)", DefaultValueFactory = _ => 1 };
        var threads = new Option<int>("--threads") { Description = "Worker threads (the numbers do not depend on it)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var set = new Option<string[]>("--set") { Description = "Override a parameter: name=value (repeatable)", AllowMultipleArgumentsPerToken = false };
        var output = new Option<string?>("--out") { Description = "Results folder (default out/<name>[-<variant>]-check)" };
        var force = new Option<bool>("--force") { Description = "Replace the results folder if it exists" };
        var command = new Command("check", "Check a scenario against evidence: impossible and surprising observations, what the evidence can teach, posterior predictive checks")
        {
            file, evidence, variant, trials, replicates, threshold, seed, threads, set, output, force,
        };
        command.SetAction(parsed => Execute(new Request(
            parsed.GetValue(file)!, parsed.GetValue(evidence)!, parsed.GetValue(variant), parsed.GetValue(trials), parsed.GetValue(replicates),
            parsed.GetValue(threshold), parsed.GetValue(seed), parsed.GetValue(threads), parsed.GetValue(set) ?? [], parsed.GetValue(output), parsed.GetValue(force))));
        return command;
    }

    public static int Execute(Request request)
    {
        if (CommonOptions.TrialsAndThreadsProblem(request.Trials, request.Threads) is { } problem) return Usage(problem);
        if (request.Replicates is < 1 or > Simulation.RunSettings.MaximumTrials)
            return Usage($"--replicates must be between 1 and {Simulation.RunSettings.MaximumTrials:N0}, got {request.Replicates}");
        if (!(request.Threshold is > 0 and < 1)) return Usage($"--surprise must be a probability between 0 and 1 (exclusive), got {request.Threshold}");
        if (ScenarioPreparation.TryPrepare(request.File, request.Variant, request.Overrides) is not { } prepared) return Program.BadInput;
        if (ScenarioPreparation.TryReadEvidence(request.Evidence, prepared) is not { } evidenceFile) return Program.BadInput;
        var impossible = CheckRunner.Impossible(prepared.Model, evidenceFile);
        if (impossible.Count > 0)
        {
            foreach (var line in impossible) Console.Error.WriteLine(line);
            return Program.BadInput;
        }
        var scenario = prepared.Model.Scenario.Source;
        var defaultFolder = CommonOptions.DefaultFolder(scenario.Name, request.Variant) + "-check";
        if (OutputTarget.Choose(request.Out, defaultFolder, request.Force, [request.File, request.Evidence]) is not var (folder, existing)) return Program.BadInput;
        var settings = new CheckSettings { Trials = request.Trials, Replicates = request.Replicates, Threshold = request.Threshold, Seed = request.Seed, Threads = request.Threads };
        if (!EvidenceRun.TryRun(request.File, () => CheckRunner.Run(prepared.Model, evidenceFile, settings, step => Console.Error.WriteLine($"check: {step}")),
                out var result, out var failure)) return failure;
        if (!ResultsFolderWriting.TryWrite(folder, existing, directory =>
            {
                File.WriteAllText(Path.Combine(directory, "check.json"), CheckJson.Write(result));
                File.WriteAllText(Path.Combine(directory, "report.md"), CheckReport.Markdown(result, request.File));
            })) return Program.RunFailure;
        foreach (var line in CheckReport.Summary(result)) Console.WriteLine(line);
        Console.WriteLine($"Results in {folder} (report.md, check.json)");
        return Program.Ok;
    }

    private static int Usage(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        return Program.BadInput;
    }
}
