using NorthKoreaShadowWar.Compilation;
using NorthKoreaShadowWar.Simulation;

namespace NorthKoreaShadowWar.Benchmarks;

/// <summary>Finds the bundled scenarios and counts the machine-steps a fixed set of trials takes.</summary>
internal static class BenchmarkScenarios
{
    public static string Path(string relative)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "NorthKoreaShadowWar.sln")))
            directory = directory.Parent;
        if (directory is null) throw new InvalidOperationException("run the benchmarks from inside the repository");
        return System.IO.Path.Combine(directory.FullName, "scenarios", relative);
    }

    public static CompiledModel Load(string relative) => ScenarioPipeline.Prepare(Path(relative)).Model;

    /// <summary>Machine-steps simulated by trials 0..trials-1 with seed 1 (deterministic, so the same in every run).</summary>
    public static long MachineSteps(string relative, int trials)
    {
        var model = Load(relative);
        var simulator = new TrialSimulator(model, seed: 1);
        var outcomeValues = new double[model.ValuePrograms.Length];
        for (var trial = 0; trial < trials; trial++) simulator.Run(trial, outcomeValues);
        return simulator.Tallies.MachineSteps;
    }

    /// <summary>Machine-steps in trials 0..trials-1 when every step of every trial is simulated (the reference simulator).</summary>
    public static long EveryMachineStep(string relative, int trials)
    {
        var model = Load(relative);
        return (long)trials * model.Horizon * model.Scenario.Machines.Count;
    }
}
