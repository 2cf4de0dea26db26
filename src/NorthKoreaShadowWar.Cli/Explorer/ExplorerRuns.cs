using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using NorthKoreaShadowWar.Description;
using NorthKoreaShadowWar.Diagnostics;
using NorthKoreaShadowWar.Files;
using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Simulation;
using NorthKoreaShadowWar.Tracing;
using NorthKoreaShadowWar.Updating;

namespace NorthKoreaShadowWar.Cli.Explorer;

/// <summary>
/// What the explorer's endpoints do: describe a scenario, run it with a variant and overrides (or add trials to the
/// last run), and tell a sample path. Compiled scenarios are cached; at most <see cref="ExplorerOptions.MaxConcurrentRuns"/>
/// runs are computed at a time. Every problem caused by the request is an <see cref="ExplorerRequestException"/>.
/// </summary>
internal sealed partial class ExplorerRuns(ExplorerOptions options) : IDisposable
{
    private const int CachedModels = 32, MaxOverrides = 200, MaxOverrideLength = 500;

    private readonly SemaphoreSlim slots = new(options.MaxConcurrentRuns, options.MaxConcurrentRuns);
    private readonly Lock cacheGate = new();
    private readonly Dictionary<string, ExploredModel> models = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<string?>> diagrams = new(StringComparer.Ordinal);
    private readonly EvidenceCatalogue evidence = new(options.Scenarios, options.Evidence);
    private long clock;

    /// <summary>The scenario files the page may open, the one it opens first, the evidence files it may condition on, and the limits.</summary>
    public object Scenarios()
    {
        var files = options.Scenarios.List();
        return new
        {
            folder = options.Scenarios.DisplayName,
            scenarios = files,
            defaultScenario = options.DefaultScenario ?? (files.Count > 0 ? files[0] : null),
            defaultTrials = options.DefaultTrials,
            maxTrialsPerRequest = options.MaxTrialsPerRequest,
            maxTotalTrials = options.MaxTotalTrials,
            blockSize = RunSettings.BlockSize,
            evidence = evidence.List(),
            defaultEvidence = evidence.Default,
            evidenceBlockSize = UpdateSettings.BlockSize,
            maxParticles = MaxParticles,
        };
    }

    /// <summary>The description of a scenario with a variant applied: parameters, variants, machines and outcomes.</summary>
    public object Describe(string? file, string? variant)
    {
        var model = Prepare(file, variant, []);
        var scenario = model.Prepared.Model.Scenario;
        IReadOnlyList<string?>? drawn;
        lock (cacheGate) diagrams.TryGetValue(scenario.Source.Sha256, out drawn);
        if (drawn is null)
        {
            drawn = DiagramRenderer.Svg(scenario);
            lock (cacheGate) diagrams[scenario.Source.Sha256] = drawn;
        }
        return ScenarioDescription.Describe(model.File, scenario, drawn);
    }

