using System.CommandLine;
using NorthKoreaShadowWar.Batches;
using NorthKoreaShadowWar.Cli.Terminal;
using NorthKoreaShadowWar.Diagnostics;
using NorthKoreaShadowWar.Exact;
using NorthKoreaShadowWar.Precision;
using NorthKoreaShadowWar.Reporting;
using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Shards;
using NorthKoreaShadowWar.Simulation;

namespace NorthKoreaShadowWar.Cli.Commands;

/// <summary><c>shadowwar run FILE</c>: Monte Carlo trials of a scenario into a results folder.</summary>
internal static class RunCommand
{
    /// <summary>
    /// What <c>run</c> was asked to do, after parsing. With a <c>Precision</c> (see <see cref="PrecisionSettings.Target"/>),
    /// trials run in batches, the first of <c>Trials</c>, until every interval is that narrow or <c>MaxTrials</c> are used.
    /// </summary>
    internal sealed record Request(
        string File, string? Variant, long Trials, ulong Seed, int Threads, IReadOnlyList<string> Overrides, string? Out, bool Force,
        double? Precision = null, long? MaxTrials = null, bool ConditionalExact = false, bool AllVariants = false, string? Shard = null);

    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "The scenario file (YAML)" };
        var variant = new Option<string?>("--variant") { Description = "Apply a named variant of the scenario" };
        var trials = new Option<long>("--trials") { Description = "Number of trials", DefaultValueFactory = _ => 10_000 };
        var seed = new Option<ulong>("--seed") { Description = "Seed for all random streams (same seed, same numbers)", DefaultValueFactory = _ => 1 };
        var threads = new Option<int>("--threads") { Description = "Worker threads (the numbers do not depend on it)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var set = new Option<string[]>("--set") { Description = "Override a parameter: name=value (repeatable), e.g. --set sk_shift=0.05", AllowMultipleArgumentsPerToken = false };
        var output = new Option<string?>("--out") { Description = "Results folder (default out/<name>[-<variant>])" };
        var force = new Option<bool>("--force") { Description = "Replace the results folder if it exists" };
        var precision = new Option<double?>("--precision")
        {
            Description = "Run in batches (the first of --trials, then doubling) until every probability's 95% interval is within ± this "
                + "(0.005: ±0.5 points) and every mean's within ± this share of the mean",
        };
        var maxTrials = new Option<long?>("--max-trials") { Description = $"With --precision: stop at this many trials even if the target is not met (default {PrecisionSettings.DefaultMaximumTrials:N0})" };
        var conditionalExact = new Option<bool>("--conditional-exact")
        {
            Description = "Draw the parameters per trial but compute the chain's outcomes exactly for each draw (Rao-Blackwellised); "
                + "reports the variance reduction against plain Monte Carlo",
        };
        var allVariants = new Option<bool>("--all-variants")
        {
            Description = "Run the base scenario and every variant with the same seed (common random numbers) into one folder "
                + "(default out/<name>-all-variants), with a combined table (batch.csv), overlaid plots and a report",
        };
        var shard = new Option<string?>("--shard")
        {
            Description = "Run only shard K of N (K = 1..N) of the --trials trials, into out/<name>[-<variant>]-shard-K-of-N, "
                + "with the exact state 'shadowwar merge' joins into the unsharded run's results",
        };
        var command = new Command("run", "Run Monte Carlo trials of a scenario and write a results folder")
        {
            file, variant, trials, seed, threads, set, output, force, precision, maxTrials, conditionalExact, allVariants, shard,
        };
        command.SetAction(parsed => Execute(new Request(
            parsed.GetValue(file)!, parsed.GetValue(variant), parsed.GetValue(trials), parsed.GetValue(seed),
            parsed.GetValue(threads), parsed.GetValue(set) ?? [], parsed.GetValue(output), parsed.GetValue(force),
            parsed.GetValue(precision), parsed.GetValue(maxTrials), parsed.GetValue(conditionalExact), parsed.GetValue(allVariants),
            parsed.GetValue(shard))));
        return command;
    }

    public static int Execute(Request request)
    {
        if (CommonOptions.TrialsAndThreadsProblem(request.Trials, request.Threads) is { } problem) return Usage(problem);
        if (request.Precision is { } halfWidth && !(halfWidth > 0 && halfWidth < 1))
            return Usage($"--precision must be a half-width between 0 and 1, e.g. 0.005 for ±0.5 percentage points, got {halfWidth}");
        if (request.MaxTrials is not null && request.Precision is null)
            return Usage("--max-trials applies only with --precision; use --trials to set the number of trials");
        if (request.MaxTrials is < 1 or > RunSettings.MaximumTrials)
            return Usage($"--max-trials must be between 1 and {RunSettings.MaximumTrials:N0}, got {request.MaxTrials}");
        if (request.ConditionalExact && request.Precision is not null)
            return Usage("--conditional-exact and --precision cannot be combined");
        if (request.AllVariants && (request.Variant is not null || request.Precision is not null || request.ConditionalExact))
            return Usage("--all-variants runs the base scenario and every variant; it cannot be combined with --variant, --precision or --conditional-exact");
        ShardRange? shard = null;
        if (request.Shard is { } shardText)
        {
            if (request.Precision is not null || request.ConditionalExact || request.AllVariants)
                return Usage("--shard splits a plain run; it cannot be combined with --precision, --conditional-exact or --all-variants");
            if (!ShardRange.TryParse(shardText, out var index, out var count))
                return Usage($"--shard takes K/N, shard K (1 to N) of N, e.g. --shard 2/8; got '{shardText}'");
            if (ShardRange.Problem(request.Trials, index, count) is { } shardProblem) return Usage($"--shard {shardText}: {shardProblem}");
            shard = ShardRange.Of(request.Trials, index, count);
        }
        if (ScenarioPreparation.TryPrepare(request.File, request.Variant, request.Overrides) is not { } prepared) return Program.BadInput;
        var scenario = prepared.Model.Scenario.Source;
        if (request.AllVariants) return ExecuteAllVariants(request, prepared);
        var defaultFolder = CommonOptions.DefaultFolder(scenario.Name, request.Variant) + (shard is { } range ? "-" + range.Label : "");
        if (OutputTarget.Choose(request.Out, defaultFolder, request.Force, [request.File]) is not var (target, existing)) return Program.BadInput;

        var settings = new RunSettings { Trials = request.Trials, Seed = request.Seed, Threads = request.Threads };
        // A shard keeps a copy of the scenario file beside its state, so that merge needs nothing else.
        byte[]? scenarioCopy = null;
        if (shard is not null && (scenarioCopy = ScenarioCopy(request.File, scenario.Sha256)) is null) return Program.RunFailure;
        ShardState? shardState = null;
        // A plain run stops gracefully on Ctrl-C with the trials completed; batched runs and shards (which merge
        // expects whole) stop at once.
        using var interruption = Interruption.Listen(graceful: request.Precision is null && !request.ConditionalExact && shard is null);
        RunResult result;
        IReadOnlyList<(string Outcome, double VarianceReduction)> reductions = [];
        try
        {
            if (request.ConditionalExact)
            {
                var conditional = ConditionalExactRunner.Run(prepared.Model, settings);
                (result, reductions) = (conditional.Result, conditional.VarianceReductions);
            }
            else result = request.Precision is { } precisionTarget
                ? PrecisionRunner.Run(prepared.Model, settings,
                    new PrecisionSettings(precisionTarget, request.MaxTrials ?? PrecisionSettings.DefaultMaximumTrials),
                    batch => ProgressDisplay.Run(prepared.Model, batch), PrecisionProgress.Report)
                : shard is { } part ? RunShard(prepared, settings, part, out shardState)
                : ResultsBuilder.Build(ProgressDisplay.Run(prepared.Model, settings, interruption.Token));
        }
        catch (SimulationException e)
        {
            Console.Error.WriteLine($"{request.File}: error: {e.Message}");
            return Program.RunFailure;
        }
        catch (ExactNotPossibleException e)
        {
            Console.Error.WriteLine($"{request.File}: error: no conditional-exact answer: {e.Message}");
            return Program.BadInput;
        }
        if (result.Manifest.Trials == 0)
        {
            Console.Error.WriteLine("interrupted before any trial was completed; no results were written");
            return interruption.ExitCode;
        }
        if (!ResultsFolderWriting.TryWrite(target, existing, directory =>
        {
            ResultsWriter.WriteAll(result, directory);
            ReportWriter.Write(result, prepared.Model.Scenario, directory);
            if (reductions.Count > 0) WriteVarianceReductions(reductions, Path.Combine(directory, "variance-reduction.csv"));
            if (shardState is not null)
            {
                ShardStateFile.Write(shardState, Path.Combine(directory, ShardState.FileName));
                File.WriteAllBytes(Path.Combine(directory, ShardState.ScenarioCopyFileName), scenarioCopy!);
            }
        })) return Program.RunFailure;
        OutcomeTable.Print(result, target);
        if (shardState?.Range is { } ran)
            Console.WriteLine($"shard {ran.Index}/{ran.Count}: trials {ran.FirstTrial + 1:N0}–{ran.EndTrial:N0} of {request.Trials:N0}; "
                + $"when all {ran.Count} are done, join them with: shadowwar merge DIR...");
        foreach (var (outcome, reduction) in reductions)
            Console.WriteLine($"{outcome}: variance {Reduction(reduction)} smaller than plain Monte Carlo at {request.Trials:N0} trials");
        if (result.TrialsRequested is { } requested)
        {
            Console.Error.WriteLine($"interrupted: {target} holds the first {result.Manifest.Trials:N0} of the {requested:N0} trials asked for "
                + "(\"partial\": true in summary.json); the numbers are those of a run of that many trials");
            return interruption.ExitCode;
        }
        return Program.Ok;
    }

    /// <summary>Runs the trials of <paramref name="shard"/> of the run <paramref name="settings"/> describes; <paramref name="state"/> is their exact state.</summary>
    private static RunResult RunShard(PreparedScenario prepared, RunSettings settings, ShardRange shard, out ShardState state)
    {
        var simulation = ProgressDisplay.Run(prepared.Model, settings with { FirstTrial = shard.FirstTrial, Trials = shard.Trials });
        state = ShardState.Of(simulation, shard, settings.Trials);
        return ResultsBuilder.Build(simulation) with { Shard = new ShardInfo(shard.Index, shard.Count, shard.FirstTrial, shard.Trials, settings.Trials) };
    }

    /// <summary>The bytes of <paramref name="file"/>, checked to be the ones that were loaded; null after saying why not.</summary>
    internal static byte[]? ScenarioCopy(string file, string loadedSha256)
    {
        try
        {
            var bytes = Files.BoundedFile.Read(file, Files.BoundedFile.HandWrittenLimit);
            if (Scenarios.Loading.ScenarioLoader.Sha256(bytes) == loadedSha256) return bytes;
            Console.Error.WriteLine($"{file}: error: the file changed while the run was being prepared; run it again");
        }
        catch (Files.UnreadableFileException e)
        {
            Console.Error.WriteLine($"{file}: error: cannot read the file again to keep a copy beside the shard: {e.Message}");
        }
        return null;
    }

    /// <summary><c>run --all-variants</c>: the base scenario and every variant as one batch.</summary>
    private static int ExecuteAllVariants(Request request, PreparedScenario prepared)
    {
        var scenario = prepared.Model.Scenario.Source;
        if (scenario.Variants.Count == 0) Console.Error.WriteLine($"{request.File}: the scenario defines no variants; running the base scenario alone");
        var batch = Batch.AllVariants(request.File, scenario.Name, scenario.Variants.Select(v => v.Name).ToList(), request.Overrides);
        if (OutputTarget.Choose(request.Out, Path.Combine("out", $"{scenario.Name}-all-variants"), request.Force, [request.File]) is not var (target, existing))
            return Program.BadInput;
        var settings = new RunSettings { Trials = request.Trials, Seed = request.Seed, Threads = request.Threads };
        return BatchExecution.Execute(batch, settings, target, existing, prepared.Warnings, "run");
    }

    private static string Reduction(double factor) =>
        double.IsPositiveInfinity(factor) ? "infinitely (no variation between draws)" : factor.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " times";

    /// <summary><c>outcome,variance_reduction</c>: how many times more trials plain Monte Carlo would need for the same interval.</summary>
    private static void WriteVarianceReductions(IReadOnlyList<(string Outcome, double VarianceReduction)> reductions, string path) =>
        File.WriteAllLines(path, ["outcome,variance_reduction", .. reductions.Select(r =>
            $"{r.Outcome},{(double.IsFinite(r.VarianceReduction) ? r.VarianceReduction.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : "")}")]);

    private static int Usage(string message)
    {
        Console.Error.WriteLine($"shadowwar run: {message}");
        return Program.BadInput;
    }
}
