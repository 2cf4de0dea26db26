using System.Globalization;
using NorthKoreaShadowWar.Compilation;
using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Simulation;
using NorthKoreaShadowWar.Statistics;

namespace NorthKoreaShadowWar.Shards;

/// <summary>
/// Everything a shard's run gathered, exactly (counts, histograms, per-block moments, quantile sketches), with what
/// identifies the run it belongs to: enough for <see cref="ShardMerge"/> to give the unsharded run's numbers bit for bit.
/// Saved beside the shard's results as <see cref="FileName"/> by <see cref="ShardStateFile"/>.
/// </summary>
internal sealed class ShardState
{
    /// <summary>The state file's name in a shard's results folder.</summary>
    public const string FileName = "shard-state.json";

    /// <summary>The copy of the scenario file kept in a shard's results folder, so a merge needs nothing else.</summary>
    public const string ScenarioCopyFileName = "scenario.yaml";

    /// <summary>The scenario's name.</summary>
    public required string Scenario { get; init; }

    /// <summary>The scenario file's path as the user gave it to <c>run</c> (recorded in the merged results too).</summary>
    public required string ScenarioFile { get; init; }

    /// <summary>The SHA-256 of the scenario file's bytes, lowercase hex.</summary>
    public required string ScenarioSha256 { get; init; }

    /// <summary>The engine version that ran the shard.</summary>
    public required string EngineVersion { get; init; }

    /// <summary>The variant applied, or null.</summary>
    public string? Variant { get; init; }

    /// <summary>The <c>--set name=value</c> overrides applied, in order.</summary>
    public IReadOnlyList<string> Overrides { get; init; } = [];

    /// <summary>The seed of the whole run.</summary>
    public required ulong Seed { get; init; }

    /// <summary>Trials in the whole (unsharded) run.</summary>
    public required long TotalTrials { get; init; }

    /// <summary>Which shard this is and which trials it ran.</summary>
    public required ShardRange Range { get; init; }

    /// <summary>Threads the shard used.</summary>
    public required int Threads { get; init; }

    /// <summary>Machine-steps the shard simulated.</summary>
    public required long MachineSteps { get; init; }

    /// <summary>Wall time of the shard's trial loop, in seconds.</summary>
    public required double SimulateSeconds { get; init; }

    /// <summary>The horizon of the scenario as run, in steps.</summary>
    public required int Horizon { get; init; }

    internal long[] Occupancy { get; init; } = default!;

    internal long[][] FirstStep { get; init; } = default!;

    internal long[][] StepsIn { get; init; } = default!;

    internal RunningMoments[][] BlockMoments { get; init; } = default!;

    internal QuantileSketchContents[] Sketches { get; init; } = default!;

