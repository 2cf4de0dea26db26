using System.CommandLine;
using System.Globalization;
using NorthKoreaShadowWar.Cli.Terminal;
using NorthKoreaShadowWar.Reporting;
using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Updating;

namespace NorthKoreaShadowWar.Cli.Commands;

/// <summary><c>shadowwar update FILE --evidence E.yaml</c>: the scenario conditioned on observed evidence (see docs/updating.md).</summary>
internal static class UpdateCommand
{
    internal sealed record Request(
        string File, string Evidence, string? Variant, long Trials, ulong Seed, int Threads, IReadOnlyList<string> Overrides, string? Out, bool Force,
        double? Ess = null, long? MaxTrials = null, bool AcceptLowEss = false, bool AllVariants = false, string Method = "smc", int? Moves = null,
        string? Shard = null);

    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "The scenario file (YAML)" };
        var evidence = new Option<string>("--evidence") { Description = "The evidence file (YAML, see docs/updating.md)", Required = true };
        var variant = new Option<string?>("--variant") { Description = "Apply a named variant of the scenario" };
        var trials = new Option<long>("--trials") { Description = $"Particles (trials), in blocks of {UpdateSettings.BlockSize:N0}", DefaultValueFactory = _ => 65_536 };
        var seed = new Option<ulong>("--seed") { Description = "Seed for all random streams (same seed, same numbers)", DefaultValueFactory = _ => 1 };
        var threads = new Option<int>("--threads") { Description = "Worker threads (the numbers do not depend on it)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var set = new Option<string[]>("--set") { Description = "Override a parameter: name=value (repeatable)", AllowMultipleArgumentsPerToken = false };
        var output = new Option<string?>("--out") { Description = "Results folder (default out/<name>[-<variant>]-updated)" };
        var force = new Option<bool>("--force") { Description = "Replace the results folder if it exists" };
        var ess = new Option<double?>("--ess") { Description = "Add particles (doubling) until the effective draws (the ESS, at most the distinct trials behind it) reach this, or --max-trials" };
        var maxTrials = new Option<long?>("--max-trials") { Description = "With --ess: stop at this many particles (default 1,048,576)" };
        var acceptLow = new Option<bool>("--accept-low-ess") { Description = $"Keep a posterior whose effective sample size is below {UpdateSettings.MinimumEss:N0} (exit 0)" };
        var allVariants = new Option<bool>("--all-variants") { Description = "Update the base scenario and every variant; log marginal likelihoods and Bayes factors against the base" };
        var method = new Option<string>("--method") { Description = "smc (sequential Monte Carlo in blocks) or is (importance weighting)", DefaultValueFactory = _ => "smc" };
        var move = new Option<int?>("--move")
        {
            Description = $"smc: sweeps of the move of the parameters after each resampling, 0 to {UpdateSettings.MaximumMoves} (default {new UpdateSettings().Moves}; 0 keeps the parameters as drawn)",
        };
        var shard = new Option<string?>("--shard")
        {
            Description = "Run only shard K of N (K = 1..N) of the blocks, into out/<name>[-<variant>]-updated-shard-K-of-N, "
                + "with the exact state 'shadowwar merge' joins into the unsharded update's results",
        };
        var command = new Command("update", "Condition a scenario on observed evidence and forecast from there")
        {
            file, evidence, variant, trials, seed, threads, set, output, force, ess, maxTrials, acceptLow, allVariants, method, move, shard,
        };
        command.SetAction(parsed => Execute(new Request(
            parsed.GetValue(file)!, parsed.GetValue(evidence)!, parsed.GetValue(variant), parsed.GetValue(trials), parsed.GetValue(seed),
            parsed.GetValue(threads), parsed.GetValue(set) ?? [], parsed.GetValue(output), parsed.GetValue(force),
            parsed.GetValue(ess), parsed.GetValue(maxTrials), parsed.GetValue(acceptLow), parsed.GetValue(allVariants), parsed.GetValue(method)!,
            parsed.GetValue(move), parsed.GetValue(shard))));
        return command;
    }

    public static int Execute(Request request)
    {
        if (CommonOptions.TrialsAndThreadsProblem(request.Trials, request.Threads) is { } problem) return Usage(problem);
        if (request.Ess is { } target && !(target >= 1)) return Usage($"--ess must be at least 1, got {target}");
        if (request.MaxTrials is not null && request.Ess is null) return Usage("--max-trials applies only with --ess; use --trials to set the number of particles");
        if (request.MaxTrials is < 1 or > Simulation.RunSettings.MaximumTrials)
            return Usage($"--max-trials must be between 1 and {Simulation.RunSettings.MaximumTrials:N0}, got {request.MaxTrials}");
        if (request.Method is not ("smc" or "is")) return Usage($"--method must be smc or is, got '{request.Method}'");
        if (request.Moves is < 0 or > UpdateSettings.MaximumMoves) return Usage($"--move must be between 0 and {UpdateSettings.MaximumMoves}, got {request.Moves}");
        if (request.Moves > 0 && request.Method == "is") return Usage("--move moves the particles of sequential Monte Carlo; it does not apply to --method is");
        if (request.AllVariants && request.Variant is not null) return Usage("--all-variants updates the base scenario and every variant; it cannot be combined with --variant");
        if (UpdateShardCommand.Problem(request, out var shard) is { } shardProblem) return Usage(shardProblem);
        if (ScenarioPreparation.TryPrepare(request.File, request.Variant, request.Overrides) is not { } prepared) return Program.BadInput;
        if (ScenarioPreparation.TryReadEvidence(request.Evidence, prepared) is not { } evidenceFile) return Program.BadInput;
        var settings = new UpdateSettings
        {
            Trials = request.Trials, Seed = request.Seed, Threads = request.Threads, TargetEss = request.Ess,
            MaxTrials = request.MaxTrials ?? new UpdateSettings().MaxTrials,
            Method = request.Method == "is" ? UpdateMethod.Importance : UpdateMethod.Smc,
            Moves = request.Moves ?? new UpdateSettings().Moves,
        };
        if (shard is { } range) return UpdateShardCommand.Execute(request, prepared, settings, range);
        if (request.AllVariants) return AllVariants(request, prepared, settings);
        var scenario = prepared.Model.Scenario.Source;
        var defaultFolder = CommonOptions.DefaultFolder(scenario.Name, request.Variant) + "-updated";
        if (OutputTarget.Choose(request.Out, defaultFolder, request.Force, [request.File, request.Evidence]) is not var (folder, existing)) return Program.BadInput;
        if (!EvidenceRun.TryRun(request.File, () => UpdateRunner.Run(prepared.Model, evidenceFile, settings,
                (particles, effective) => Console.Error.WriteLine($"{particles:N0} particles: {effective:N0} effective draws")),
                out var result, out var failure)) return failure;
        if (!PosteriorFolderWriting.TryWrite(folder, existing, result.Posterior, result.Prior, prepared.Model.Scenario,
                summary => EvidenceJson.AddTo(summary, result.Evidence, result.Moves), EvidenceReport.Lead(result.Evidence))) return Program.RunFailure;
        Print(result.Evidence, result.Moves, folder);
        return EssVerdict(result.Evidence, request.AcceptLowEss, "--accept-low-ess");
    }

    /// <summary>
    /// Exit 0 when the posterior rests on enough effective draws (or <paramref name="accepted"/>); else says so, naming
    /// <paramref name="acceptOption"/> as the way to keep it, and exit 1 unless accepted.
    /// </summary>
    internal static int EssVerdict(EvidenceSummary evidence, bool accepted, string acceptOption)
    {
        if (evidence.EffectiveDraws >= UpdateSettings.MinimumEss) return Program.Ok;
        Console.Error.WriteLine($"shadowwar update: the effective sample size is {evidence.Ess:N1} with {evidence.DistinctOrigins:N0} distinct trials behind it, below the minimum of {UpdateSettings.MinimumEss:N0}: "
            + $"the posterior rests on too few particles to trust. Add particles (--trials, or --ess with --max-trials), or pass {acceptOption} to keep it.");
        return accepted ? Program.Ok : Program.RunFailure;
    }

    internal static void Print(EvidenceSummary evidence, MoveSummary moves, string folder)
    {
        Console.WriteLine($"{evidence.File}: {evidence.Observations} observations up to step {evidence.AsOf}; method {evidence.Method}; "
            + $"{evidence.Particles:N0} particles, effective sample size {evidence.Ess:N0} ({evidence.DistinctOrigins:N0} distinct trials); log marginal likelihood {F(evidence.LogMarginalLikelihood)} ± {F(evidence.LogMarginalLikelihoodSe)}");
        if (moves.Proposed > 0)
            Console.WriteLine($"Moves of the parameters: {moves.Sweeps} after each resampling, {moves.Accepted:N0} of {moves.Proposed:N0} accepted ({moves.AcceptanceRate:P1})");
        EvidenceChanges.Print(evidence.Changes);
        Console.WriteLine($"Results in {folder} (report.html; prior/ holds the prior's results)");
    }

    private static string F(double value) => double.IsFinite(value) ? value.ToString("0.00", CultureInfo.InvariantCulture) : "–";

    /// <summary><c>--all-variants</c>: each variant's log marginal likelihood and its Bayes factor against the base, with 95% intervals.</summary>
    private static int AllVariants(Request request, PreparedScenario basePrepared, UpdateSettings settings)
    {
        var scenario = basePrepared.Model.Scenario.Source;
        var folder = request.Out ?? Path.Combine("out", $"{scenario.Name}-updated-all-variants");
        if (OutputTarget.Choose(request.Out, folder, request.Force, [request.File, request.Evidence]) is not var (target, existing)) return Program.BadInput;
        var rows = new List<(string Variant, EvidenceSummary? Evidence, string? Problem)>();
        foreach (var variant in new string?[] { null }.Concat(scenario.Variants.Select(v => v.Name)))
        {
            var prepared = variant is null ? basePrepared : ScenarioPreparation.TryPrepare(request.File, variant, request.Overrides);
            if (prepared is null) return Program.BadInput;
            if (ScenarioPreparation.TryReadEvidence(request.Evidence, prepared) is not { } evidence) return Program.BadInput;
            try
            {
                rows.Add((variant ?? "base", UpdateRunner.Run(prepared.Model, evidence, settings).Evidence, null));
            }
            catch (EvidenceImpossibleException e)
            {
                rows.Add((variant ?? "base", null, e.Observation.Describe()));
            }
        }
        var table = BayesFactors.Table(rows);
        if (!ResultsFolderWriting.TryWrite(target, existing, directory => File.WriteAllLines(Path.Combine(directory, "bayes-factors.csv"), BayesFactors.Csv(table))))
            return Program.RunFailure;
        Console.WriteLine("variant                     log Z ± se    effective draws   Bayes factor vs base [95%]");
        foreach (var row in table)
            Console.WriteLine($"  {row.Variant,-24} {F(row.LogZ),8} ± {F(row.LogZSe),-6} {row.Ess,9:N0}   {BayesFactors.Show(row)}");
        Console.WriteLine($"Table in {Path.Combine(target, "bayes-factors.csv")}");
        return Program.Ok;
    }

    private static int Usage(string message)
    {
        Console.Error.WriteLine($"shadowwar update: {message}");
        return Program.BadInput;
    }
}