    /// <summary>
    /// Runs <see cref="ExplorerRequest.Trials"/> trials after the first <see cref="ExplorerRequest.From"/>: the answer
    /// covers trials 0 .. From + Trials − 1 and equals one run of that many trials with the same seed, whether the
    /// earlier trials were still kept (and are continued) or are run again. Whatever the request asks, it never runs
    /// more than <see cref="ExplorerOptions.MaxTrialsPerRequest"/> trials: earlier trials that are no longer kept are
    /// run again only when they fit in that limit with the new ones (docs/explorer.md, "Limits").
    /// </summary>
    public async Task<object> RunAsync(ExplorerRequest request, CancellationToken cancellation)
    {
        if (request.Evidence is not null) return await UpdateAsync(request, cancellation);
        var stopwatch = Stopwatch.StartNew();
        var (from, trials) = CheckedCounts(request, RunSettings.BlockSize, "trials");
        var seed = request.Seed ?? 1;
        var model = Prepare(request.Scenario, request.Variant, Overrides(request.Set));
        await TakeSlot(cancellation);
        try
        {
            var total = from + trials;
            var result = model.Last(seed, total);
            var simulated = 0L;
            if (result is null)
            {
                var earlier = from > 0 ? model.Last(seed, from) : null;
                var first = earlier is null ? 0 : from;
                if (total - first > options.MaxTrialsPerRequest)
                    throw new ExplorerRequestException(400, $"the first {from:N0} trials with seed {seed} are no longer kept, and running them again " +
                        $"with the {trials:N0} asked for would be {total:N0} trials, more than the {options.MaxTrialsPerRequest:N0} one request may run; " +
                        "start again with from 0");
                var compiled = model.Prepared.Model;
                var added = await Task.Run(() => Simulate(compiled, first, total - first, seed, cancellation), cancellation);
                simulated = added.Trials;
                result = earlier is null ? added : SimulationResult.Concatenate(earlier, added);
                model.Remember(result);
            }
            var built = ResultsBuilder.Build(result, measureCorrelations: false);
            return RunJson.From(built, simulated, stopwatch.Elapsed, model.Prepared.Warnings.Select(FieldDiagnostic.From).ToList());
        }
        catch (SimulationException e)
        {
            throw RunFailure(model, e);
        }
        finally
        {
            slots.Release();
        }
    }

    /// <summary>Trial <see cref="ExplorerRequest.Trial"/> told as a story, step by step.</summary>
    public object Trace(ExplorerRequest request)
    {
        var trial = request.Trial ?? 0;
        if (trial < 0 || trial >= RunSettings.MaximumTrials)
            throw new ExplorerRequestException(400, $"trial must be between 0 and {RunSettings.MaximumTrials - 1:N0}, got {trial}");
        var seed = request.Seed ?? 1;
        var model = Prepare(request.Scenario, request.Variant, Overrides(request.Set));
        var compiled = model.Prepared.Model;
        try
        {
            var path = PathTracer.Trace(compiled, seed, [trial])[0];
            using var writer = new StringWriter(CultureInfo.InvariantCulture);
            NarrativeWriter.Write(path, new Storyteller(compiled.Scenario), $"Trial {trial} (seed {seed})", writer);
            var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
            return new { trial, seed, heading = lines[0], lines = lines.Skip(1).Select(l => l.Trim()) };
        }
        catch (SimulationException e)
        {
            throw RunFailure(model, e);
        }
    }

    /// <inheritdoc />
    public void Dispose() => slots.Dispose();

    /// <summary>
    /// Runs the trials; a run cancelled because the page replaced the request is abandoned (its first whole blocks are of
    /// no use to anyone), so only complete runs are ever kept and continued.
    /// </summary>
    /// <exception cref="OperationCanceledException">The request was given up.</exception>
    private SimulationResult Simulate(Compilation.CompiledModel model, long first, long trials, ulong seed, CancellationToken cancellation)
    {
        var result = MonteCarloRunner.Run(model, new RunSettings { FirstTrial = first, Trials = trials, Seed = seed, Threads = options.Threads }, null, cancellation);
        cancellation.ThrowIfCancellationRequested();
        return result;
    }

    private static long RoundUp(long trials, long block) => (trials + block - 1) / block * block;

    /// <summary>
    /// The request's <c>from</c> and <c>trials</c> (the default when left out): trials between 1 and the most one request
    /// may run, rounded up to a multiple of <paramref name="block"/>; from a multiple of it; both together within the total limit.
    /// <paramref name="unit"/> names what they count (trials, or an update's particles).
    /// </summary>
    private (long From, long Trials) CheckedCounts(ExplorerRequest request, int block, string unit)
    {
        var trials = request.Trials ?? options.DefaultTrials;
        if (trials < 1 || trials > options.MaxTrialsPerRequest)
            throw new ExplorerRequestException(400, $"trials must be between 1 and {options.MaxTrialsPerRequest:N0} per request, got {trials}");
        trials = RoundUp(trials, block);
        var from = request.From ?? 0;
        if (from < 0 || from % block != 0)
            throw new ExplorerRequestException(400, $"from must be a non-negative multiple of {block:N0} (the {unit} shown so far), got {from}");
        if (from > options.MaxTotalTrials - trials)
            throw new ExplorerRequestException(400, $"at most {options.MaxTotalTrials:N0} {unit} in all; {from:N0} are shown and {trials:N0} more were asked for");
        return (from, trials);
    }