    /// <summary>The state of <paramref name="simulation"/>, shard <paramref name="range"/> of a run of <paramref name="totalTrials"/> trials.</summary>
    /// <exception cref="ArgumentException">The simulation did not run exactly the trials of <paramref name="range"/>.</exception>
    public static ShardState Of(SimulationResult simulation, ShardRange range, long totalTrials)
    {
        if (simulation.Settings.FirstTrial != range.FirstTrial || simulation.Trials != range.Trials)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"the simulation ran {simulation.Trials} trials from {simulation.Settings.FirstTrial}, not those of shard {range.Index}/{range.Count}"), nameof(simulation));
        var source = simulation.Model.Scenario.Source;
        return new ShardState
        {
            Scenario = source.Name,
            ScenarioFile = source.SourceFile,
            ScenarioSha256 = source.Sha256,
            EngineVersion = ResultsBuilder.EngineVersion,
            Variant = source.AppliedVariant,
            Overrides = source.AppliedOverrides,
            Seed = simulation.Settings.Seed,
            TotalTrials = totalTrials,
            Range = range,
            Threads = simulation.Threads,
            MachineSteps = simulation.MachineSteps,
            SimulateSeconds = simulation.SimulateTime.TotalSeconds,
            Horizon = simulation.Model.Horizon,
            Occupancy = simulation.Occupancy,
            FirstStep = simulation.FirstStep,
            StepsIn = simulation.StepsIn,
            BlockMoments = simulation.BlockMoments,
            Sketches = [.. simulation.ValueSketches.Select(s => s.Contents)],
        };
    }

    /// <summary>The shard's results as a simulation of <paramref name="model"/>, ready for <see cref="SimulationResult.Concatenate"/>.</summary>
    /// <exception cref="InvalidDataException">The saved numbers do not have the shape <paramref name="model"/> gives them.</exception>
    public SimulationResult ToSimulation(CompiledModel model)
    {
        if (FitProblem(model) is { } problem) throw new InvalidDataException(problem);
        return new SimulationResult
        {
            Model = model,
            Settings = new RunSettings { FirstTrial = Range.FirstTrial, Trials = Range.Trials, Seed = Seed, Threads = Threads },
            Trials = Range.Trials,
            MachineSteps = MachineSteps,
            SimulateTime = TimeSpan.FromSeconds(SimulateSeconds),
            Occupancy = Occupancy,
            FirstStep = FirstStep,
            StepsIn = StepsIn,
            BlockMoments = BlockMoments,
            ValueMoments = SimulationResult.MergeInBlockOrder(BlockMoments),
            ValueSketches = [.. Sketches.Select(QuantileSketch.FromContents)],
        };
    }

    /// <summary>
    /// Why the saved numbers cannot be a run of <paramref name="model"/>, naming the field at fault, or null when they
    /// can: they have the shape the scenario gives them, and at every step each machine's states hold all the shard's
    /// trials between them. (What needs no scenario is checked when the file is read, see <see cref="ShardStateFile.Read"/>.)
    /// </summary>
    public string? FitProblem(CompiledModel model) =>
        ShapeProblem(model) is { } shape ? $"the saved state does not fit the scenario: {shape}" : OccupancyProblem(model);

    private string? OccupancyProblem(CompiledModel model)
    {
        for (var t = 0; t <= model.Horizon; t++)
            for (var m = 0; m < model.MachineCount; m++)
            {
                var first = t * model.TotalStates + model.StateOffset[m];
                var sum = ShardStateChecks.Sum(new ArraySegment<long>(Occupancy, first, model.StateCount[m]));
                if (sum != Range.Trials)
                    return string.Create(CultureInfo.InvariantCulture, $"occupancy[{first}..{first + model.StateCount[m] - 1}]: after step {t} the states of machine '{model.Scenario.Machines[m].Name}' "
                        + $"hold {sum} trials between them, not the shard's {Range.Trials}");
            }
        return null;
    }

    private string? ShapeProblem(CompiledModel model)
    {
        var blocks = RunAccumulator.BlockCount(Range.Trials);
        if (Horizon != model.Horizon) return string.Create(CultureInfo.InvariantCulture, $"horizon {Horizon}, the scenario's is {model.Horizon}");
        if (Occupancy.Length != (model.Horizon + 1) * model.TotalStates) return string.Create(CultureInfo.InvariantCulture, $"{Occupancy.Length} occupancy cells, expected {(model.Horizon + 1) * model.TotalStates}");
        if (FirstStep.Length != model.FirstStepConditions.Length || FirstStep.Any(h => h.Length != model.Horizon + 2)) return "the first-step histograms do not match the outcomes";
        if (StepsIn.Length != model.StepsInConditions.Length || StepsIn.Any(h => h.Length != model.Horizon + 1)) return "the steps-in histograms do not match the outcomes";
        if (BlockMoments.Length != model.ValuePrograms.Length || BlockMoments.Any(b => b.Length != blocks)) return string.Create(CultureInfo.InvariantCulture, $"the block moments are not {blocks} blocks of each value outcome");
        if (Sketches.Length != model.ValuePrograms.Length) return "the quantile sketches do not match the value outcomes";
        return null;
    }
}