    /// <summary>Waits for a free run slot, at most <see cref="ExplorerOptions.RunQueueTimeout"/>; the caller releases it.</summary>
    private async Task TakeSlot(CancellationToken cancellation)
    {
        if (!await slots.WaitAsync(options.RunQueueTimeout, cancellation))
            throw new ExplorerRequestException(503, "the explorer is busy with other runs; try again in a moment");
    }

    /// <summary>The message of a scenario that failed at run time, as the page shows it.</summary>
    private static ExplorerRequestException RunFailure(ExploredModel model, SimulationException e)
    {
        var message = $"{model.File}: error: {e.Message}";
        return new ExplorerRequestException(400, message, [new FieldDiagnostic(message, null, "error")]);
    }

    /// <summary>The overrides as <c>name=value</c> texts, sorted by name, exactly as <c>--set</c> would give them.</summary>
    internal static IReadOnlyList<string> Overrides(Dictionary<string, JsonElement>? set)
    {
        if (set is null) return [];
        if (set.Count > MaxOverrides) throw new ExplorerRequestException(400, $"at most {MaxOverrides} overrides, got {set.Count}");
        var overrides = new List<string>();
        foreach (var (name, element) in set.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            var value = element.ValueKind switch
            {
                JsonValueKind.Number => element.GetRawText(),
                JsonValueKind.String => element.GetString()!,
                _ => throw new ExplorerRequestException(400, $"the value of '{name}' must be a number or a text, like --set {name}=VALUE",
                    [new FieldDiagnostic($"the value of '{name}' must be a number or a text", name, "error")]),
            };
            if (name.Length + value.Length > MaxOverrideLength)
                throw new ExplorerRequestException(400, $"the override of '{name}' is longer than {MaxOverrideLength} characters");
            overrides.Add($"{name}={value}");
        }
        return overrides;
    }

    private ExploredModel Prepare(string? file, string? variant, IReadOnlyList<string> overrides)
    {
        var path = options.Scenarios.Resolve(file);
        var name = options.Scenarios.NameOf(path) ?? file!;
        byte[] bytes;
        try
        {
            bytes = BoundedFile.Read(path, BoundedFile.HandWrittenLimit);
        }
        catch (UnreadableFileException e)
        {
            throw new ExplorerRequestException(400, $"'{name}' {e.Message}");
        }
        var key = string.Join('\n', [name, Convert.ToHexString(SHA256.HashData(bytes)), variant ?? "", .. overrides]);
        lock (cacheGate)
        {
            if (models.TryGetValue(key, out var cached))
            {
                cached.LastUsed = ++clock;
                return cached;
            }
        }
        PreparedScenario prepared;
        try
        {
            prepared = ScenarioPipeline.PrepareBytes(bytes, name, variant, overrides);
        }
        catch (ScenarioException e)
        {
            var problems = e.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(FieldDiagnostic.From).ToList();
            var headline = overrides.Count == 0 && variant is null
                ? $"'{name}' is not a valid scenario"
                : $"'{name}' is not valid with {(variant is null ? "" : $"variant '{variant}'")}{(variant is not null && overrides.Count > 0 ? " and " : "")}{(overrides.Count > 0 ? "these values" : "")}";
            throw new ExplorerRequestException(400, $"{headline}: {problems.FirstOrDefault()?.Message}", problems);
        }
        var model = new ExploredModel(name, prepared);
        lock (cacheGate)
        {
            models[key] = model;
            model.LastUsed = ++clock;
            if (models.Count > CachedModels) models.Remove(models.MinBy(pair => pair.Value.LastUsed).Key);
        }
        return model;
    }
}
